package org.gridgov.audit;

import org.gridgov.audit.internal.AuditChain;
import org.gridgov.audit.internal.AuditWriter;
import org.springframework.stereotype.Component;

/** What other modules may ask of the audit module: record an event, and check that no record was changed. */
@Component
public class AuditLog {

    private final AuditChain chain;
    private final AuditWriter writer;

    AuditLog(AuditChain chain, AuditWriter writer) {
        this.chain = chain;
        this.writer = writer;
    }

    /**
     * Appends one record to the chain and commits it before returning (together with records other requests made meanwhile), so that the record stays even when the caller's own
     * transaction rolls back (a refused write must still be audited).
     *
     * <p>Never throws for bad input: what is missing or too long is noted in the record's {@code inputProblems} and
     * the rest is kept. Database failures do propagate, since a request that cannot be audited must not pass silently.
     */
    public void record(AuditEntry entry) {
        writer.write(entry);
    }

    /** Walks the whole chain in id order and reports the first record whose hash or link does not match. */
    public ChainVerification verify() {
        return chain.verify();
    }
}
