package org.gridgov.registry.internal;

import java.time.LocalDate;

/**
 * One record a schedule makes due: what it is, its grid, when it was last visited and when it is due next, and
 * whether that is past ({@code OVERDUE}), within this week ({@code THIS_WEEK}, Monday to Sunday) or later. For a
 * person under attention {@code memberId} names the registration the visit follows up.
 */
public record PlannedVisit(
        String scheduleCode,
        String scheduleName,
        VisitSubject subjectKind,
        long subjectId,
        Long memberId,
        String subjectName,
        String gridCode,
        String gridName,
        LocalDate lastVisitOn,
        LocalDate dueOn,
        String status) {

    /** How many records of the plan are overdue, due this week and due later. */
    public record Summary(long overdue, long thisWeek, long later) {}
}
