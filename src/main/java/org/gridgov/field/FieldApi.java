package org.gridgov.field;

import java.time.LocalDate;
import java.util.List;
import org.gridgov.common.DataScope;
import org.gridgov.common.Unscoped;
import org.gridgov.field.internal.FieldReads;
import org.springframework.stereotype.Component;

/**
 * What other modules may ask of the field day: its figures per worker, grid and village over a period (sign-in days,
 * working days, diary entries), for the assessment's indicators. No points, no texts.
 */
@Component
@Unscoped("callers pass the region they may read, already cut to their caller's scope, as a bound prefix")
public class FieldApi {

    private final FieldReads reads;

    FieldApi(FieldReads reads) {
        this.reads = reads;
    }

    /**
     * The figures of every worker, grid or village under a region with a sign-in or a diary entry in
     * {@code [from, to]}, both days included; working days count up to today.
     */
    public List<FieldFigure> figures(String regionPrefix, LocalDate from, LocalDate to, FieldSubject subject) {
        return reads.figures(regionPrefix, DataScope.region(regionPrefix), from, to, subject);
    }
}
