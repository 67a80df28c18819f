package org.gridgov.region;

/**
 * One version of a grid, without its outline.
 *
 * @param versionId the id of this version; records made under the grid keep it, so they stay with the grid as it
 *     was even after the grid is redrawn, split or merged
 * @param labelPoint a point inside the grid, [lon, lat], for labels and tests
 */
public record GridSummary(
        long versionId,
        String code,
        String name,
        GridType type,
        DedicatedKind dedicatedKind,
        RegionLevel level,
        String villageCode,
        String parentGridCode,
        double[] labelPoint) {}
