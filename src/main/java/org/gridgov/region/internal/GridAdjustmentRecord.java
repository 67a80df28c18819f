package org.gridgov.region.internal;

import java.time.Instant;
import java.util.List;

/** Why and when grids changed, and which grids ended and began. */
public record GridAdjustmentRecord(
        long id,
        String kind,
        Instant effectiveAt,
        Instant recordedAt,
        String reason,
        List<String> sourceCodes,
        List<String> resultCodes) {}
