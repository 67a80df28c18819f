package org.gridgov.event;

import java.time.Instant;

/**
 * An event moved: reported, accepted, dispatched, closed… — one per row of the event's history.
 *
 * @param gridCode the grid the event lies in, so that listeners address only those whose scope covers it
 */
public record EventMoved(
        long eventId,
        String serialNumber,
        String gridCode,
        Move move,
        EventStatus from,
        EventStatus to,
        String fromHolder,
        String toHolder,
        Instant at) {}
