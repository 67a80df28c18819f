package org.gridgov.event.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.gridgov.event.TimeUnitKind;
import org.gridgov.event.internal.CalendarSettings.WorkingPeriod;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Deadline arithmetic in working hours, working days and natural hours over the deployment's working calendar.
 *
 * <p>A weekday is a working day unless the calendar marks it HOLIDAY; a Saturday or Sunday is one only when the
 * calendar marks it WORKDAY (调休上班). Working time is the time inside the configured working periods of working days,
 * read in the configured zone. The calendar's exception days are held in memory, since every event computes
 * deadlines, and are read again by {@link #reload()} after they change. Thread-safe.
 *
 * <p>The calendar knows which years are entered (their holidays are complete, {@code calendar_year}). A year that is
 * not lacks its holidays, so its weekdays count as working days: a deadline counted in working time into such a year
 * is {@link Due#provisional() provisional}, to be counted again once the year is entered.
 */
@Component
public class WorkingCalendar {

    /** How a calendar row changes the Monday-Friday week. */
    public enum DayKind {
        /** A day off, usually a weekday of a public holiday. */
        HOLIDAY,
        /** A Saturday or Sunday that is worked in exchange for a holiday (调休上班). */
        WORKDAY
    }

    static final int MAX_AMOUNT = 10_000;

    /** The exception days and the entered years, as read together. */
    record Days(Map<LocalDate, DayKind> kinds, Set<Integer> enteredYears) {
        Days {
            kinds = Map.copyOf(kinds);
            enteredYears = Set.copyOf(enteredYears);
        }
    }

    /**
     * A deadline and whether it is provisional: counted in working time into a year whose holidays are not entered.
     */
    public record Due(Instant at, boolean provisional) {}

    /**
     * A year without a single working day means the calendar data is broken (such as a range of days all marked
     * HOLIDAY); walking on would never end.
     */
    private static final int MAX_DAYS_WITHOUT_WORK = 366;

    private final ZoneId zone;
    private final List<WorkingPeriod> periods;
    private final Supplier<Days> loader;
    private volatile Days days;

    @Autowired
    WorkingCalendar(CalendarSettings settings, CalendarRepository repository) {
        this(repository::days, settings);
    }

    /**
     * A calendar over exception days from any source, so that the arithmetic can be tested without a database; the
     * years of the given days count as entered.
     */
    WorkingCalendar(CalendarSettings settings, Supplier<Map<LocalDate, DayKind>> loader) {
        this(
                () -> {
                    var kinds = loader.get();
                    return new Days(
                            kinds,
                            kinds.keySet().stream().map(LocalDate::getYear).collect(Collectors.toSet()));
                },
                settings);
    }

    private WorkingCalendar(Supplier<Days> loader, CalendarSettings settings) {
        this.zone = settings.zone();
        this.periods = settings.periods();
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /** A calendar over exception days and entered years from any source, for tests. */
    static WorkingCalendar of(CalendarSettings settings, Map<LocalDate, DayKind> kinds, Set<Integer> enteredYears) {
        return new WorkingCalendar(() -> new Days(kinds, enteredYears), settings);
    }

    /** The zone whose dates and clock times the calendar means. */
    public ZoneId zone() {
        return zone;
    }

    /** Reads the exception days again; call it after changing them. */
    public synchronized void reload() {
        days = loader.get();
    }

    /** Whether the holidays of a year are entered, so that deadlines counted into it are final. */
    public boolean isEntered(int year) {
        return days().enteredYears().contains(year);
    }

    /** The entered years, in order. */
    public List<Integer> enteredYears() {
        return List.copyOf(new TreeSet<>(days().enteredYears()));
    }

    /** Whether a day is worked: a weekday without a HOLIDAY row, or a weekend day with a WORKDAY row. */
    public boolean isWorkingDay(LocalDate day) {
        Objects.requireNonNull(day, "day");
        var kind = days().kinds().get(day);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The instant a time limit of {@code amount} units that starts at {@code start} runs out.
     *
     * <ul>
     *   <li>{@code NATURAL_HOURS}: {@code start} plus that many hours.
     *   <li>{@code WORKING_HOURS}: only working time counts; a start outside working time counts from the start of
     *       the next working period. A limit that uses up a period exactly ends when that period closes.
     *   <li>{@code WORKING_DAYS}: the day of the start does not count, whatever the time (期间开始之日不计算在内); the
     *       limit ends when the last working period of the {@code amount}-th working day after it closes. A report
     *       on Friday at 16:00 with one working day is due at the close of Monday if Monday is a working day.
     * </ul>
     *
     * @throws IllegalArgumentException when {@code amount} is below 1 or above 10,000
     */
    public Instant deadline(Instant start, int amount, TimeUnitKind unit) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(unit, "unit");
        if (amount < 1 || amount > MAX_AMOUNT) {
            throw new IllegalArgumentException(
                    "a time limit must be between 1 and " + MAX_AMOUNT + " " + unit + ", was " + amount);
        }
        return switch (unit) {
            case NATURAL_HOURS -> start.plus(Duration.ofHours(amount));
            case WORKING_HOURS -> addWorkingTime(start, Duration.ofHours(amount));
            case WORKING_DAYS -> closeOf(workingDayAfter(date(start), amount));
        };
    }

    /**
     * As {@link #deadline}, and whether the deadline is provisional: a limit in working hours or working days whose
     * count runs through a year that is not entered (natural hours need no calendar).
     *
     * @throws IllegalArgumentException when {@code amount} is below 1 or above 10,000
     */
    public Due due(Instant start, int amount, TimeUnitKind unit) {
        var at = deadline(start, amount, unit);
        return new Due(at, unit != TimeUnitKind.NATURAL_HOURS && !entered(start, at));
    }

    /** Whether every year from the one of {@code from} to the one of {@code to} is entered. */
    private boolean entered(Instant from, Instant to) {
        var entered = days().enteredYears();
        for (int year = date(from).getYear(); year <= date(to).getYear(); year++) {
            if (!entered.contains(year)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The time of a limit in {@code unit} used between two instants; zero when {@code to} is not after {@code from}.
     * Natural time for {@code NATURAL_HOURS}; working time for the others, for {@code WORKING_DAYS} counted, as in
     * {@link #deadline}, from the day after {@code from}. Thus the share of a limit used is {@code
     * workingTimeBetween(start, now, unit)} over {@code workingTimeBetween(start, deadline, unit)}.
     */
    public Duration workingTimeBetween(Instant from, Instant to, TimeUnitKind unit) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(unit, "unit");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        return switch (unit) {
            case NATURAL_HOURS -> Duration.between(from, to);
            case WORKING_HOURS -> workingTime(from, to);
            case WORKING_DAYS ->
                workingTime(date(from).plusDays(1).atStartOfDay(zone).toInstant(), to);
        };
    }

    private Days days() {
        var loaded = days;
        if (loaded == null) {
            synchronized (this) {
                if (days == null) {
                    days = loader.get();
                }
                loaded = days;
            }
        }
        return loaded;
    }

    private Instant addWorkingTime(Instant start, Duration amount) {
        var remaining = amount;
        var day = date(start);
        int daysWithoutWork = 0;
        while (true) {
            if (isWorkingDay(day)) {
                daysWithoutWork = 0;
                for (var period : periods) {
                    var closes = at(day, period.end());
                    if (!closes.isAfter(start)) {
                        continue;
                    }
                    var opens = at(day, period.start());
                    var from = opens.isAfter(start) ? opens : start;
                    var open = Duration.between(from, closes);
                    if (remaining.compareTo(open) <= 0) {
                        return from.plus(remaining);
                    }
                    remaining = remaining.minus(open);
                }
            } else {
                daysWithoutWork = checkSomeWork(day, daysWithoutWork + 1);
            }
            day = day.plusDays(1);
        }
    }

    private LocalDate workingDayAfter(LocalDate day, int count) {
        int daysWithoutWork = 0;
        for (int found = 0; found < count; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                found++;
                daysWithoutWork = 0;
            } else {
                daysWithoutWork = checkSomeWork(day, daysWithoutWork + 1);
            }
        }
        return day;
    }

    private Duration workingTime(Instant from, Instant to) {
        var total = Duration.ZERO;
        var last = date(to);
        for (var day = date(from); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (var period : periods) {
                var opens = at(day, period.start());
                var closes = at(day, period.end());
                var begin = opens.isAfter(from) ? opens : from;
                var end = closes.isBefore(to) ? closes : to;
                if (end.isAfter(begin)) {
                    total = total.plus(Duration.between(begin, end));
                }
            }
        }
        return total;
    }

    private int checkSomeWork(LocalDate day, int daysWithoutWork) {
        if (daysWithoutWork > MAX_DAYS_WITHOUT_WORK) {
            throw new IllegalStateException(
                    "the working calendar has no working day in the " + MAX_DAYS_WITHOUT_WORK + " days up to " + day);
        }
        return daysWithoutWork;
    }

    private Instant closeOf(LocalDate day) {
        return at(day, periods.getLast().end());
    }

    private LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }
}
