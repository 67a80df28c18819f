package org.gridgov.audit.internal;

import java.time.Instant;
import org.gridgov.audit.AuditAction;
import org.gridgov.audit.AuditResult;

/**
 * What to search the audit log for; every field is optional.
 *
 * @param from earliest time, inclusive
 * @param to latest time, exclusive
 */
public record AuditCriteria(
        Instant from,
        Instant to,
        String username,
        AuditAction action,
        String objectType,
        String objectId,
        AuditResult result) {}
