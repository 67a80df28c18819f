package org.gridgov.event.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.gridgov.event.internal.CalendarAdministration.CalendarDay;
import org.gridgov.event.internal.WorkingCalendar.DayKind;
import org.junit.jupiter.api.Test;

/** The State Council notices of 2024-11-12 and 2025-11-04, read into the days of the reference calendar. */
class HolidayNoticeTests {

    static final String NOTICE_2025 = """
            国务院办公厅关于2025年部分节假日安排的通知
            经国务院批准，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下：
            一、元旦：1月1日（周三）放假1天，不调休。
            二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
            三、清明节：4月4日（周五）至6日（周日）放假，共3天。
            四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
            五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
            六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
            节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，
            确保人民群众祥和平安度过节日假期。
            """;

    static final String NOTICE_2026 = """
            一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
            二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
            三、清明节：4月4日（周六）至6日（周一）放假，共3天。
            四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
            五、端午节：6月19日（周五）至21日（周日）放假，共3天。
            六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
            七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
            """;

    @Test
    void readsThe2025NoticeIntoTheReferenceDays() throws IOException {
        var reading = HolidayNotice.read(2025, NOTICE_2025);
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.days()).containsExactlyElementsOf(reference(2025));
    }

    @Test
    void readsThe2026NoticeIntoTheReferenceDays() throws IOException {
        var reading = HolidayNotice.read(2026, NOTICE_2026);
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.days()).containsExactlyElementsOf(reference(2026));
    }

    @Test
    void readsAShortPasteWithCommasAndDatesWithoutTheirMonth() {
        var reading = HolidayNotice.read(2027, "元旦：1月1日至3日放假调休，共3天，2月6日、20日上班");
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.days())
                .containsExactly(
                        new CalendarDay(LocalDate.parse("2027-01-01"), DayKind.HOLIDAY, "元旦"),
                        new CalendarDay(LocalDate.parse("2027-01-02"), DayKind.HOLIDAY, "元旦"),
                        new CalendarDay(LocalDate.parse("2027-01-03"), DayKind.HOLIDAY, "元旦"),
                        new CalendarDay(LocalDate.parse("2027-02-06"), DayKind.WORKDAY, "元旦调休上班"),
                        new CalendarDay(LocalDate.parse("2027-02-20"), DayKind.WORKDAY, "元旦调休上班"));
    }

    @Test
    void reportsWhatItCannotReadInsteadOfGuessing() {
        var reading = HolidayNotice.read(2027, "春节：2月6日至2月30日放假。清明节：4月5日调整。国庆节：2026年12月31日放假。");
        assertThat(reading.days()).isEmpty();
        assertThat(reading.problems())
                .extracting(HolidayNotice.Problem::text)
                .containsExactly("2月6日至2月30日放假", "4月5日调整", "2026-12-31");
        assertThat(HolidayNotice.read(2027, "明年照常上班").problems()).hasSize(1);
    }

    /** The rows of a year in the reference calendar compiled from the same notices. */
    private static List<CalendarDay> reference(int year) throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/calendar-cn-2025-2026.csv")).stream()
                .skip(1)
                .map(line -> line.split(","))
                .filter(cells -> cells[0].startsWith(year + "-"))
                .map(cells -> new CalendarDay(
                        LocalDate.parse(cells[0]),
                        cells[1].equals("holiday") ? DayKind.HOLIDAY : DayKind.WORKDAY,
                        cells[2]))
                .toList();
    }
}
