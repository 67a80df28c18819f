package org.gridgov.field;

import java.time.Instant;
import java.util.List;

/**
 * A patrol as the API shows it, with its figures as they stand (final once stopped).
 *
 * @param distanceMetres along the counted points, pauses left out
 * @param movingSeconds from start to stop (or now), pauses left out
 * @param coverage the share of the grid's cells the track came near, 0 to 1; null before the first point
 * @param lastSeq the highest sequence number stored, for the device to know what arrived
 * @param events the events the worker reported during the patrol
 * @param visits the visits the worker made during the patrol
 */
public record Patrol(
        long id,
        String gridCode,
        String gridName,
        long userId,
        String workerName,
        PatrolStatus status,
        String statusLabel,
        Instant startedAt,
        Instant stoppedAt,
        double distanceMetres,
        long movingSeconds,
        Double coverage,
        int pointCount,
        Integer lastSeq,
        List<LinkedEvent> events,
        List<LinkedVisit> visits) {

    public Patrol {
        events = events == null ? null : List.copyOf(events);
        visits = visits == null ? null : List.copyOf(visits);
    }

    /** An event reported during the patrol. */
    public record LinkedEvent(long eventId, String serialNumber, String title, Instant reportedAt) {}

    /** A visit made during the patrol: of what, and when. */
    public record LinkedVisit(long visitId, String subjectName, Instant visitedAt) {}
}
