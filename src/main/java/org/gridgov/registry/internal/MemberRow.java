package org.gridgov.registry.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A person in a group as stored, with the person's name, sealed ID number and grid, and the latest follow-up; the
 * fields that hold a personal number are in {@code sealedDetails}, each the base64 of its ciphertext ({@link
 * SealedFields}).
 */
record MemberRow(
        long id,
        long residentId,
        String name,
        byte[] idNumber,
        String gridCode,
        String groupCode,
        Map<String, String> details,
        Map<String, String> sealedDetails,
        String attentionLevel,
        int frequencyDays,
        LocalDate registeredOn,
        LocalDate lastFollowUpOn,
        LocalDate nextDueOn,
        int version,
        Instant endedAt,
        String endedReason,
        long followUps,
        String lastFollowUpKind,
        String lastFollowUpContent) {}
