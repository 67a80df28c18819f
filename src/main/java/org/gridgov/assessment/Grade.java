package org.gridgov.assessment;

/** The grades of an assessment (考核等次). */
public enum Grade {
    EXCELLENT("优秀", "Excellent"),
    GOOD("良好", "Good"),
    PASS("合格", "Pass"),
    FAIL("不合格", "Fail");

    private final String label;
    private final String labelEn;

    Grade(String label, String labelEn) {
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
