package org.gridgov.audit;

import org.gridgov.audit.internal.AuditChain;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask of the audit module: record an event, and check that no record was changed. */
@Component
public class AuditLog {

    private final AuditChain chain;

    AuditLog(AuditChain chain) {
        this.chain = chain;
    }

    /**
     * Appends one record to the chain and commits it at once, so that the record stays even when the caller's own
     * transaction rolls back (a refused write must still be audited).
     *
     * <p>Never throws for bad input: what is missing or too long is noted in the record's {@code inputProblems} and
     * the rest is kept. Database failures do propagate, since a request that cannot be audited must not pass silently.
     */
    // Read committed: each statement must see the chain end committed by the previous holder of the lock.
    @Transactional(propagation = Propagation.REQUIRES_NEW, isolation = Isolation.READ_COMMITTED)
    public void record(AuditEntry entry) {
        chain.append(entry);
    }

    /** Walks the whole chain in id order and reports the first record whose hash or link does not match. */
    public ChainVerification verify() {
        return chain.verify();
    }
}
