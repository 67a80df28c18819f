package org.gridgov.audit.internal;

import java.time.Instant;

/**
 * One stored audit record as auditors read it.
 *
 * <p>Action and result are text, not enums, so that records written under older or newer versions stay readable for
 * the whole retention period.
 *
 * @param inputProblems what was wrong with the caller's entry, comma-separated; null when nothing
 * @param hash hex of the record's chain hash
 */
public record AuditRecord(
        long id,
        Instant recordedAt,
        Long userId,
        String username,
        String roles,
        String organization,
        String action,
        String objectType,
        String objectId,
        String result,
        String purpose,
        String detail,
        String clientAddress,
        String inputProblems,
        String hash) {

    static AuditRecord of(ChainRow row) {
        return new AuditRecord(
                row.id(),
                row.recordedAt(),
                row.userId(),
                row.username(),
                row.roles(),
                row.organization(),
                row.action(),
                row.objectType(),
                row.objectId(),
                row.result(),
                row.purpose(),
                row.detail(),
                row.clientAddress(),
                row.inputProblems(),
                ChainHash.hex(row.hash()));
    }
}
