package org.gridgov.region.web;

import java.time.Instant;
import java.util.List;
import org.gridgov.region.DedicatedKind;
import org.gridgov.region.GridType;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionRef;
import org.gridgov.region.internal.GridCatalog.GridDetail;
import org.gridgov.region.internal.GridFeatures;
import tools.jackson.databind.JsonNode;

/**
 * A grid version as the API shows it, outline as GeoJSON. How many people and households live in it is the registry's
 * to say ({@code GET /api/registry/figures?region=}), so it is not repeated here.
 */
record GridView(
        long versionId,
        String code,
        String name,
        GridType type,
        DedicatedKind dedicatedKind,
        RegionLevel level,
        String villageCode,
        String parentGridCode,
        long areaM2,
        String status,
        Instant validFrom,
        Instant validTo,
        double[] labelPoint,
        JsonNode geometry,
        List<RegionRef> path) {

    static GridView of(GridDetail detail) {
        var grid = detail.grid();
        return new GridView(
                grid.id(),
                grid.code(),
                grid.name(),
                grid.type(),
                grid.dedicatedKind(),
                grid.regionLevel(),
                grid.villageCode(),
                grid.parentGridCode(),
                Math.round(grid.areaM2()),
                detail.status(),
                grid.validFrom(),
                grid.validTo(),
                detail.summary().labelPoint(),
                GridFeatures.geometry(grid.boundary()),
                detail.path());
    }
}
