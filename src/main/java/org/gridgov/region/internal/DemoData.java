package org.gridgov.region.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.common.Unscoped;
import org.gridgov.region.GridsChanged;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.internal.GridRepository.NewGrid;
import org.gridgov.region.internal.RegionRepository.RegionRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo county: the real townships of 广水市 (Guangshui, 421381) with synthetic villages and grids drawn by
 * {@link DemoGridGenerator}. Loaded once; a database that has villages under the county already is left alone.
 */
@Unscoped("loads the demo county at start-up, when there is no caller")
@Component
class DemoData {

    static final String COUNTY = "421381";
    static final long SEED = 421381L;
    static final double CENTER_LON = 113.82;
    static final double CENTER_LAT = 31.62;
    static final double RADIUS_KM = 29;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final RegionRepository regions;
    private final GridRepository grids;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DemoData(RegionRepository regions, GridRepository grids, ApplicationEventPublisher events, Clock clock) {
        this.regions = regions;
        this.grids = grids;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    void loadIfAbsent(int targetGrids) {
        var townships = regions.children(COUNTY, new org.gridgov.common.PageQuery(0, 200)).stream()
                .filter(t -> t.level() == RegionLevel.TOWNSHIP)
                .map(t -> new DemoGridGenerator.Township(t.code(), t.name()))
                .toList();
        if (townships.isEmpty() || townships.stream().anyMatch(t -> regions.countChildren(t.code()) > 0)) {
            return;
        }
        long started = System.nanoTime();
        var demo = DemoGridGenerator.generate(SEED, COUNTY, townships, CENTER_LON, CENTER_LAT, RADIUS_KM, targetGrids);
        regions.updateBoundary(COUNTY, Geo.toWkb(demo.countyBoundary()));
        demo.townshipBoundaries().forEach((code, outline) -> regions.updateBoundary(code, Geo.toWkb(outline)));
        var villages = new ArrayList<RegionRow>();
        for (var village : demo.villages()) {
            villages.add(new RegionRow(
                    village.code(),
                    village.name(),
                    RegionLevel.VILLAGE,
                    village.townshipCode(),
                    RegionRegister.REFERENCE_DATE,
                    null,
                    null,
                    Geo.toWkb(village.boundary())));
        }
        regions.insertAll(villages);
        var now = clock.instant();
        long adjustment = grids.insertAdjustment("IMPORT", now, now, "演示数据 demo data", null);
        var codes = new ArrayList<String>();
        for (var grid : demo.grids()) {
            grids.insert(
                    new NewGrid(
                            grid.code(),
                            grid.name(),
                            grid.type(),
                            grid.dedicatedKind(),
                            1,
                            grid.villageCode(),
                            null,
                            grid.boundary()),
                    now,
                    adjustment);
            codes.add(grid.code());
        }
        grids.recordAdjustmentCodes(adjustment, List.of(), List.of());
        events.publishEvent(new GridsChanged(adjustment, "IMPORT", now, List.of(), List.copyOf(codes)));
        log.info(
                "Demo data loaded: {} villages, {} grids in {} ms",
                villages.size(),
                codes.size(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
