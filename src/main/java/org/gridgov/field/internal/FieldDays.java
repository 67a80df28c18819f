package org.gridgov.field.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.gridgov.event.WorkingDays;
import org.springframework.stereotype.Component;

/** Days as the deployment counts them: today by the clock in the calendar's zone, and which days are worked. */
@Component
class FieldDays {

    private final Clock clock;
    private final WorkingDays calendar;

    FieldDays(Clock clock, WorkingDays calendar) {
        this.clock = clock;
        this.calendar = calendar;
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return dayOf(clock.instant());
    }

    LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, calendar.zone());
    }

    boolean isWorkingDay(LocalDate day) {
        return calendar.isWorkingDay(day);
    }

    /** The working days from {@code from} to {@code to} inclusive, none after today. */
    int workingDaysUpToToday(LocalDate from, LocalDate to) {
        LocalDate last = to.isAfter(today()) ? today() : to;
        int count = 0;
        for (var day = from; !day.isAfter(last); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
