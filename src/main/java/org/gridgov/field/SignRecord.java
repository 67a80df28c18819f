package org.gridgov.field;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One sign-in or sign-out: where and when, and whether the point lies in one of the worker's grids.
 *
 * @param at when the tap was made: the time it arrived, or the phone's time of a record sent after being offline
 * @param receivedAt when the server received it; later than {@code at} for a record kept on the phone offline
 * @param gridCode the worker's grid the record counts for: the one containing the point, else the worker's first
 * @param locatedGridCode the grid the point lies in, whoever's it is; null outside every grid
 */
public record SignRecord(
        long id,
        long userId,
        String workerName,
        SignKind kind,
        LocalDate day,
        Instant at,
        Instant receivedAt,
        double lon,
        double lat,
        Double accuracy,
        String device,
        String gridCode,
        String gridName,
        String locatedGridCode,
        boolean inside,
        String requestId) {}
