package org.gridgov.event;

import java.time.Instant;
import java.util.List;

/**
 * What the assessment counts of one event: its history folded up to a cut-off, so that figures computed again with the
 * same cut-off come out the same (the history is append-only).
 *
 * @param status the status at the cut-off
 * @param accepted the event was accepted as a case (立案) at least once
 * @param resolvedOnTheSpot the reporter resolved it on the spot (就地处置)
 * @param merged it ended as a duplicate merged into another event
 * @param reworked verification sent the result back at least once (返工)
 * @param lateSteps steps that ended after their deadline, or were still running past it at the cut-off (超期)
 * @param satisfaction the rating of the last closing, if rated
 * @param handlings each dispatch of the event, in order
 */
public record EventFact(
        long id,
        String serialNumber,
        String title,
        String gridCode,
        Long reporterUserId,
        String source,
        String categoryCode,
        String categoryName,
        Instant reportedAt,
        EventStatus status,
        boolean accepted,
        boolean resolvedOnTheSpot,
        boolean merged,
        boolean reworked,
        int lateSteps,
        int supervisions,
        int yellowCards,
        int redCards,
        Integer satisfaction,
        List<Handling> handlings) {

    public EventFact {
        handlings = List.copyOf(handlings);
    }

    public boolean closed() {
        return status == EventStatus.CLOSED || status == EventStatus.ARCHIVED;
    }

    /** Not accepted as a case (不予受理), merged duplicates aside: the report was not a valid one. */
    public boolean rejected() {
        return status == EventStatus.REJECTED && !merged;
    }

    /**
     * One dispatch of an event to an organization and what became of it there, up to the cut-off.
     *
     * @param lateSteps steps that ran past their deadline while the organization held the event
     * @param yellowCards cards raised while the organization held the event
     */
    public record Handling(
            String organization,
            Instant dispatchedAt,
            boolean claimed,
            boolean returned,
            boolean handled,
            boolean reworked,
            int lateSteps,
            int yellowCards,
            int redCards) {}
}
