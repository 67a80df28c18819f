package org.gridgov.region;

import java.time.Instant;
import java.util.List;

/**
 * Grids were created, redrawn, split, merged or retired.
 *
 * @param sourceCodes the grids whose current versions ended
 * @param resultCodes the grids that have new current versions
 */
public record GridsChanged(
        long adjustmentId, String kind, Instant effectiveAt, List<String> sourceCodes, List<String> resultCodes) {}
