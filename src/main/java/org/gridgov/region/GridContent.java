package org.gridgov.region;

/**
 * How many records of one kind a grid holds.
 *
 * @param kind a stable name such as {@code residents} or {@code openEvents}
 * @param label what the kind is called in Chinese, for messages
 * @param labelEn what the kind is called in English
 */
public record GridContent(String kind, long count, String label, String labelEn) {}
