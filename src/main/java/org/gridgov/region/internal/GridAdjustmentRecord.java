package org.gridgov.region.internal;

import java.time.Instant;
import java.util.List;

/**
 * Why and when grids changed, and which grids ended and began.
 *
 * @param successorCode the grid that took over what a retired grid held, or null
 */
public record GridAdjustmentRecord(
        long id,
        String kind,
        Instant effectiveAt,
        Instant recordedAt,
        String reason,
        List<String> sourceCodes,
        List<String> resultCodes,
        String successorCode) {}
