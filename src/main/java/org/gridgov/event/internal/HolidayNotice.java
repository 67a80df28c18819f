package org.gridgov.event.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridgov.event.internal.CalendarAdministration.CalendarDay;
import org.gridgov.event.internal.WorkingCalendar.DayKind;

/**
 * Reads the State Council notice on a year's holidays (国务院办公厅关于某年部分节假日安排的通知) as it is worded every
 * year: one paragraph per holiday, such as
 * {@code 二、春节：2月15日（周日）至23日（周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。}
 * Every day of a 放假 range is a HOLIDAY named after the holiday, weekend days included; every date of a sentence
 * that says 上班 is a WORKDAY named after the (first) holiday 「…调休上班」. A clause with dates that fits neither is
 * returned as a problem, so that the keeper sees what was not understood before saving; a date without a month takes
 * the one before it.
 */
final class HolidayNotice {

    /** What was read: the days in order, and the sentences with dates that could not be read. */
    record Reading(List<CalendarDay> days, List<Problem> problems) {}

    /** A part of the notice that was not understood, with the reason in Chinese and English. */
    record Problem(String text, String message, String messageEn) {}

    /** The longest text accepted, several times a notice's length. */
    static final int MAX_LENGTH = 10_000;

    /** A holiday's paragraph opens with its name, optionally numbered: {@code 六、国庆节、中秋节：}. */
    private static final Pattern HEADING =
            Pattern.compile("(?:[一二三四五六七八九十]+[、.．]\\s*)?((?:\\p{IsHan}{1,6}[、和])*\\p{IsHan}{0,6}[节旦])\\s*[：:]");

    /** A date: {@code 2026年1月1日}, {@code 1月1日} or, after a range's start, {@code 3日}. */
    private static final String DATE = "(?:(\\d{4})\\s*年\\s*)?(?:(\\d{1,2})\\s*月\\s*)?(\\d{1,2})\\s*日";

    private static final Pattern RANGE = Pattern.compile(DATE + "(?:\\s*(?:至|到|—|－|-|~|～)\\s*" + DATE + ")?");

    /** Remarks in brackets (the weekday, the lunar date) name no days of their own. */
    private static final Pattern REMARK = Pattern.compile("[（(][^）)]*[）)]");

    /** Notices end sentences with 。 but people pasting them often use commas; a clause is read on its own. */
    private static final Pattern CLAUSE_END = Pattern.compile("[。；;，,\\n]");

    private HolidayNotice() {}

    /** Reads the notice for {@code year}; dates without a year are of that year. */
    static Reading read(int year, String text) {
        var days = new TreeMap<LocalDate, CalendarDay>();
        var problems = new ArrayList<Problem>();
        var headings = HEADING.matcher(text);
        var starts = new ArrayList<int[]>();
        var names = new ArrayList<String>();
        while (headings.find()) {
            starts.add(new int[] {headings.start(), headings.end()});
            names.add(headings.group(1));
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
            section(year, names.get(i), text.substring(starts.get(i)[1], end), days, problems);
        }
        for (var day : List.copyOf(days.keySet())) {
            if (day.getYear() != year) {
                days.remove(day);
                problems.add(new Problem(
                        day.toString(),
                        day + " 不在 " + year + " 年内，请在该年的日历中录入",
                        day + " is not in " + year + "; enter it in that year's calendar"));
            }
        }
        if (days.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(
                    abbreviate(text),
                    "未找到节日安排：每个节日应以「元旦：」「春节：」这样的名称开头",
                    "No holidays found: each one should start with its name, such as 元旦： or 春节："));
        }
        return new Reading(List.copyOf(days.values()), problems);
    }

    private static void section(
            int year, String holiday, String body, Map<LocalDate, CalendarDay> days, List<Problem> problems) {
        int month = 0;
        for (String raw : CLAUSE_END.split(body)) {
            String sentence = REMARK.matcher(raw).replaceAll("").strip();
            if (sentence.isEmpty()) {
                continue;
            }
            boolean off = sentence.contains("放假");
            boolean work = sentence.contains("上班");
            var ranges = RANGE.matcher(sentence);
            boolean anyDate = false;
            while (ranges.find()) {
                anyDate = true;
                if (off == work) {
                    break;
                }
                try {
                    var first = date(ranges, 1, year, month);
                    month = first.getMonthValue();
                    var last =
                            ranges.group(6) == null ? first : date(ranges, 4, first.getYear(), first.getMonthValue());
                    if (last.isBefore(first) || first.plusDays(60).isBefore(last)) {
                        problems.add(new Problem(
                                raw.strip(),
                                "「" + ranges.group() + "」不是有效的日期范围",
                                "'" + ranges.group() + "' is not a valid range of dates"));
                        continue;
                    }
                    for (var day = first; !day.isAfter(last); day = day.plusDays(1)) {
                        var kind = off ? DayKind.HOLIDAY : DayKind.WORKDAY;
                        days.put(day, new CalendarDay(day, kind, off ? holiday : workdayName(holiday)));
                    }
                } catch (DateTimeException e) {
                    problems.add(new Problem(
                            raw.strip(),
                            "「" + ranges.group() + "」不是有效的日期",
                            "'" + ranges.group() + "' is not a valid date"));
                }
            }
            if (anyDate && off == work) {
                problems.add(new Problem(
                        raw.strip(),
                        "这一句既未说明「放假」也未说明「上班」（或两者都有），无法判断",
                        "The sentence says neither 放假 (days off) nor 上班 (working days), or says both"));
            }
        }
    }

    /**
     * The date whose year, month and day are groups {@code from}, {@code from + 1} and {@code from + 2}; a missing year
     * or month is taken from the ones given.
     */
    private static LocalDate date(Matcher m, int from, int year, int month) {
        int y = m.group(from) == null ? year : Integer.parseInt(m.group(from));
        int mo = m.group(from + 1) == null ? month : Integer.parseInt(m.group(from + 1));
        if (mo == 0) {
            throw new DateTimeException("no month");
        }
        return LocalDate.of(y, mo, Integer.parseInt(m.group(from + 2)));
    }

    /** 「国庆节调休上班」 also for the working days of 「国庆节、中秋节」, as the notices' tables name them. */
    private static String workdayName(String holiday) {
        return holiday.split("[、和]")[0] + "调休上班";
    }

    private static String abbreviate(String text) {
        String stripped = text.strip();
        return stripped.length() <= 60 ? stripped : stripped.substring(0, 60) + "…";
    }
}
