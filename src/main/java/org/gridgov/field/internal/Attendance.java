package org.gridgov.field.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gridgov.field.DayAttendance;
import org.gridgov.field.DayStatus;
import org.gridgov.field.SignKind;
import org.gridgov.field.SignRecord;

/** The rules that make a day's attendance of its records: which record counts, how a day stands, the hours. */
final class Attendance {

    private Attendance() {}

    /**
     * How a day stands: signed in inside one of the worker's grids at any time of the day is present; signed in only
     * outside them is outside; without a sign-in, a working day before today is a gap, today or later pending.
     */
    static DayStatus status(boolean signedIn, boolean anyInside, boolean workingDay, LocalDate day, LocalDate today) {
        if (signedIn) {
            return anyInside ? DayStatus.PRESENT : DayStatus.OUTSIDE;
        }
        if (!day.isBefore(today)) {
            return DayStatus.PENDING;
        }
        return workingDay ? DayStatus.GAP : DayStatus.OFF;
    }

    /** Hours from the first sign-in to the last sign-out after it, to a tenth; null without both. */
    static Double hours(java.time.Instant firstIn, java.time.Instant lastOut) {
        if (firstIn == null || lastOut == null || !lastOut.isAfter(firstIn)) {
            return null;
        }
        return Math.round(Duration.between(firstIn, lastOut).toMinutes() / 6.0) / 10.0;
    }

    static DayAttendance day(
            long userId, String name, LocalDate day, boolean workingDay, LocalDate today, List<SignRecord> records) {
        SignRecord firstIn = records.stream()
                .filter(r -> r.kind() == SignKind.IN)
                .findFirst()
                .orElse(null);
        SignRecord lastOut = records.reversed().stream()
                .filter(r -> r.kind() == SignKind.OUT)
                .findFirst()
                .orElse(null);
        boolean anyInside = records.stream().anyMatch(r -> r.kind() == SignKind.IN && r.inside());
        String workerName = records.isEmpty() ? name : records.getLast().workerName();
        return new DayAttendance(
                userId,
                workerName,
                day,
                workingDay,
                status(firstIn != null, anyInside, workingDay, day, today),
                firstIn == null ? null : firstIn.at(),
                firstIn == null ? null : firstIn.inside(),
                lastOut == null ? null : lastOut.at(),
                lastOut == null ? null : lastOut.inside(),
                hours(firstIn == null ? null : firstIn.at(), lastOut == null ? null : lastOut.at()),
                records);
    }

    /** The record with its grid's name. */
    static SignRecord named(SignRecord r, Map<String, String> names) {
        return new SignRecord(
                r.id(),
                r.userId(),
                r.workerName(),
                r.kind(),
                r.day(),
                r.at(),
                r.receivedAt(),
                r.lon(),
                r.lat(),
                r.accuracy(),
                r.device(),
                r.gridCode(),
                names.get(r.gridCode()),
                r.locatedGridCode(),
                r.inside(),
                r.requestId());
    }
}
