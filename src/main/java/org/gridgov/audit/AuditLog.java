package org.gridgov.audit;

import org.gridgov.audit.internal.AuditChain;
import org.gridgov.audit.internal.AuditOutbox;
import org.gridgov.audit.internal.AuditWriter;
import org.springframework.stereotype.Component;

/** What other modules may ask of the audit module: record an event, and check that no record was changed. */
@Component
public class AuditLog {

    private final AuditChain chain;
    private final AuditWriter writer;
    private final AuditOutbox outbox;

    AuditLog(AuditChain chain, AuditWriter writer, AuditOutbox outbox) {
        this.chain = chain;
        this.writer = writer;
        this.outbox = outbox;
    }

    /**
     * Appends one record to the chain and commits it before returning (together with records other requests made
     * meanwhile), so that the record stays even when the caller's own transaction rolls back (a refused write must
     * still be audited).
     *
     * <p>Never throws for bad input: what is missing or too long is noted in the record's {@code inputProblems} and
     * the rest is kept; ID and phone numbers in free text are masked. Database failures do propagate, since a request
     * that cannot be audited must not pass silently.
     */
    public void record(AuditEntry entry) {
        writer.write(entry);
    }

    /**
     * Starts auditing work on this thread whose outcome is known only at its end, such as an API request: until
     * {@link #complete}, every read-write transaction that commits on this thread also stores {@code provisional} in
     * the same transaction, so that a crash after the commit cannot leave the change unaudited (the record is then
     * made from that copy, noting that the answer was not recorded). Call {@link #complete} in a {@code finally}.
     */
    public PendingAudit begin(AuditEntry provisional) {
        return outbox.begin(provisional);
    }

    /**
     * Ends the work begun with {@link #begin} and records {@code entry}, its final record, in place of the copies its
     * transactions stored; behaves as {@link #record} otherwise.
     */
    public void complete(PendingAudit pending, AuditEntry entry) {
        writer.write(entry, outbox.end(pending));
    }

    /** Walks the whole chain in id order and reports the first record whose hash or link does not match. */
    public ChainVerification verify() {
        return chain.verify();
    }
}
