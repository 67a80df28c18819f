package org.gridgov.registry;

/** What kind of resident a person is (实有人口 types of GB/T 31000), each with fields only it has. */
public enum ResidentKind {
    /** 户籍人口 */
    REGISTERED("户籍人口"),
    /** 流动人口: inflow reason, registration date, residence permit and its expiry. */
    FLOATING("流动人口"),
    /** 境外人员: document type and number, purpose of stay, arrival and expected departure. */
    FOREIGN("境外人员"),
    /** 留守人员 */
    LEFT_BEHIND("留守人员");

    private final String label;

    ResidentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
