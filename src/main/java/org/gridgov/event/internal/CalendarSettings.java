package org.gridgov.event.internal;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The working day of a deployment: its time zone and the working periods of every working day.
 *
 * @param zone the zone whose dates and clock times the calendar and the working periods mean
 * @param workingPeriods the working periods of a day as {@code HH:mm-HH:mm}, in order and not overlapping, such as
 *     {@code 08:30-12:00} and {@code 14:00-17:30}
 */
@ConfigurationProperties("gridgov.event.calendar")
record CalendarSettings(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue({"08:30-12:00", "14:00-17:30"}) List<String> workingPeriods) {

    private static final Pattern PERIOD = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** One working period of a day, from {@code start} inclusive to {@code end} exclusive. */
    record WorkingPeriod(LocalTime start, LocalTime end) {}

    CalendarSettings {
        if (zone == null) {
            throw new IllegalArgumentException("gridgov.event.calendar.zone must be set, such as Asia/Shanghai");
        }
        workingPeriods = List.copyOf(workingPeriods == null ? List.of() : workingPeriods);
        parse(workingPeriods);
    }

    /** The working periods, parsed; the constructor has already refused any that are malformed. */
    List<WorkingPeriod> periods() {
        return parse(workingPeriods);
    }

    private static List<WorkingPeriod> parse(List<String> texts) {
        if (texts.isEmpty()) {
            throw invalid("there must be at least one period", texts);
        }
        var periods = new ArrayList<WorkingPeriod>();
        for (String text : texts) {
            var matcher = PERIOD.matcher(text == null ? "" : text.strip());
            if (!matcher.matches()) {
                throw invalid("'" + text + "' is not of the form HH:mm-HH:mm", texts);
            }
            LocalTime start;
            LocalTime end;
            try {
                start = LocalTime.parse(matcher.group(1), TIME);
                end = LocalTime.parse(matcher.group(2), TIME);
            } catch (DateTimeParseException e) {
                throw invalid("'" + text + "' is not a valid time of day", texts);
            }
            if (!start.isBefore(end)) {
                throw invalid("'" + text + "' must end after it starts, within one day", texts);
            }
            if (!periods.isEmpty() && start.isBefore(periods.getLast().end())) {
                throw invalid("'" + text + "' starts before the period ahead of it ends", texts);
            }
            periods.add(new WorkingPeriod(start, end));
        }
        return List.copyOf(periods);
    }

    private static IllegalArgumentException invalid(String reason, List<String> texts) {
        return new IllegalArgumentException("gridgov.event.calendar.working-periods " + texts
                + " must be periods of the form HH:mm-HH:mm in order of the day and not overlapping, such as"
                + " [08:30-12:00, 14:00-17:30]: " + reason);
    }
}
