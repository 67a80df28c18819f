package org.gridgov.event;

import java.time.LocalDate;
import java.time.ZoneId;
import org.gridgov.event.internal.WorkingCalendar;
import org.springframework.stereotype.Component;

/** What other modules may ask of the deployment's working calendar: which days are worked, in which zone. */
@Component
public class WorkingDays {

    private final WorkingCalendar calendar;

    WorkingDays(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** Whether a day is worked: a weekday that is no public holiday, or a weekend day worked in exchange (调休上班). */
    public boolean isWorkingDay(LocalDate day) {
        return calendar.isWorkingDay(day);
    }

    /** The zone the deployment counts its days in. */
    public ZoneId zone() {
        return calendar.zone();
    }
}
