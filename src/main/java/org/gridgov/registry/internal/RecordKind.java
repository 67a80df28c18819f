package org.gridgov.registry.internal;

/** The registers kept in workbooks; the name is the import job's {@code kind}. */
public enum RecordKind {
    RESIDENT("实有人口"),
    HOUSE("实有房屋"),
    PLACE("场所"),
    ORGANIZATION("组织");

    private final String label;

    RecordKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
