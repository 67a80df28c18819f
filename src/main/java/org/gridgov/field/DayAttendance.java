package org.gridgov.field;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A worker's day: the first sign-in, the last sign-out, whether they were inside their grids, and the hours between.
 *
 * @param hours from the first sign-in to the last sign-out after it, to a tenth of an hour; null without both
 * @param records every sign-in and sign-out of the day, in order (at most {@value #MAX_RECORDS})
 */
public record DayAttendance(
        long userId,
        String workerName,
        LocalDate day,
        boolean workingDay,
        DayStatus status,
        Instant firstIn,
        Boolean firstInInside,
        Instant lastOut,
        Boolean lastOutInside,
        Double hours,
        List<SignRecord> records) {

    /** The most records a worker makes in a day; more are refused. */
    public static final int MAX_RECORDS = 20;

    public DayAttendance {
        records = List.copyOf(records);
    }
}
