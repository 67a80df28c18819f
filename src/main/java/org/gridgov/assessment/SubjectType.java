package org.gridgov.assessment;

/** What is assessed. Regions are named by their code, whose length gives the level; the others by their own key. */
public enum SubjectType {
    WORKER("网格员", "Grid worker", 0),
    GRID("网格", "Grid", 15),
    VILLAGE("村（社区）", "Village", 12),
    TOWNSHIP("乡镇（街道）", "Township", 9),
    COUNTY("县（市、区）", "County", 6),
    DEPARTMENT("职能部门", "Department", 0);

    private final String label;
    private final String labelEn;
    private final int codeLength;

    SubjectType(String label, String labelEn, int codeLength) {
        this.label = label;
        this.labelEn = labelEn;
        this.codeLength = codeLength;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The length of the region codes of this level; 0 for subjects that are not regions. */
    public int codeLength() {
        return codeLength;
    }

    public boolean isRegion() {
        return codeLength > 0;
    }
}
