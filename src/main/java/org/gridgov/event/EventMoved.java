package org.gridgov.event;

import java.time.Instant;

/** An event moved: reported, accepted, dispatched, closed… — one per row of the event's history. */
public record EventMoved(
        long eventId,
        String serialNumber,
        Move move,
        EventStatus from,
        EventStatus to,
        String fromHolder,
        String toHolder,
        Instant at) {}
