package org.gridgov.region;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridgov.region.internal.GridCatalog;
import org.gridgov.region.internal.NationalDivisions;
import org.gridgov.region.internal.RegionCatalog;
import org.springframework.stereotype.Component;

/** What other modules may ask of the region module. */
@Component
public class RegionApi {

    private final GridCatalog grids;
    private final RegionCatalog regions;
    private final NationalDivisions divisions;

    RegionApi(GridCatalog grids, RegionCatalog regions, NationalDivisions divisions) {
        this.grids = grids;
        this.regions = regions;
        this.divisions = divisions;
    }

    /** The name of any province, city or county of the country by its 6-digit GB/T 2260 code. */
    public Optional<String> divisionName(String code) {
        return divisions.name(code);
    }

    /** The grid containing a point now, with its ancestors; empty when no grid contains it. */
    public Optional<LocatedGrid> locate(double lon, double lat) {
        return grids.locate(lon, lat);
    }

    /**
     * The code of the grid containing a point (lon and lat in range), without reading the database: for checking many
     * points, such as the rows of an import, where {@link #locate} would load each grid and its ancestors.
     */
    public Optional<String> gridCodeAt(double lon, double lat) {
        return grids.gridCodeAt(lon, lat);
    }

    /** The current version of a grid. */
    public Optional<GridSummary> currentGrid(String code) {
        return grids.current(code);
    }

    /**
     * The outline of a grid's current version (a polygon or multipolygon in CGCS2000 lon/lat degrees), for work over
     * its area such as a patrol's coverage; no caller's scope is applied.
     */
    public Optional<org.locationtech.jts.geom.Geometry> currentOutline(String code) {
        return grids.currentOutline(code);
    }

    /** A grid as it was in one version, for records made under that version. */
    public Optional<GridSummary> gridVersion(long versionId) {
        return grids.version(versionId);
    }

    /** The version of a grid that was current at an instant. */
    public Optional<GridSummary> gridAt(String code, Instant instant) {
        return grids.at(code, instant);
    }

    /**
     * Current grids (level 1) under a region code, a page at a time. No caller's scope is applied: this is for
     * server-side work such as demo data; requests on behalf of a user go through the scoped endpoints.
     */
    public List<GridSummary> gridsUnder(String prefix, int page, int size) {
        return grids.anyUnder(prefix, page, size);
    }

    /**
     * The codes of the current grids (level 1) under a region code, for counting per grid; no caller's scope is
     * applied, as for {@link #gridsUnder}.
     */
    public List<String> gridCodesUnder(String prefix) {
        return grids.codesUnder(prefix);
    }

    /** Ancestors of a region or grid, top-down. */
    public List<RegionRef> path(String code) {
        return regions.path(code);
    }

    /** The current names of region and grid codes, for labelling figures; codes naming nothing current are left out. */
    public java.util.Map<String, String> names(java.util.Collection<String> codes) {
        return regions.names(codes);
    }

    /** The top of this deployment's tree. */
    public String rootCode() {
        return regions.rootCode();
    }
}
