package org.gridgov.region;

/** What a dedicated grid covers. */
public enum DedicatedKind {
    INDUSTRIAL_PARK("产业园区"),
    SCHOOL("学校"),
    HOSPITAL("医院"),
    RESERVOIR("水库"),
    SCENIC_AREA("景区"),
    ARMY_SITE("部队驻地"),
    MARKET("商贸市场"),
    FOREST_FARM("林场"),
    GOVERNMENT_COMPOUND("机关单位"),
    OTHER("其他");

    private final String label;

    DedicatedKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
