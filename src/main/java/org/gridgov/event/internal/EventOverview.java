package org.gridgov.event.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures of a home page (工作台), each counted in the caller's scope exactly as the event list counts the query
 * named beside it, so that a figure opens the list that shows as many events. Box, status, source, card, open, from
 * and to are the list's query parameters (GET /api/events).
 *
 * @param day today in the working calendar's zone
 * @param todayFrom the start of {@code day}; {@code todayTo} the start of the next day
 * @param monthFrom the start of this month; {@code monthTo} the start of the next month
 * @param reportedToday everything reported today: from=todayFrom, to=todayTo
 * @param reportedTodayBySource every channel of report, none left out: the same with source
 * @param todo what waits for the caller (我的待办): box=todo
 * @param toAccept box=todo, status=REPORTED
 * @param toDispatch box=todo, status=ACCEPTED
 * @param toVerify box=todo, status=FEEDBACK
 * @param toClaim box=todo, status=DISPATCHED
 * @param inHand box=todo, status=CLAIMED
 * @param overdue box=overdue
 * @param yellowCards open events whose running step holds a yellow card and no red one: card=YELLOW
 * @param redCards card=RED
 * @param pendingDelays delay requests waiting for the caller's organization to decide: box=delay
 * @param returnedThisMonth returned or reworked this month, by or to the caller's organization: box=returned
 * @param reportedThisMonth reported by the caller this month: box=reported, from=monthFrom
 * @param reportedThisMonthOpen of those, the ones not yet closed: the same with open=true
 * @param supervised 督办件 not yet closed, whoever supervised them: supervised=true, open=true; null for a caller who
 *     neither supervises nor approves assessments, whose home does not show it
 * @param supervisedOverdue of those, the ones past their deadline: box=overdue, supervised=true; null as above
 */
public record EventOverview(
        LocalDate day,
        Instant todayFrom,
        Instant todayTo,
        Instant monthFrom,
        Instant monthTo,
        long reportedToday,
        List<SourceCount> reportedTodayBySource,
        long todo,
        long toAccept,
        long toDispatch,
        long toVerify,
        long toClaim,
        long inHand,
        long overdue,
        long yellowCards,
        long redCards,
        long pendingDelays,
        long returnedThisMonth,
        long reportedThisMonth,
        long reportedThisMonthOpen,
        Long supervised,
        Long supervisedOverdue) {

    /** How many events came in through one channel (GRID_WORKER, RESIDENT_WEB, HOTLINE, API). */
    public record SourceCount(String source, long count) {}
}
