package org.gridgov.registry.internal;

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
 * transaction, so that no personal number stays readable at rest once a version that seals it has run. Only fields
 * marked as having plain values left are gone through, and the mark is cleared once they are done, so that later
 * starts read no registration. Several nodes starting at once share the work: each skips the rows another holds.
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
        catalog.fieldsWithPlainValuesLeft().forEach((group, fields) -> {
            int moved = 0;
            int batch;
            do {
                batch = transactions.execute(status -> {
                    var found = members.withPlainValuesOf(group, fields, BATCH);
                    found.forEach(
                            row -> members.restore(row.id(), sealedFields.split(group, row.details(), row.sealed())));
                    return found.size();
                });
                moved += batch;
            } while (batch == BATCH);
            // Rows another node held were skipped here; that node, which read the same mark, seals them itself.
            transactions.executeWithoutResult(status -> catalog.plainValuesSealed(group, fields));
            if (moved > 0) {
                log.info("Sealed the {} of {} registrations in group {}", fields, moved, group);
            }
        });
    }
}
