package org.gridgov.team;

/**
 * The level a cadre answers from (包联): a county leader for a township (县领导包乡镇), a township cadre for a village
 * (乡镇干部包村), a village cadre for a grid (村干部包网格). A cadre answers for an area below their own level.
 */
public enum CadreLevel {
    COUNTY("县级", "County", 6),
    TOWNSHIP("乡镇级", "Township", 9),
    VILLAGE("村级", "Village", 12);

    private final String label;
    private final String labelEn;
    private final int codeLength;

    CadreLevel(String label, String labelEn, int codeLength) {
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

    /** Whether a cadre of this level may answer for an area with a code of this length (a level below). */
    public boolean answersFor(String areaCode) {
        return areaCode.length() > codeLength;
    }
}
