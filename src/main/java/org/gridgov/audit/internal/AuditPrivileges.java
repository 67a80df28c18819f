package org.gridgov.audit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Warns at start when the platform's database role could change or remove audit records, as on a database set up
 * without the roles docs/SECURITY.md describes: the triggers alone would then stand between it and the history.
 */
@Component
class AuditPrivileges {

    private static final Logger log = LoggerFactory.getLogger(AuditPrivileges.class);

    private final JdbcClient jdbc;

    AuditPrivileges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        if (mayChangeRecords()) {
            log.warn("The platform's database role may change or remove audit records (superuser, owner of audit_log,"
                    + " or UPDATE/DELETE/TRUNCATE granted); give it only SELECT and INSERT (docs/SECURITY.md)");
        }
    }

    boolean mayChangeRecords() {
        return jdbc.sql("""
                        select r.rolsuper
                            or pg_has_role(current_user, c.relowner, 'USAGE')
                            or has_table_privilege(current_user, c.oid, 'UPDATE, DELETE, TRUNCATE')
                        from pg_roles r, pg_class c
                        where r.rolname = current_user and c.oid = 'audit_log'::regclass""").query(Boolean.class).single();
    }
}
