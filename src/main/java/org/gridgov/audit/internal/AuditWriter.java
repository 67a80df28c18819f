package org.gridgov.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.gridgov.audit.AuditEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits audit records in groups. The chain's lock is held from reading the last hash until the commit reaches the
 * disk, so records appended one transaction each would wait for one another's disk flush; here one writer takes
 * every record that arrived meanwhile into the same transaction. Each caller still waits until its own record is
 * committed: an answered request is an audited one.
 */
@Service
public class AuditWriter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);

    /** Records per transaction at most: keeps one commit short even when a burst has queued many. */
    static final int MAX_GROUP = 256;

    /** A record to append, and the outbox rows of its request that it replaces in the same transaction. */
    private record Pending(AuditEntry entry, List<OutboxKey> replaces, CompletableFuture<Void> done) {}

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AuditChain chain;
    private final OutboxRepository outbox;
    private final TransactionTemplate transactions;
    private final Thread writer;
    private volatile boolean stopping;

    AuditWriter(AuditChain chain, OutboxRepository outbox, PlatformTransactionManager transactionManager) {
        this.chain = chain;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactionManager);
        // Read committed: each statement must see the chain end committed by the previous holder of the lock.
        transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.writer = Thread.ofPlatform().name("audit-writer").daemon().start(this::run);
    }

    /** Appends a record and returns once it is committed; throws when it could not be. */
    public void write(AuditEntry entry) {
        write(entry, List.of());
    }

    /**
     * Appends a record and deletes the outbox rows it replaces in the same transaction, so that the request's changes
     * are vouched for by exactly one of the two at any moment; returns once committed, throws when it could not be.
     */
    public void write(AuditEntry entry, List<OutboxKey> replaces) {
        if (stopping) {
            throw new IllegalStateException("The audit writer has stopped; the record was not kept");
        }
        var pending = new Pending(entry, replaces, new CompletableFuture<>());
        queue.add(pending);
        try {
            pending.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void run() {
        var group = new ArrayList<Pending>(MAX_GROUP);
        while (!stopping || !queue.isEmpty()) {
            try {
                var first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                commit(group);
            } catch (InterruptedException e) {
                stopping = true;
            } finally {
                group.clear();
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("The audit writer stopped first"));
        }
    }

    private void commit(List<Pending> group) {
        try {
            transactions.executeWithoutResult(status -> group.forEach(p -> {
                outbox.delete(p.replaces());
                chain.append(p.entry());
            }));
            group.forEach(p -> p.done().complete(null));
        } catch (RuntimeException groupFailure) {
            if (group.size() == 1) {
                group.getFirst().done().completeExceptionally(groupFailure);
                return;
            }
            // One record the database refuses must not take the others with it: retry each on its own.
            log.warn("Audit group of {} failed ({}); retrying one by one", group.size(), groupFailure.toString());
            for (var p : group) {
                commit(List.of(p));
            }
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        writer.join(TimeUnit.SECONDS.toMillis(10));
    }
}
