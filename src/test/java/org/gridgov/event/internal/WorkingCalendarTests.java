package org.gridgov.event.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.gridgov.event.TimeUnitKind.NATURAL_HOURS;
import static org.gridgov.event.TimeUnitKind.WORKING_DAYS;
import static org.gridgov.event.TimeUnitKind.WORKING_HOURS;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.gridgov.event.internal.WorkingCalendar.DayKind;
import org.junit.jupiter.api.Test;

class WorkingCalendarTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** The 2026 rows around 中秋节 and 国庆节, as in the State Council notice of 2025-11-04. */
    private static final Map<LocalDate, DayKind> AUTUMN_2026 = Map.ofEntries(
            Map.entry(LocalDate.parse("2026-09-20"), DayKind.WORKDAY),
            Map.entry(LocalDate.parse("2026-09-25"), DayKind.HOLIDAY),
            Map.entry(LocalDate.parse("2026-09-26"), DayKind.HOLIDAY),
            Map.entry(LocalDate.parse("2026-09-27"), DayKind.HOLIDAY),
            Map.entry(LocalDate.parse("2026-10-01"), DayKind.HOLIDAY),
            Map.entry(LocalDate.parse("2026-10-02"), DayKind.HOLIDAY),
            Map.entry(LocalDate.parse("2026-10-03"), DayKind.HOLIDAY),
            Map.entry(LocalDate.parse("2026-10-04"), DayKind.HOLIDAY),
            Map.entry(LocalDate.parse("2026-10-05"), DayKind.HOLIDAY),
            Map.entry(LocalDate.parse("2026-10-06"), DayKind.HOLIDAY),
            Map.entry(LocalDate.parse("2026-10-07"), DayKind.HOLIDAY),
            Map.entry(LocalDate.parse("2026-10-10"), DayKind.WORKDAY));

    private static final CalendarSettings SETTINGS =
            new CalendarSettings(SHANGHAI, List.of("08:30-12:00", "14:00-17:30"));

    private final WorkingCalendar calendar = new WorkingCalendar(SETTINGS, () -> AUTUMN_2026);

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void fridayAfternoonPlusFourWorkingHoursIsMondayMorning() {
        // 2026-03-13 is a Friday: 1.5 hours until 17:30, then 2.5 hours of Monday from 08:30.
        assertThat(calendar.deadline(at("2026-03-13T16:00"), 4, WORKING_HOURS)).isEqualTo(at("2026-03-16T11:00"));
    }

    @Test
    void aReportOverLunchCountsFromTheAfternoonPeriod() {
        assertThat(calendar.deadline(at("2026-03-11T12:30"), 1, WORKING_HOURS)).isEqualTo(at("2026-03-11T15:00"));
    }

    @Test
    void aLimitThatUsesUpAPeriodEndsWhenThePeriodCloses() {
        assertThat(calendar.deadline(at("2026-03-11T08:30"), 7, WORKING_HOURS)).isEqualTo(at("2026-03-11T17:30"));
        assertThat(calendar.deadline(at("2026-03-11T17:30"), 1, WORKING_HOURS)).isEqualTo(at("2026-03-12T09:30"));
    }

    @Test
    void oneWorkingDayBeforeNationalDayIsDueAtTheCloseOfTheFirstDayAfterTheHoliday() {
        // 2026-10-01 to 10-07 are holidays; Thursday 10-08 is the next working day.
        assertThat(calendar.deadline(at("2026-09-30T15:00"), 1, WORKING_DAYS)).isEqualTo(at("2026-10-08T17:30"));
        assertThat(calendar.deadline(at("2026-09-30T15:00"), 3, WORKING_HOURS)).isEqualTo(at("2026-10-08T09:00"));
    }

    @Test
    void workingDaysCountFromTheDayAfterTheReport() {
        assertThat(calendar.deadline(at("2026-03-13T16:00"), 1, WORKING_DAYS)).isEqualTo(at("2026-03-16T17:30"));
        assertThat(calendar.deadline(at("2026-03-13T07:00"), 1, WORKING_DAYS)).isEqualTo(at("2026-03-16T17:30"));
        assertThat(calendar.deadline(at("2026-03-14T10:00"), 2, WORKING_DAYS)).isEqualTo(at("2026-03-17T17:30"));
    }

    @Test
    void aWeekendWorkdayCountsAsAWorkingDay() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-20"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-11"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-07"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-09"))).isTrue();
        // Friday 10-09 at 17:00: half an hour that day, the other half on the 调休 Saturday.
        assertThat(calendar.deadline(at("2026-10-09T17:00"), 1, WORKING_HOURS)).isEqualTo(at("2026-10-10T09:00"));
        assertThat(calendar.deadline(at("2026-10-09T17:00"), 1, WORKING_DAYS)).isEqualTo(at("2026-10-10T17:30"));
    }

    @Test
    void aReportOnAHolidayCountsFromTheFirstPeriodAfterIt() {
        assertThat(calendar.deadline(at("2026-10-03T10:00"), 2, WORKING_HOURS)).isEqualTo(at("2026-10-08T10:30"));
    }

    @Test
    void naturalHoursIgnoreTheCalendar() {
        var start = at("2026-09-30T15:00");
        assertThat(calendar.deadline(start, 24, NATURAL_HOURS)).isEqualTo(at("2026-10-01T15:00"));
        assertThat(calendar.deadline(start, 72, NATURAL_HOURS)).isEqualTo(at("2026-10-03T15:00"));
        assertThat(calendar.workingTimeBetween(start, at("2026-10-03T15:00"), NATURAL_HOURS))
                .isEqualTo(Duration.ofHours(72));
    }

    @Test
    void aWeekendAddsNoWorkingTime() {
        assertThat(calendar.workingTimeBetween(at("2026-03-13T16:00"), at("2026-03-16T09:30"), WORKING_HOURS))
                .isEqualTo(Duration.ofMinutes(150));
        assertThat(calendar.workingTimeBetween(at("2026-03-13T17:30"), at("2026-03-16T08:30"), WORKING_HOURS))
                .isZero();
        assertThat(calendar.workingTimeBetween(at("2026-03-16T10:00"), at("2026-03-13T10:00"), WORKING_HOURS))
                .isZero();
    }

    @Test
    void workingDaysTimeStartsTheDayAfterTheReport() {
        var start = at("2026-03-13T16:00");
        assertThat(calendar.workingTimeBetween(start, at("2026-03-13T17:30"), WORKING_DAYS))
                .isZero();
        assertThat(calendar.workingTimeBetween(start, at("2026-03-16T12:00"), WORKING_DAYS))
                .isEqualTo(Duration.ofMinutes(210));
    }

    @Test
    void theWorkingHoursToADeadlineAreTheLimitForAnyStart() {
        var random = new Random(20260930);
        var first = at("2026-01-01T00:00").getEpochSecond();
        var last = at("2026-12-31T00:00").getEpochSecond();
        for (int i = 0; i < 2000; i++) {
            var start = Instant.ofEpochSecond(first + random.nextLong(last - first));
            int hours = 1 + random.nextInt(200);
            var deadline = calendar.deadline(start, hours, WORKING_HOURS);
            assertThat(calendar.workingTimeBetween(start, deadline, WORKING_HOURS))
                    .as("%d working hours from %s", hours, start)
                    .isEqualTo(Duration.ofHours(hours));
            assertThat(calendar.isWorkingDay(LocalDate.ofInstant(deadline, SHANGHAI)))
                    .as("%d working hours from %s end on %s", hours, start, deadline)
                    .isTrue();
        }
    }

    @Test
    void theWorkingTimeToAWorkingDaysDeadlineIsWholeDays() {
        var random = new Random(20261008);
        var first = at("2026-01-01T00:00").getEpochSecond();
        var last = at("2026-12-31T00:00").getEpochSecond();
        for (int i = 0; i < 500; i++) {
            var start = Instant.ofEpochSecond(first + random.nextLong(last - first));
            int days = 1 + random.nextInt(30);
            var deadline = calendar.deadline(start, days, WORKING_DAYS);
            assertThat(calendar.workingTimeBetween(start, deadline, WORKING_DAYS))
                    .as("%d working days from %s", days, start)
                    .isEqualTo(Duration.ofHours(7).multipliedBy(days));
        }
    }

    @Test
    void refusesAmountsBelowOneOrAbsurdlyLarge() {
        var start = at("2026-03-11T09:00");
        assertThatIllegalArgumentException().isThrownBy(() -> calendar.deadline(start, 0, WORKING_HOURS));
        assertThatIllegalArgumentException().isThrownBy(() -> calendar.deadline(start, -3, WORKING_DAYS));
        assertThatIllegalArgumentException().isThrownBy(() -> calendar.deadline(start, 10_001, NATURAL_HOURS));
        assertThat(calendar.deadline(start, 10_000, WORKING_HOURS)).isAfter(start);
    }

    @Test
    void aDeadlineCountedIntoAYearNotEnteredIsProvisionalAndCountsItsNewYearsDayAsWorked() {
        var only2026 = WorkingCalendar.of(SETTINGS, AUTUMN_2026, Set.of(2026));
        // 2026-12-15 is a Tuesday: 20 working days run to Tuesday 12 January 2027 with 1 January counted as worked.
        var december = only2026.due(at("2026-12-15T10:00"), 20, WORKING_DAYS);
        assertThat(december.at()).isEqualTo(at("2027-01-12T17:30"));
        assertThat(december.provisional()).isTrue();
        assertThat(only2026.due(at("2026-12-31T16:00"), 4, WORKING_HOURS).provisional())
                .isTrue();
        assertThat(only2026.due(at("2026-11-02T10:00"), 20, WORKING_DAYS).provisional())
                .isFalse();
        assertThat(only2026.due(at("2026-12-31T16:00"), 24, NATURAL_HOURS).provisional())
                .as("natural hours need no calendar")
                .isFalse();

        var newYear = new HashMap<>(AUTUMN_2026);
        newYear.put(LocalDate.parse("2027-01-01"), DayKind.HOLIDAY);
        var with2027 = WorkingCalendar.of(SETTINGS, newYear, Set.of(2026, 2027));
        var entered = with2027.due(at("2026-12-15T10:00"), 20, WORKING_DAYS);
        assertThat(entered.at()).isEqualTo(at("2027-01-13T17:30"));
        assertThat(entered.provisional()).isFalse();
        assertThat(with2027.isEntered(2027)).isTrue();
        assertThat(only2026.isEntered(2027)).isFalse();
    }

    @Test
    void readsTheDaysOnceAndAgainOnlyOnReload() {
        var days = new HashMap<LocalDate, DayKind>();
        int[] loads = {0};
        var reloadable = new WorkingCalendar(SETTINGS, () -> {
            loads[0]++;
            return days;
        });
        var monday = LocalDate.parse("2026-03-16");
        assertThat(reloadable.isWorkingDay(monday)).isTrue();
        days.put(monday, DayKind.HOLIDAY);
        assertThat(reloadable.isWorkingDay(monday)).isTrue();
        reloadable.reload();
        assertThat(reloadable.isWorkingDay(monday)).isFalse();
        assertThat(loads[0]).isEqualTo(2);
    }

    @Test
    void refusesOverlappingOrMalformedWorkingPeriodsWithTheRule() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CalendarSettings(SHANGHAI, List.of("08:30-12:00", "11:00-17:30")))
                .withMessageContaining("working-periods")
                .withMessageContaining("'11:00-17:30' starts before the period ahead of it ends");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CalendarSettings(SHANGHAI, List.of("14:00-17:30", "08:30-12:00")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CalendarSettings(SHANGHAI, List.of("17:30-14:00")))
                .withMessageContaining("must end after it starts");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CalendarSettings(SHANGHAI, List.of("8:30-12")))
                .withMessageContaining("HH:mm-HH:mm");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CalendarSettings(SHANGHAI, List.of("08:30-25:00")))
                .withMessageContaining("not a valid time");
        assertThatIllegalArgumentException().isThrownBy(() -> new CalendarSettings(SHANGHAI, List.of()));
    }
}
