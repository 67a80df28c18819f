package org.gridgov.event.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Whether the working calendar reaches far enough: the State Council publishes the next year's holidays around
 * November, and from {@link #WARN_FROM 1 November} a missing next year is a warning — to the calendar's keepers in
 * the console, to operations in the health indicator {@code calendar} and once a day in the log. A missing current
 * year is worse: every deadline counted in working time is then provisional.
 *
 * <p>The hourly check also reads the calendar again, so that a year entered on another node reaches this one, and
 * counts again the provisional deadlines the calendar can now count.
 */
@Service
public class CalendarCoverage {

    /** The day from which a missing next year is warned of. */
    static final MonthDay WARN_FROM = MonthDay.of(11, 1);

    private static final Logger log = LoggerFactory.getLogger(CalendarCoverage.class);

    private final WorkingCalendar calendar;
    private final ProvisionalDeadlines provisional;
    private final Clock clock;
    private volatile LocalDate lastWarned;

    CalendarCoverage(WorkingCalendar calendar, ProvisionalDeadlines provisional, Clock clock) {
        this.calendar = calendar;
        this.provisional = provisional;
        this.clock = clock;
    }

    /** What the calendar lacks, if anything. */
    public enum Warning {
        /** The current year's holidays are missing: deadlines counted in working time are provisional now. */
        YEAR_MISSING,
        /** It is 1 November or later and the next year's holidays are missing. */
        NEXT_YEAR_MISSING
    }

    /**
     * How far the calendar reaches on {@code today} in the calendar's zone.
     *
     * @param warnFrom the day from which a missing {@code nextYear} is warned of
     * @param warning null when nothing is missing that should be there by now
     */
    public record CalendarStatus(
            LocalDate today,
            int year,
            boolean yearEntered,
            int nextYear,
            boolean nextYearEntered,
            LocalDate warnFrom,
            Warning warning,
            List<Integer> enteredYears) {}

    public CalendarStatus status() {
        var today = LocalDate.ofInstant(clock.instant(), calendar.zone());
        int year = today.getYear();
        boolean yearEntered = calendar.isEntered(year);
        boolean nextEntered = calendar.isEntered(year + 1);
        var warnFrom = WARN_FROM.atYear(year);
        Warning warning = null;
        if (!yearEntered) {
            warning = Warning.YEAR_MISSING;
        } else if (!nextEntered && !today.isBefore(warnFrom)) {
            warning = Warning.NEXT_YEAR_MISSING;
        }
        return new CalendarStatus(
                today, year, yearEntered, year + 1, nextEntered, warnFrom, warning, calendar.enteredYears());
    }

    /** Reads the calendar again, counts provisional deadlines again and warns of a missing year once a day. */
    @Scheduled(fixedDelayString = "${gridgov.event.calendar-check:PT1H}")
    public void check() {
        calendar.reload();
        provisional.recount();
        var status = status();
        if (status.warning() != null && !status.today().equals(lastWarned)) {
            lastWarned = status.today();
            int missing = status.warning() == Warning.YEAR_MISSING ? status.year() : status.nextYear();
            log.warn(
                    "工作日历缺少 {} 年的节假日安排：计入该年的时限按周一至周五计算，标为暂定。请县级中心在控制台“工作日历”中录入国务院办公厅的放假通知。"
                            + " The working calendar lacks the holidays of {}: deadlines counted into it are provisional"
                            + " until a county keeper enters the State Council notice in the console (工作日历).",
                    missing,
                    missing);
        }
    }
}
