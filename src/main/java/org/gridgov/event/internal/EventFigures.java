package org.gridgov.event.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * Dashboard figures (大屏) of a region and period, grouped one way, read from the rollups.
 *
 * @param region the region code the figures cover: a township, county, city or province code, or empty for all
 * @param from the first day, in the working calendar's zone
 * @param to the day after the last
 * @param by township, category, status, day, month or county
 * @param rows one per group that had any event, in the order of their keys
 * @param total the whole region and period
 */
public record EventFigures(String region, LocalDate from, LocalDate to, String by, List<Row> rows, Row total) {

    /**
     * The figures of one group.
     *
     * @param key the township, category, county code, the status, the day (yyyy-MM-dd) or the month (yyyy-MM)
     * @param name the name of the township, category, county or status; null for days and months
     * @param reported events reported in the period
     * @param open of those, the ones not finished now (reported, accepted, dispatched, claimed, fed back, suspended)
     * @param done of those, the ones closed or archived now
     * @param closings closings in the period (an event reopened and closed again counts twice); null by status
     * @param closedOnTime of the closings, those with no step past its deadline before it (按期结案)
     * @param onTimeRate closedOnTime / closings, null without closings
     */
    public record Row(
            String key,
            String name,
            long reported,
            long open,
            long done,
            Long closings,
            Long closedOnTime,
            Double onTimeRate) {}
}
