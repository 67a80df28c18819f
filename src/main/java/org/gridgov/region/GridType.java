package org.gridgov.region;

/** Ordinary grids cover residential areas; dedicated grids cover one unit such as a school or an industrial park. */
public enum GridType {
    ORDINARY('1', "普通网格"),
    DEDICATED('2', "专属网格");

    private final char codeDigit;
    private final String label;

    GridType(char codeDigit, String label) {
        this.codeDigit = codeDigit;
        this.label = label;
    }

    /** The type digit inside a grid code, right after the 12-digit village code. */
    public char codeDigit() {
        return codeDigit;
    }

    public String label() {
        return label;
    }
}
