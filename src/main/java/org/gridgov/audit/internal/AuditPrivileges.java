package org.gridgov.audit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns at start when the platform's database role could change or remove audit records, as on a database set up
 * without the roles docs/SECURITY.md describes: the triggers alone would then stand between it and the history.
 */
@Component
class AuditPrivileges {

    private static final Logger log = LoggerFactory.getLogger(AuditPrivileges.class);

    private final AuditRepository records;

    AuditPrivileges(AuditRepository records) {
        this.records = records;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        if (records.mayBeChangedByCurrentRole()) {
            log.warn("The platform's database role may change or remove audit records (superuser, owner of audit_log,"
                    + " or UPDATE/DELETE/TRUNCATE granted); give it only SELECT and INSERT (docs/SECURITY.md)");
        }
    }
}
