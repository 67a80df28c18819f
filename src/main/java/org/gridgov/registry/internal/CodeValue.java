package org.gridgov.registry.internal;

/** One value of a code set (民族 01 汉族 Han, 与户主关系 02 户主 Head of household…). */
public record CodeValue(String code, String name, String nameEn) {}
