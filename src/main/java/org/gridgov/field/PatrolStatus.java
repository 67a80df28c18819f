package org.gridgov.field;

/** Where a patrol stands. Which moves each status allows is written once, in {@link PatrolMove}. */
public enum PatrolStatus {
    /** On the way, the track recording. 巡查中 */
    RUNNING("巡查中"),
    /** Paused: points recorded now do not count. 已暂停 */
    PAUSED("已暂停"),
    /** Over; its figures are final. 已结束 */
    STOPPED("已结束");

    private final String label;

    PatrolStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean allows(PatrolMove move) {
        return move.from().contains(this);
    }
}
