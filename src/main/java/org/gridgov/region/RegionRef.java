package org.gridgov.region;

/** A node of the tree named by code, name and level; used for ancestor paths. */
public record RegionRef(String code, String name, RegionLevel level) {}
