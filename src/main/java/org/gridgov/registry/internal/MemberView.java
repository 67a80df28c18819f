package org.gridgov.registry.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A person in a group as the console shows it: the ID number masked as the caller may see it ({@link Disclosure}); the
 * group's fields only in the single view, not in lists; {@code overdue} when the next follow-up was due before today.
 */
public record MemberView(
        long id,
        long residentId,
        String name,
        String idNumber,
        String gridCode,
        String gridName,
        String groupCode,
        String groupName,
        String groupNameEn,
        GroupCategory category,
        Map<String, String> details,
        String attentionLevel,
        String attentionLevelName,
        int frequencyDays,
        LocalDate registeredOn,
        LocalDate lastFollowUpOn,
        LocalDate nextDueOn,
        boolean overdue,
        long followUps,
        String lastFollowUpKind,
        String lastFollowUpContent,
        int version,
        Instant endedAt,
        String endedReason) {}
