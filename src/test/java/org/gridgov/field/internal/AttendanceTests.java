package org.gridgov.field.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gridgov.field.DayStatus;
import org.gridgov.field.SignKind;
import org.gridgov.field.SignRecord;
import org.junit.jupiter.api.Test;

/** The rules of a day's attendance, without a database: how a day stands, which records count, the hours. */
class AttendanceTests {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-09");

    private static SignRecord record(SignKind kind, String at, boolean inside) {
        return new SignRecord(
                1,
                7,
                "网格员",
                kind,
                TODAY,
                Instant.parse(at),
                Instant.parse(at),
                113.8,
                31.6,
                10.0,
                "手机",
                "421381101001101",
                null,
                null,
                inside,
                "request-" + at);
    }

    @Test
    void aDayStandsByItsSignInsAndElseByTheCalendar() {
        var yesterday = TODAY.minusDays(1);
        assertThat(Attendance.status(true, true, false, yesterday, TODAY)).isEqualTo(DayStatus.PRESENT);
        assertThat(Attendance.status(true, false, true, yesterday, TODAY)).isEqualTo(DayStatus.OUTSIDE);
        assertThat(Attendance.status(false, false, true, yesterday, TODAY)).isEqualTo(DayStatus.GAP);
        assertThat(Attendance.status(false, false, false, yesterday, TODAY)).isEqualTo(DayStatus.OFF);
        assertThat(Attendance.status(false, false, true, TODAY, TODAY)).isEqualTo(DayStatus.PENDING);
        assertThat(Attendance.status(false, false, true, TODAY.plusDays(1), TODAY))
                .isEqualTo(DayStatus.PENDING);
    }

    @Test
    void theFirstSignInAndTheLastSignOutMakeTheHours() {
        var day = Attendance.day(
                7,
                "网格员",
                TODAY,
                true,
                TODAY,
                List.of(
                        record(SignKind.IN, "2026-12-09T00:10:00Z", false),
                        record(SignKind.IN, "2026-12-09T00:40:00Z", true),
                        record(SignKind.OUT, "2026-12-09T04:00:00Z", true),
                        record(SignKind.OUT, "2026-12-09T09:46:00Z", false)));
        assertThat(day.status()).isEqualTo(DayStatus.PRESENT);
        assertThat(day.firstIn()).isEqualTo(Instant.parse("2026-12-09T00:10:00Z"));
        assertThat(day.firstInInside()).isFalse();
        assertThat(day.lastOut()).isEqualTo(Instant.parse("2026-12-09T09:46:00Z"));
        assertThat(day.lastOutInside()).isFalse();
        assertThat(day.hours()).isEqualTo(9.6);
    }

    @Test
    void aSignOutBeforeAnySignInMakesNoHours() {
        assertThat(Attendance.hours(Instant.parse("2026-12-09T09:00:00Z"), Instant.parse("2026-12-09T08:00:00Z")))
                .isNull();
        assertThat(Attendance.hours(null, Instant.parse("2026-12-09T08:00:00Z")))
                .isNull();
    }
}
