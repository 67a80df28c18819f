package org.gridgov.team;

/** Whether a member serves the grid as their job or beside another one (专职 / 兼职). */
public enum Employment {
    FULL_TIME("专职", "Full-time"),
    PART_TIME("兼职", "Part-time");

    private final String label;
    private final String labelEn;

    Employment(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }
}
