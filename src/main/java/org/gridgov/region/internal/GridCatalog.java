package org.gridgov.region.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.ProblemException;
import org.gridgov.region.GridSummary;
import org.gridgov.region.LocatedGrid;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionRef;
import org.springframework.stereotype.Service;

/** Reads grids: one grid with its history, the grids of an area for a map or an export, and locating a point. */
@Service
public class GridCatalog {

    private final GridRepository grids;
    private final RegionCatalog regions;
    private final GridLocator locator;
    private final RegionScope scope;

    GridCatalog(GridRepository grids, RegionCatalog regions, GridLocator locator, RegionScope scope) {
        this.grids = grids;
        this.regions = regions;
        this.locator = locator;
        this.scope = scope;
    }

    /** A grid version in full, with its ancestors. */
    public record GridDetail(GridVersion grid, GridSummary summary, List<RegionRef> path) {
        public String status() {
            return grid.validTo() == null ? "ACTIVE" : "RETIRED";
        }
    }

    public GridDetail detail(String code) {
        var grid = grids.findCurrent(code)
                .or(() -> latestVersion(code))
                .filter(g -> scope.covers(g.code()))
                .orElseThrow(() -> RegionCatalog.notFound(code));
        return new GridDetail(grid, summary(grid), regions.path(code));
    }

    public Optional<GridSummary> version(long versionId) {
        return grids.findVersion(versionId).map(GridCatalog::summary);
    }

    public Optional<GridSummary> current(String code) {
        return grids.findCurrent(code).map(GridCatalog::summary);
    }

    /** The outline of a grid's current version, in CGCS2000 degrees. */
    public Optional<org.locationtech.jts.geom.Geometry> currentOutline(String code) {
        return grids.findCurrent(code).map(GridVersion::boundary);
    }

    /** The version of a grid that was current at an instant: what a record made then was made under. */
    public Optional<GridSummary> at(String code, Instant instant) {
        return grids.findAt(code, instant).map(GridCatalog::summary);
    }

    public PageResult<GridVersion> versions(String code, PageQuery page) {
        long total = grids.countVersions(code);
        if (total == 0 || !scope.covers(code)) {
            throw RegionCatalog.notFound(code);
        }
        return PageResult.of(grids.versions(code, page), page, total);
    }

    /**
     * The current grids of one level under a region or grid; by default the grids (level 1) under a region and the
     * level just below a grid.
     */
    public PageResult<GridVersion> under(String regionCode, RegionLevel level, PageQuery page) {
        regions.region(regionCode);
        int gridLevel;
        if (level == null) {
            var own = RegionLevel.ofCode(regionCode);
            gridLevel = own != null && own.isGrid() ? own.gridLevel() + 1 : 1;
        } else if (!level.isGrid()) {
            throw ProblemException.invalid(
                    "level",
                    "grid-level",
                    "level 必须是网格层级（GRID、MICRO_GRID、BUILDING_UNIT）",
                    "level must be a grid level (GRID, MICRO_GRID, BUILDING_UNIT)");
        } else {
            gridLevel = level.gridLevel();
        }
        String[] own = scope.data().gridPatterns();
        return PageResult.of(
                grids.currentUnder(regionCode, own, gridLevel, page),
                page,
                grids.countCurrentUnder(regionCode, own, gridLevel));
    }

    /** Current grids under a prefix without the caller's scope, for server-side work (see RegionApi.gridsUnder). */
    public List<GridSummary> anyUnder(String prefix, int page, int size) {
        return grids.currentUnder(prefix, null, 1, new PageQuery(page, size)).stream()
                .map(GridCatalog::summary)
                .toList();
    }

    /** The codes of the current grids (level 1) under a region code, without their outlines. */
    public List<String> codesUnder(String prefix) {
        return grids.currentCodesUnder(prefix);
    }

    /** Every current grid under a region, all levels, streamed. */
    public void export(String regionCode, Consumer<GridVersion> sink) {
        regions.region(regionCode);
        grids.forEachCurrentUnder(regionCode, scope.data().gridPatterns(), sink);
    }

    public PageResult<GridAdjustmentRecord> adjustments(String regionCode, PageQuery page) {
        regions.region(regionCode);
        String[] own = scope.data().gridPatterns();
        return PageResult.of(grids.adjustments(regionCode, own, page), page, grids.countAdjustments(regionCode, own));
    }

    /** The grid containing a point within the caller's scope, or empty; the coordinates must be in range. */
    public Optional<LocatedGrid> locateInScope(double lon, double lat) {
        return locate(lon, lat).filter(located -> scope.covers(located.grid().code()));
    }

    /** The grid containing a point, or empty; the coordinates must be in range. */
    /** The code of the grid containing a point in range, from the in-memory index alone; empty when none does. */
    public Optional<String> gridCodeAt(double lon, double lat) {
        return locator.locate(lon, lat).map(shape -> shape.code);
    }

    public Optional<LocatedGrid> locate(double lon, double lat) {
        var errors = new ArrayList<FieldProblem>();
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            errors.add(new FieldProblem("lon", "range", "经度必须在 -180 到 180 之间", "lon must be within -180..180"));
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            errors.add(new FieldProblem("lat", "range", "纬度必须在 -90 到 90 之间", "lat must be within -90..90"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return locator.locate(lon, lat)
                .flatMap(shape -> grids.findVersion(shape.versionId))
                .map(grid -> new LocatedGrid(lon, lat, summary(grid), regions.path(grid.code())));
    }

    private Optional<GridVersion> latestVersion(String code) {
        return grids.versions(code, new PageQuery(0, 1)).stream().findFirst();
    }

    static GridSummary summary(GridVersion grid) {
        var label = grid.boundary().getInteriorPoint();
        return new GridSummary(
                grid.id(),
                grid.code(),
                grid.name(),
                grid.type(),
                grid.dedicatedKind(),
                grid.regionLevel(),
                grid.villageCode(),
                grid.parentGridCode(),
                new double[] {label.getX(), label.getY()});
    }
}
