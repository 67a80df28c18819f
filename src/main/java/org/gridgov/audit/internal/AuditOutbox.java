package org.gridgov.audit.internal;

import java.util.List;
import org.gridgov.audit.AuditEntry;
import org.gridgov.audit.PendingAudit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts a copy of a request's audit record into every transaction the request commits, so that no change is committed
 * without its record. Registered on the transaction manager as a listener: each read-write transaction that begins
 * on a thread with a request under way writes the copy just before it commits. The chain's lock is not taken here,
 * so business transactions never wait for one another's audit records.
 */
@Component
public class AuditOutbox implements TransactionExecutionListener {

    private static final ThreadLocal<OutboxRequest> current = new ThreadLocal<>();

    private final OutboxRepository rows;

    AuditOutbox(OutboxRepository rows) {
        this.rows = rows;
    }

    /** Starts a request on this thread; {@code provisional} is its record as far as known before it runs. */
    public PendingAudit begin(AuditEntry provisional) {
        var request = new OutboxRequest(CleanEntry.of(provisional));
        current.set(request);
        return request;
    }

    /** Ends the request on its thread and tells which outbox rows it left, for its final record to replace. */
    public List<OutboxKey> end(PendingAudit pending) {
        if (!(pending instanceof OutboxRequest request)) {
            throw new IllegalArgumentException("Not a request begun by the audit log: " + pending);
        }
        if (request.thread() == Thread.currentThread() && current.get() == request) {
            current.remove();
        }
        return request.written();
    }

    @Override
    public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
        var request = current.get();
        if (request == null
                || beginFailure != null
                || transaction.isReadOnly()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                if (!readOnly) {
                    request.written(rows.insert(request.countyCode(), request.provisional()));
                }
            }
        });
    }
}
