package org.gridgov.event.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.ProblemException;
import org.gridgov.event.internal.CalendarRepository.Keeper;
import org.gridgov.event.internal.WorkingCalendar.DayKind;
import org.gridgov.identity.CurrentUsers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the exception days of the working calendar: each year's holidays and weekend working days are entered as
 * data when the State Council publishes them (a day at a time, or the whole year from the notice), and deadlines
 * follow at once. Every change is kept with its old and new value ({@code calendar_change}) in the transaction that
 * makes it. Who may call the writers is decided by the permission {@code rules:write}, which only county-level users
 * hold.
 */
@Service
public class CalendarAdministration {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final int MAX_NAME_LENGTH = 50;
    private static final int MAX_DAYS_OF_A_YEAR = 366;

    private final CalendarRepository days;
    private final WorkingCalendar calendar;
    private final ProvisionalDeadlines provisional;
    private final CurrentUsers users;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CalendarAdministration(
            CalendarRepository days,
            WorkingCalendar calendar,
            ProvisionalDeadlines provisional,
            CurrentUsers users,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.days = days;
        this.calendar = calendar;
        this.provisional = provisional;
        this.users = users;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** An exception to the Monday-Friday week, such as 2026-10-01 HOLIDAY 国庆节; the name is optional. */
    public record CalendarDay(LocalDate day, DayKind kind, String name) {}

    /** A saved day and whether it was new. */
    public record Saved(CalendarDay day, boolean created) {}

    /** A day of a whole year as the caller sent it, checked by {@link #enterYear}. */
    public record DayEntry(String day, String kind, String name) {}

    /**
     * A year entered: how many exception days were added, changed and removed, and how many provisional deadlines
     * were counted again.
     */
    public record YearEntered(int year, int added, int changed, int removed, int deadlinesRecounted) {}

    /**
     * One change of a day: the old and the new kind and name, null for an ordinary day of the Monday-Friday week.
     *
     * @param source {@code DAY} when one day was set or removed, {@code YEAR} when the whole year was entered
     */
    public record CalendarChange(
            long id,
            LocalDate day,
            DayKind oldKind,
            String oldName,
            DayKind newKind,
            String newName,
            String source,
            String changedBy,
            Instant changedAt) {}

    /** The days read from a notice, to be shown before they are saved, and what could not be read. */
    public record NoticeReading(int year, List<CalendarDay> days, List<NoticeProblem> problems) {}

    /** A part of a notice that was not understood. */
    public record NoticeProblem(String text, String message, String messageEn) {}

    /** The exception days of a year, in order; the current year in the calendar's zone when none is given. */
    public PageResult<CalendarDay> year(Integer year, PageQuery page) {
        int y = checkYear(year);
        return PageResult.of(days.year(y, page), page, days.countYear(y));
    }

    /** The changes of the days of a year, newest first; the current year when none is given. */
    public PageResult<CalendarChange> changes(Integer year, PageQuery page) {
        int y = checkYear(year);
        return PageResult.of(days.changes(y, page), page, days.countChanges(y));
    }

    /** Adds or changes an exception day from raw request values, which it checks. */
    public Saved save(String day, String kind, String name) {
        var errors = new ArrayList<FieldProblem>();
        var date = parseDay(day, "day", errors);
        var dayKind = parseKind(kind, "kind", errors);
        String label = parseName(name, "name", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        var saved = new CalendarDay(date, dayKind, label);
        var keeper = keeper();
        var now = clock.instant();
        boolean created = Boolean.TRUE.equals(transactions.execute(status -> {
            days.lock();
            var before = days.find(date).orElse(null);
            boolean added = days.save(saved);
            if (!saved.equals(before)) {
                days.recordChange(date, before, saved, "DAY", keeper, now);
            }
            return added;
        }));
        calendar.reload();
        return new Saved(saved, created);
    }

    /** Removes an exception day, so that the day follows the Monday-Friday week again. */
    public void delete(String day) {
        var errors = new ArrayList<FieldProblem>();
        var date = parseDay(day, "day", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        var keeper = keeper();
        var now = clock.instant();
        transactions.executeWithoutResult(status -> {
            days.lock();
            var before = days.find(date)
                    .orElseThrow(() -> ProblemException.notFound(
                            "工作日历中没有 " + date + " 这一天", "The working calendar has no entry for " + date));
            days.delete(date);
            days.recordChange(date, before, null, "DAY", keeper, now);
        });
        calendar.reload();
    }

    /**
     * Enters a whole year: its exception days become exactly {@code entries} (days not listed follow the
     * Monday-Friday week), the year counts as entered, and every open event whose deadline was provisional is
     * counted again from the start of its step.
     */
    public YearEntered enterYear(int year, List<DayEntry> entries) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw yearOutOfRange("year");
        }
        var wanted = checkEntries(year, entries);
        var keeper = keeper();
        var now = clock.instant();
        int[] counts = transactions.execute(status -> {
            days.lock();
            var before = days.wholeYear(year);
            int added = 0;
            int changed = 0;
            int removed = 0;
            for (var day : wanted) {
                var old = before.remove(day.day());
                if (day.equals(old)) {
                    continue;
                }
                days.save(day);
                days.recordChange(day.day(), old, day, "YEAR", keeper, now);
                if (old == null) {
                    added++;
                } else {
                    changed++;
                }
            }
            for (var old : before.values()) {
                days.delete(old.day());
                days.recordChange(old.day(), old, null, "YEAR", keeper, now);
                removed++;
            }
            days.enterYear(year, keeper, now);
            return new int[] {added, changed, removed};
        });
        calendar.reload();
        int recounted = provisional.recount();
        return new YearEntered(year, counts[0], counts[1], counts[2], recounted);
    }

    /**
     * Reads the State Council notice of a year's holidays, saving nothing: what would be entered, and what was not
     * understood.
     */
    public NoticeReading readNotice(Integer year, String text) {
        var errors = new ArrayList<FieldProblem>();
        if (year == null) {
            errors.add(new FieldProblem("year", "required", "缺少年份 year", "year is required"));
        } else if (year < FIRST_YEAR || year > LAST_YEAR) {
            errors.add(yearProblem("year"));
        }
        if (text == null || text.isBlank()) {
            errors.add(new FieldProblem("text", "required", "请粘贴通知的正文", "text is required: paste the notice"));
        } else if (text.length() > HolidayNotice.MAX_LENGTH) {
            errors.add(new FieldProblem(
                    "text",
                    "too-long",
                    "通知正文不能超过 " + HolidayNotice.MAX_LENGTH + " 个字",
                    "text must have at most " + HolidayNotice.MAX_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        var reading = HolidayNotice.read(year, text);
        return new NoticeReading(
                year,
                reading.days(),
                reading.problems().stream()
                        .map(p -> new NoticeProblem(p.text(), p.message(), p.messageEn()))
                        .toList());
    }

    private List<CalendarDay> checkEntries(int year, List<DayEntry> entries) {
        var errors = new ArrayList<FieldProblem>();
        if (entries == null || entries.isEmpty()) {
            throw ProblemException.invalid(
                    "days",
                    "required",
                    "一年至少有一个节假日（如元旦），请录入全年的放假和调休上班日期",
                    "a year has at least one holiday (New Year's Day): enter the year's days off and working days");
        }
        if (entries.size() > MAX_DAYS_OF_A_YEAR) {
            throw ProblemException.invalid(
                    "days",
                    "too-many",
                    "一年最多 " + MAX_DAYS_OF_A_YEAR + " 天",
                    "a year has at most " + MAX_DAYS_OF_A_YEAR + " days");
        }
        var seen = new HashSet<LocalDate>();
        var result = new ArrayList<CalendarDay>();
        for (int i = 0; i < entries.size(); i++) {
            var entry = entries.get(i);
            String at = "days[" + i + "]";
            if (entry == null) {
                errors.add(new FieldProblem(at, "required", "缺少日期", "the entry is empty"));
                continue;
            }
            var date = parseDay(entry.day(), at + ".day", errors);
            var kind = parseKind(entry.kind(), at + ".kind", errors);
            var name = parseName(entry.name(), at + ".name", errors);
            if (date == null) {
                continue;
            }
            if (date.getYear() != year) {
                errors.add(new FieldProblem(
                        at + ".day", "other-year", date + " 不在 " + year + " 年内", date + " is not in " + year));
            } else if (!seen.add(date)) {
                errors.add(new FieldProblem(
                        at + ".day", "duplicate", date + " 出现了不止一次", date + " is listed more than once"));
            } else if (kind != null) {
                result.add(new CalendarDay(date, kind, name));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return result;
    }

    private Keeper keeper() {
        var user = users.require();
        return new Keeper(user.id(), user.realName() == null ? user.username() : user.realName());
    }

    private int checkYear(Integer year) {
        int y = year == null
                ? LocalDate.ofInstant(clock.instant(), calendar.zone()).getYear()
                : year;
        if (y < FIRST_YEAR || y > LAST_YEAR) {
            throw yearOutOfRange("year");
        }
        return y;
    }

    private static ProblemException yearOutOfRange(String field) {
        return ProblemException.invalid(List.of(yearProblem(field)));
    }

    private static FieldProblem yearProblem(String field) {
        return new FieldProblem(
                field,
                "range",
                "年份须在 " + FIRST_YEAR + " 到 " + LAST_YEAR + " 之间",
                "year must be between " + FIRST_YEAR + " and " + LAST_YEAR);
    }

    private static DayKind parseKind(String kind, String field, List<FieldProblem> errors) {
        if (kind == null || kind.isBlank()) {
            errors.add(new FieldProblem(field, "required", "缺少日期类型 kind", "kind is required"));
            return null;
        }
        try {
            return DayKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldProblem(
                    field, "value", "日期类型须为 HOLIDAY（放假）或 WORKDAY（调休上班）", "kind must be HOLIDAY or WORKDAY"));
            return null;
        }
    }

    private static String parseName(String name, String field, List<FieldProblem> errors) {
        String label = name == null || name.isBlank() ? null : name.strip();
        if (label != null && label.length() > MAX_NAME_LENGTH) {
            errors.add(new FieldProblem(
                    field,
                    "length",
                    "名称不能超过 " + MAX_NAME_LENGTH + " 个字",
                    "name must have at most " + MAX_NAME_LENGTH + " characters"));
        }
        return label;
    }

    private static LocalDate parseDay(String text, String field, List<FieldProblem> errors) {
        LocalDate date;
        try {
            date = LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldProblem(
                    field,
                    "format",
                    "日期须为 yyyy-MM-dd 格式的有效日期，如 2026-10-01",
                    "day must be a valid date as yyyy-MM-dd, such as 2026-10-01"));
            return null;
        }
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            errors.add(new FieldProblem(
                    field,
                    "range",
                    "日期须在 " + FIRST_YEAR + " 到 " + LAST_YEAR + " 年之间",
                    "day must be in the years " + FIRST_YEAR + " to " + LAST_YEAR));
            return null;
        }
        return date;
    }
}
