package org.gridgov.event;

import java.time.Instant;

/** The dispatching center approved a delay request (延期): the running step of an event is due later. */
public record DeadlineExtended(
        long eventId,
        String serialNumber,
        Step step,
        long delayRequestId,
        Instant previousDeadline,
        Instant newDeadline,
        Instant at) {}
