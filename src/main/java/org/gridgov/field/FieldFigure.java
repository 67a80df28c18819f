package org.gridgov.field;

/**
 * The field day of one worker, grid or village over a period, as the assessment counts it.
 *
 * @param key the worker's account id, or the grid's or village's code
 * @param workers the workers who signed in or wrote a diary entry there in the period
 * @param workingDays the working days of the period up to today
 * @param signInDays the days with a sign-in, counted once per worker and day
 * @param diaryEntries the diary entries of the period
 */
public record FieldFigure(
        FieldSubject subject,
        String key,
        String name,
        int workers,
        int workingDays,
        int signInDays,
        int diaryEntries) {}
