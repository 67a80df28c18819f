package org.gridgov.assessment;

import java.time.Instant;

/**
 * A 加分 (positive points) or 扣分 (negative) of a subject for a period, with its reason, entered by one person and
 * approved or rejected by another; only approved ones count.
 */
public record Adjustment(
        long id,
        String period,
        String subject,
        String subjectName,
        double points,
        String reason,
        String status,
        String enteredBy,
        Instant enteredAt,
        String decidedBy,
        String decisionNote,
        Instant decidedAt) {}
