package org.gridgov.event.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.ProblemException;
import org.gridgov.event.internal.WorkingCalendar.DayKind;
import org.springframework.stereotype.Service;

/**
 * Keeps the exception days of the working calendar: each year's holidays and weekend working days are added as data
 * when the State Council publishes them, and deadlines follow at once.
 */
@Service
public class CalendarAdministration {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final int MAX_NAME_LENGTH = 50;

    private final CalendarRepository days;
    private final WorkingCalendar calendar;
    private final Clock clock;

    CalendarAdministration(CalendarRepository days, WorkingCalendar calendar, Clock clock) {
        this.days = days;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** An exception to the Monday-Friday week, such as 2026-10-01 HOLIDAY 国庆节; the name is optional. */
    public record CalendarDay(LocalDate day, DayKind kind, String name) {}

    /** A saved day and whether it was new. */
    public record Saved(CalendarDay day, boolean created) {}

    /** The exception days of a year, in order; the current year in the calendar's zone when none is given. */
    public PageResult<CalendarDay> year(Integer year, PageQuery page) {
        int y = year == null ? LocalDate.now(clock.withZone(calendar.zone())).getYear() : year;
        if (y < FIRST_YEAR || y > LAST_YEAR) {
            throw ProblemException.invalid(
                    "year",
                    "range",
                    "年份须在 " + FIRST_YEAR + " 到 " + LAST_YEAR + " 之间",
                    "year must be between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        return PageResult.of(days.year(y, page), page, days.countYear(y));
    }

    /** Adds or changes an exception day from raw request values, which it checks. */
    public Saved save(String day, String kind, String name) {
        var errors = new ArrayList<FieldProblem>();
        var date = parseDay(day, errors);
        DayKind dayKind = null;
        if (kind == null || kind.isBlank()) {
            errors.add(new FieldProblem("kind", "required", "缺少日期类型 kind", "kind is required"));
        } else {
            try {
                dayKind = DayKind.valueOf(kind.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldProblem(
                        "kind", "value", "日期类型须为 HOLIDAY（放假）或 WORKDAY（调休上班）", "kind must be HOLIDAY or WORKDAY"));
            }
        }
        String label = name == null || name.isBlank() ? null : name.strip();
        if (label != null && label.length() > MAX_NAME_LENGTH) {
            errors.add(new FieldProblem(
                    "name",
                    "length",
                    "名称不能超过 " + MAX_NAME_LENGTH + " 个字",
                    "name must have at most " + MAX_NAME_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        var saved = new CalendarDay(date, dayKind, label);
        boolean created = days.save(saved);
        calendar.reload();
        return new Saved(saved, created);
    }

    /** Removes an exception day, so that the day follows the Monday-Friday week again. */
    public void delete(String day) {
        var errors = new ArrayList<FieldProblem>();
        var date = parseDay(day, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!days.delete(date)) {
            throw ProblemException.notFound(
                    "工作日历中没有 " + date + " 这一天", "The working calendar has no entry for " + date);
        }
        calendar.reload();
    }

    private static LocalDate parseDay(String text, ArrayList<FieldProblem> errors) {
        LocalDate date;
        try {
            date = LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldProblem(
                    "day",
                    "format",
                    "日期须为 yyyy-MM-dd 格式的有效日期，如 2026-10-01",
                    "day must be a valid date as yyyy-MM-dd, such as 2026-10-01"));
            return null;
        }
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            errors.add(new FieldProblem(
                    "day",
                    "range",
                    "日期须在 " + FIRST_YEAR + " 到 " + LAST_YEAR + " 年之间",
                    "day must be in the years " + FIRST_YEAR + " to " + LAST_YEAR));
        }
        return date;
    }
}
