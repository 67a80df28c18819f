package org.gridgov.registry.internal;

import org.gridgov.audit.AuditAction;
import org.gridgov.audit.AuditEntry;
import org.gridgov.audit.AuditLog;
import org.gridgov.audit.AuditResult;
import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.CurrentUsers;
import org.springframework.stereotype.Component;

/**
 * Writes to the audit log who read which people's personal data and how many rows (PIPL art. 51, GB/T 35273 7.1): a
 * person's record, a search by ID number or phone, a ledger, an export, and every such read refused. What was searched
 * for is written masked, never as typed. Each record is committed before the answer leaves, in a group commit with
 * the records other requests write meanwhile.
 */
@Component
public class PersonalReads {

    private final AuditLog audit;
    private final CurrentUsers users;

    PersonalReads(AuditLog audit, CurrentUsers users) {
        this.audit = audit;
        this.users = users;
    }

    /** One record opened: a resident, a registration in a group. */
    void opened(String objectType, long id) {
        write(entry(users.require(), AuditResult.SUCCESS)
                .object(objectType, String.valueOf(id))
                .detail("rows=1"));
    }

    /** A list read: what it was (masked criteria) and how many rows it found. */
    void found(String objectType, String criteria, long rows) {
        write(entry(users.require(), AuditResult.SUCCESS)
                .object(objectType, null)
                .detail(criteria + " rows=" + rows));
    }

    /** Rows taken out as a file, with the purpose the caller gave. */
    void exported(String objectType, String purpose, String criteria, long rows) {
        write(entry(users.require(), AuditResult.SUCCESS)
                .object(objectType, null)
                .purpose(purpose)
                .detail("export " + criteria + " rows=" + rows));
    }

    /**
     * A read of personal data refused (403, or 404 because the record lies outside the caller's scope or does not
     * exist): attempts to reach people one may not see are what an auditor looks for.
     */
    public void refused(String path, int status) {
        var user = users.current().orElse(null);
        var entry = user == null
                ? AuditEntry.builder(AuditAction.VIEW_PERSONAL, AuditResult.DENIED)
                : entry(user, AuditResult.DENIED);
        write(entry.object("api", path).detail("GET " + path + " " + status));
    }

    private static AuditEntry.Builder entry(CurrentUser user, AuditResult result) {
        return AuditEntry.builder(AuditAction.VIEW_PERSONAL, result)
                .userId(user.id())
                .username(user.username())
                .roles(user.rolesText())
                .organization(user.organizationCode());
    }

    private void write(AuditEntry.Builder entry) {
        audit.record(entry.build());
    }
}
