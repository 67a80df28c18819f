package org.gridgov.team;

/**
 * A position in a grid's team (网格长, 专职网格员 …), kept as data.
 *
 * @param onePerGrid held by one member of a grid at a time (网格长)
 * @param employment the employment every holder has (专职 / 兼职网格员), null where each member's own is asked
 */
public record Position(
        String code, String name, String nameEn, int sortOrder, boolean onePerGrid, Employment employment) {}
