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
 * @param userLabel the acting user's name as it is now, null when unknown
 * @param organizationLabel the organization's name as it is now, null when unknown
 * @param labelType the kind of object {@code objectLabel} names: {@code objectType}, or for an API path the kind of
 *     object the path ends in; null when there is no label
 * @param objectLabel the object's name as it is now (a person's name, a case number and title), null when unknown;
 *     never an ID or phone number
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
        String hash,
        String userLabel,
        String organizationLabel,
        String labelType,
        String objectLabel) {

    static AuditRecord of(ChainRow row, String userLabel, String organizationLabel, String labelType, String label) {
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
                ChainHash.hex(row.hash()),
                userLabel,
                organizationLabel,
                label == null ? null : labelType,
                label);
    }
}
