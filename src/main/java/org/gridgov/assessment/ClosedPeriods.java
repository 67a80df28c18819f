package org.gridgov.assessment;

import java.time.Instant;

/**
 * A period closed for every county of a center's area at once: {@code closed} counties were closed now, keeping
 * {@code subjects} results, {@code closedBefore} had been closed already, and {@code failed} could not be closed (the
 * closing scan tries those again).
 */
public record ClosedPeriods(
        String period, int counties, int closed, int closedBefore, int failed, int subjects, Instant closedAt) {}
