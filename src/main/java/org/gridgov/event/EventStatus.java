package org.gridgov.event;

/**
 * Where an event stands. Which moves each status allows is written once, in {@link Move}; see docs/WORKFLOW.md for
 * the whole table.
 */
public enum EventStatus {
    /** Reported to a center (or escalated to the next one), waiting to be accepted. 待受理 */
    REPORTED("待受理"),
    /** Accepted as a case by the holding center, to be dispatched, escalated or handled. 已立案 */
    ACCEPTED("已立案"),
    /** Dispatched to a department or lower level, waiting to be claimed. 待签收 */
    DISPATCHED("待签收"),
    /** Claimed and being handled. 办理中 */
    CLAIMED("办理中"),
    /** Handled (or resolved on the spot), waiting for on-site verification. 待核查 */
    FEEDBACK("待核查"),
    /** Verified and closed. 已结案 */
    CLOSED("已结案"),
    /** Not accepted: not a case, or a duplicate. 不予受理 */
    REJECTED("不予受理"),
    /** Put on hold (挂账) until it can go on. */
    SUSPENDED("挂账"),
    /** Closed and archived. 已归档 */
    ARCHIVED("已归档");

    private final String label;

    EventStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean allows(Move move) {
        return move.from().contains(this);
    }

    public boolean isOpen() {
        return this != CLOSED && this != REJECTED && this != ARCHIVED;
    }
}
