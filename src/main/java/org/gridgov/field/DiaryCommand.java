package org.gridgov.field;

import java.time.LocalDate;
import java.util.List;

/**
 * A field diary entry as its author writes it, to add or (on its day) to change.
 *
 * @param requestId made by the phone once per entry, so that a resend returns the first record
 * @param day the day the entry is of, today by default; a day of the last week when sent late
 * @param seen what the worker saw and heard (民情)
 * @param done what the worker did about it
 * @param photoIds photos uploaded before, at most nine; a change sends the ones to keep
 * @param version the version a change was made from
 */
public record DiaryCommand(
        String requestId,
        LocalDate day,
        String seen,
        String done,
        Double lon,
        Double lat,
        List<Long> photoIds,
        Integer version) {}
