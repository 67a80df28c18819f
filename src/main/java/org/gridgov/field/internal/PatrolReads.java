package org.gridgov.field.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.common.DataScope;
import org.gridgov.common.PageQuery;
import org.gridgov.common.Unscoped;
import org.gridgov.field.PatrolFigures;
import org.gridgov.region.RegionApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The reads other modules make of the patrols, for {@link org.gridgov.field.Patrols}. */
@Component
@Unscoped("serves Patrols, whose callers name the region they may read; figures only")
@Transactional(readOnly = true)
public class PatrolReads {

    private final PatrolRepository patrols;
    private final RegionApi regions;
    private final ZoneId zone;

    PatrolReads(
            PatrolRepository patrols,
            RegionApi regions,
            @Value("${gridgov.event.calendar.zone:Asia/Shanghai}") ZoneId zone) {
        this.patrols = patrols;
        this.regions = regions;
        this.zone = zone;
    }

    public List<PatrolFigures> figures(PatrolFigures.By by, String prefix, LocalDate from, LocalDate to) {
        var filter = new PatrolRepository.Filter(
                prefix.length() >= 6 ? prefix.substring(0, 6) : null,
                prefix,
                null,
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
        var all = new ArrayList<PatrolFigures>();
        var scope = DataScope.region(prefix);
        for (int page = 0; ; page++) {
            var rows = patrols.figures(by, filter, scope, new PageQuery(page, PageQuery.MAX_SIZE));
            all.addAll(rows);
            if (rows.size() < PageQuery.MAX_SIZE) {
                break;
            }
        }
        if (by == PatrolFigures.By.WORKER) {
            return all;
        }
        var names = regions.names(all.stream().map(PatrolFigures::code).toList());
        return all.stream()
                .map(f -> new PatrolFigures(
                        f.code(),
                        names.getOrDefault(f.code(), f.code()),
                        f.patrols(),
                        f.kilometres(),
                        f.hours(),
                        f.meanCoverage()))
                .toList();
    }
}
