package org.gridgov.audit.internal;

/** A row of the audit outbox: the record a request under way would leave, as of its last committed change. */
record OutboxRow(OutboxKey key, CleanEntry entry) {

    /** Added to the detail of a record made from a row a crash left behind. */
    static final String ANSWER_NOT_RECORDED = "(已提交，应答未记录 committed; the answer was not recorded)";

    /** The record of a request whose change committed but which never finished. */
    CleanEntry leftOver() {
        return entry.withDetail(
                entry.detail() == null ? ANSWER_NOT_RECORDED : entry.detail() + " " + ANSWER_NOT_RECORDED);
    }
}
