package org.gridgov.region;

/** A level of the tree, from province down to the optional levels below a grid. */
public enum RegionLevel {
    PROVINCE(2),
    CITY(4),
    COUNTY(6),
    TOWNSHIP(9),
    VILLAGE(12),
    GRID(15),
    MICRO_GRID(17),
    BUILDING_UNIT(19);

    private final int codeLength;

    RegionLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    public int codeLength() {
        return codeLength;
    }

    public boolean isGrid() {
        return ordinal() >= GRID.ordinal();
    }

    /** The grid level of this level: 1 for a grid, 2 for a micro-grid, 3 for a building unit. */
    public int gridLevel() {
        return isGrid() ? ordinal() - GRID.ordinal() + 1 : 0;
    }

    public static RegionLevel ofGridLevel(int gridLevel) {
        return values()[GRID.ordinal() + gridLevel - 1];
    }

    /** The level of an administrative code by its length, or null for a length no level has. */
    public static RegionLevel ofCode(String code) {
        for (var level : values()) {
            if (level.codeLength == code.length()) {
                return level;
            }
        }
        return null;
    }
}
