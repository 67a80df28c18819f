package org.gridgov.registry.internal;

import java.util.LinkedHashMap;
import org.gridgov.common.Unscoped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals, at start, the values a group field kept plain before it was marked sealed (V27: 残疾人证号), a batch per
 * transaction, so that no personal number stays readable at rest once a version that seals it has run. Several nodes
 * starting at once share the work: each skips the rows another holds.
 */
@Component
@Unscoped("a start-up job over every registration of the deployment, not a caller's read")
class SealedFieldsSweep {

    private static final Logger log = LoggerFactory.getLogger(SealedFieldsSweep.class);
    private static final int BATCH = 500;

    private final GroupCatalog catalog;
    private final MemberRepository members;
    private final SealedFields sealedFields;
    private final TransactionTemplate transactions;

    SealedFieldsSweep(
            GroupCatalog catalog,
            MemberRepository members,
            SealedFields sealedFields,
            PlatformTransactionManager transactionManager) {
        this.catalog = catalog;
        this.members = members;
        this.sealedFields = sealedFields;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealWhatIsStoredPlain() {
        catalog.sealedFields().forEach((group, fields) -> {
            int moved = 0;
            int batch;
            do {
                batch = transactions.execute(status ->
                        members.sealStoredPlain(group, fields, BATCH, (plain, alreadySealed) -> {
                            var stored = sealedFields.split(group, plain);
                            var all = new LinkedHashMap<>(alreadySealed);
                            if (stored.sealed() != null) {
                                all.putAll(stored.sealed());
                            }
                            return new SealedFields.Stored(stored.plain(), all);
                        }));
                moved += batch;
            } while (batch == BATCH);
            if (moved > 0) {
                log.info("Sealed the {} of {} registrations in group {}", fields, moved, group);
            }
        });
    }
}
