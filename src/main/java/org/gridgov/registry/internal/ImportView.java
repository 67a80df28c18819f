package org.gridgov.registry.internal;

import java.time.Instant;

/** An import job as its progress endpoint shows it; {@code totalRows} counts the rows read so far. */
public record ImportView(
        long id,
        String kind,
        String fileName,
        String startedByName,
        ImportStatus status,
        int totalRows,
        int accepted,
        int rejected,
        String failure,
        Instant startedAt,
        Instant finishedAt) {}
