package org.gridgov.region.internal;

import java.time.Instant;
import org.gridgov.region.DedicatedKind;
import org.gridgov.region.GridType;
import org.gridgov.region.RegionLevel;
import org.locationtech.jts.geom.Geometry;

/** One version of a grid as stored. */
public record GridVersion(
        long id,
        String code,
        String name,
        GridType type,
        DedicatedKind dedicatedKind,
        int level,
        String villageCode,
        String parentGridCode,
        Geometry boundary,
        double areaM2,
        Instant validFrom,
        Instant validTo,
        long createdBy,
        Long endedBy) {

    public RegionLevel regionLevel() {
        return RegionLevel.ofGridLevel(level);
    }

    /** The grid's parent in the tree: its parent grid, or its village. */
    public String parentCode() {
        return parentGridCode != null ? parentGridCode : villageCode;
    }
}
