package org.gridgov.identity.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends an account's browser sessions in the shared session store, on whichever node they were made: after its
 * password changed or was reset, a session signed in with the old password must not go on.
 */
@Component
class AccountSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    AccountSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.sessions = sessions;
    }

    /**
     * Ends every session of {@code username} but {@code keepSessionId} (may be null), once the current transaction
     * commits: the store writes in its own transaction, and a change that rolls back must leave the sessions alone.
     */
    void endAllBut(String username, String keepSessionId) {
        var store = sessions.getIfAvailable();
        if (store == null) {
            return;
        }
        Runnable end = () -> store.findByPrincipalName(username).keySet().stream()
                .filter(id -> !id.equals(keepSessionId))
                .forEach(store::deleteById);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    end.run();
                }
            });
        } else {
            end.run();
        }
    }
}
