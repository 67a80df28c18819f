package org.gridgov.audit.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns outbox rows that a crash left behind into audit records noting that the answer was not recorded: at start
 * and every minute, only rows older than {@link AuditSettings#outboxGrace()}, each appended and deleted in one
 * transaction. Safe on several nodes: a row one node is sweeping is skipped by the others.
 */
@Component
public class AuditOutboxSweep {

    private static final Logger log = LoggerFactory.getLogger(AuditOutboxSweep.class);

    /** Rows per transaction: the chain's lock is held until each batch commits. */
    static final int BATCH = 100;

    private final OutboxRepository outbox;
    private final AuditChain chain;
    private final AuditSettings settings;
    private final TransactionTemplate transactions;

    AuditOutboxSweep(
            OutboxRepository outbox,
            AuditChain chain,
            AuditSettings settings,
            PlatformTransactionManager transactionManager) {
        this.outbox = outbox;
        this.chain = chain;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        // Read committed, as for every append: each statement must see the chain end the last lock holder committed.
        transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        sweep();
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void everyMinute() {
        sweep();
    }

    /** Records every left-over row older than the configured grace; returns how many. */
    public int sweep() {
        return sweep(settings.outboxGrace());
    }

    /** Records every left-over row older than {@code age}; returns how many. */
    public int sweep(Duration age) {
        int total = 0;
        int batch;
        do {
            Integer swept = transactions.execute(status -> {
                var rows = outbox.claimOlderThan(age, BATCH);
                for (var row : rows) {
                    chain.append(row.leftOver());
                }
                outbox.delete(rows.stream().map(OutboxRow::key).toList());
                return rows.size();
            });
            batch = swept == null ? 0 : swept;
            total += batch;
        } while (batch == BATCH);
        if (total > 0) {
            log.warn("Recorded {} audit records of changes committed before a crash, whose answers were lost", total);
        }
        return total;
    }
}
