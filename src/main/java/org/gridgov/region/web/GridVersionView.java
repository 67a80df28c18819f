package org.gridgov.region.web;

import java.time.Instant;
import org.gridgov.region.GridType;
import org.gridgov.region.internal.GridFeatures;
import org.gridgov.region.internal.GridVersion;
import tools.jackson.databind.JsonNode;

/** One version in a grid's history. */
record GridVersionView(
        long versionId,
        String code,
        String name,
        GridType type,
        long areaM2,
        Instant validFrom,
        Instant validTo,
        long createdBy,
        Long endedBy,
        JsonNode geometry) {

    static GridVersionView of(GridVersion grid) {
        return new GridVersionView(
                grid.id(),
                grid.code(),
                grid.name(),
                grid.type(),
                Math.round(grid.areaM2()),
                grid.validFrom(),
                grid.validTo(),
                grid.createdBy(),
                grid.endedBy(),
                GridFeatures.geometry(grid.boundary()));
    }
}
