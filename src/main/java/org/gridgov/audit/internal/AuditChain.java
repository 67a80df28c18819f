package org.gridgov.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.gridgov.audit.AuditEntry;
import org.gridgov.audit.ChainVerification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends records to the hash chain one at a time across all nodes, and walks the chain to check it. */
@Service
public class AuditChain {

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);

    /** Rows per round trip while verifying: enough to keep the walk fast, few enough to keep memory flat. */
    static final int VERIFY_FETCH_SIZE = 1000;

    private final AuditRepository records;
    private final Clock clock;

    AuditChain(AuditRepository records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /**
     * Links a record to the chain's last one; the advisory lock lasts until the caller's transaction ends, so no
     * other node can read the same last hash before this record is committed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(AuditEntry entry) {
        var clean = CleanEntry.of(entry);
        if (clean.inputProblems() != null) {
            log.warn("Audit entry recorded with input problems: {}", clean.inputProblems());
        }
        append(clean);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void append(CleanEntry clean) {
        records.lockChain();
        byte[] prevHash = records.lastHash().orElse(null);
        // Taken under the lock so that one node's records are in time order along the chain.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        var row = row(records.nextId(), now, clean, prevHash, null);
        records.insert(row(row.id(), now, clean, prevHash, ChainHash.of(prevHash, row)));
    }

    @Transactional(readOnly = true)
    public ChainVerification verify() {
        try (var chain = records.chain(VERIFY_FETCH_SIZE)) {
            long checked = 0;
            byte[] previous = null;
            String startHash = null;
            for (var it = chain.iterator(); it.hasNext(); ) {
                var row = it.next();
                checked++;
                if (checked == 1) {
                    // An archive may have taken the oldest records; the report shows what the log now starts from.
                    previous = row.prevHash();
                    startHash = ChainHash.hex(previous);
                }
                boolean linked = Arrays.equals(previous, row.prevHash());
                if (!linked || !Arrays.equals(ChainHash.of(row.prevHash(), row), row.hash())) {
                    log.error("Audit chain broken at id {} (link {})", row.id(), linked ? "intact" : "broken");
                    return ChainVerification.broken(checked, row.id(), startHash);
                }
                previous = row.hash();
            }
            return ChainVerification.intact(checked, startHash);
        }
    }

    private static ChainRow row(long id, Instant recordedAt, CleanEntry clean, byte[] prevHash, byte[] hash) {
        return new ChainRow(
                id,
                recordedAt,
                clean.userId(),
                clean.username(),
                clean.roles(),
                clean.organization(),
                clean.action(),
                clean.objectType(),
                clean.objectId(),
                clean.result(),
                clean.purpose(),
                clean.detail(),
                clean.clientAddress(),
                clean.inputProblems(),
                prevHash,
                hash);
    }
}
