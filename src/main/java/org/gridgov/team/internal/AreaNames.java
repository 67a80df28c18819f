package org.gridgov.team.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import org.gridgov.region.RegionApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The names of grids and areas as people read them, from the region module. */
@Component
class AreaNames {

    private final RegionApi regions;
    private final ZoneId zone;

    AreaNames(RegionApi regions, @Value("${gridgov.event.calendar.zone:Asia/Shanghai}") ZoneId zone) {
        this.regions = regions;
        this.zone = zone;
    }

    /** Whether the grid is current now: a roster is kept only for such a grid. */
    boolean current(String grid) {
        return regions.currentGrid(grid).isPresent();
    }

    /**
     * The grid's name as it was at the end of a day (its current name when it still exists), or a 404 when there was
     * no such grid then.
     */
    String on(String grid, LocalDate day) {
        var current = regions.currentGrid(grid);
        if (current.isPresent()) {
            return current.get().name();
        }
        return regions.gridAt(
                        grid, day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1))
                .map(g -> g.name())
                .orElseThrow(TeamScope::noSuchGrid);
    }

    /** The current names of region and grid codes; codes naming nothing current are left out. */
    Map<String, String> current(Collection<String> codes) {
        return regions.names(codes);
    }
}
