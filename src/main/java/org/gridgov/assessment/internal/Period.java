package org.gridgov.assessment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.gridgov.common.ProblemException;

/**
 * An assessment period: a month ({@code 2026-11}), a quarter ({@code 2026-Q4}) or a year ({@code 2026}), as days in
 * China's time zone.
 */
record Period(String key, LocalDate first, LocalDate afterLast) {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /** Reads a period key; a bad one (or a year outside 2000–2099) is refused as the named request field. */
    static Period parse(String key, String field) {
        if (key != null && key.matches("20\\d{2}.*")) {
            var m = MONTH.matcher(key);
            if (m.matches()) {
                var month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return month(month);
            }
            var q = QUARTER.matcher(key);
            if (q.matches()) {
                var first = LocalDate.of(Integer.parseInt(q.group(1)), (Integer.parseInt(q.group(2)) - 1) * 3 + 1, 1);
                return new Period(key, first, first.plusMonths(3));
            }
            if (YEAR.matcher(key).matches()) {
                var first = LocalDate.of(Integer.parseInt(key), 1, 1);
                return new Period(key, first, first.plusYears(1));
            }
        }
        throw ProblemException.invalid(
                field,
                "period",
                "考核期须写作 2026-11（月）、2026-Q4（季度）或 2026（年），年份在 2000 到 2099 之间",
                "period must be a month (2026-11), a quarter (2026-Q4) or a year (2026), from 2000 to 2099");
    }

    static Period month(YearMonth month) {
        return new Period(month.toString(), month.atDay(1), month.plusMonths(1).atDay(1));
    }

    /** The month an instant falls in. */
    static Period monthOf(Instant instant) {
        return month(YearMonth.from(instant.atZone(CHINA)));
    }

    Instant from() {
        return first.atStartOfDay(CHINA).toInstant();
    }

    Instant to() {
        return afterLast.atStartOfDay(CHINA).toInstant();
    }

    boolean isMonth() {
        return MONTH.matcher(key).matches();
    }

    /** The period of the same length just before this one. */
    Period previous() {
        if (isMonth()) {
            return month(YearMonth.from(first).minusMonths(1));
        }
        if (QUARTER.matcher(key).matches()) {
            var first = this.first.minusMonths(3);
            return new Period(first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1), first, this.first);
        }
        return new Period(String.valueOf(first.getYear() - 1), first.minusYears(1), first);
    }

    /** Whether the period has begun at an instant; figures of a period not yet begun are refused. */
    boolean begunBy(Instant now) {
        return !from().isAfter(now);
    }
}
