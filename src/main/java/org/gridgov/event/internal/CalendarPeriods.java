package org.gridgov.event.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Today and this month as the working calendar's zone counts them (a day in Asia/Shanghai), from the clock. */
@Component
class CalendarPeriods {

    /** From {@code from} (inclusive) to {@code to} (exclusive), as the event list's from and to filters read. */
    record Period(LocalDate day, Instant from, Instant to) {}

    private final Clock clock;
    private final WorkingCalendar calendar;

    CalendarPeriods(Clock clock, WorkingCalendar calendar) {
        this.clock = clock;
        this.calendar = calendar;
    }

    Period today() {
        var day = LocalDate.ofInstant(clock.instant(), calendar.zone());
        return new Period(day, start(day), start(day.plusDays(1)));
    }

    Period thisMonth() {
        var first = today().day().withDayOfMonth(1);
        return new Period(first, start(first), start(first.plusMonths(1)));
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(calendar.zone()).toInstant();
    }
}
