package org.gridgov.field;

import java.time.Instant;

/** A patrol was stopped, with its final figures. */
public record PatrolFinished(
        long patrolId,
        String gridCode,
        long userId,
        Instant startedAt,
        Instant stoppedAt,
        double distanceMetres,
        long movingSeconds,
        Double coverage) {}
