package org.gridgov.field;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One sign-in or sign-out: where and when, and whether the point lies in one of the worker's grids.
 *
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
        double lon,
        double lat,
        Double accuracy,
        String device,
        String gridCode,
        String gridName,
        String locatedGridCode,
        boolean inside,
        String requestId) {}
