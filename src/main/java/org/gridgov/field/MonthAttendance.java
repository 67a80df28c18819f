package org.gridgov.field;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.gridgov.common.PageResult;

/**
 * A month's attendance of the workers of an area: workers × days, a page of workers at a time, with no points.
 *
 * @param days the days of the month, each with whether it is a working day
 */
public record MonthAttendance(
        String regionCode, String regionName, YearMonth month, List<Day> days, PageResult<WorkerMonth> workers) {

    public MonthAttendance {
        days = List.copyOf(days);
    }

    public record Day(LocalDate day, boolean workingDay) {}

    /** One worker's row: a cell a day, and the counts of the month so far. */
    public record WorkerMonth(
            long userId, String workerName, List<String> gridNames, List<Cell> cells, int present, int gaps) {

        public WorkerMonth {
            gridNames = List.copyOf(gridNames);
            cells = List.copyOf(cells);
        }
    }

    /** One worker's day in the matrix; the times are the first sign-in and the last sign-out. */
    public record Cell(
            LocalDate day, DayStatus status, java.time.Instant firstIn, java.time.Instant lastOut, Double hours) {}
}
