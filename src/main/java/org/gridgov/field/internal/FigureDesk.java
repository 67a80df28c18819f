package org.gridgov.field.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import org.gridgov.common.FieldInput;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.field.FieldFigure;
import org.gridgov.field.FieldSubject;
import org.springframework.stereotype.Service;

/** The field figures of the caller's scope, as the figures endpoint answers them. */
@Service
class FigureDesk {

    private final FieldReads reads;
    private final FieldScope scope;
    private final FieldDays days;

    FigureDesk(FieldReads reads, FieldScope scope, FieldDays days) {
        this.reads = reads;
        this.scope = scope;
        this.days = days;
    }

    /** A period of at most a year, the current month by default. */
    PageResult<FieldFigure> figures(String region, LocalDate from, LocalDate to, FieldSubject subject, PageQuery page) {
        String area = scope.region(region);
        var month = YearMonth.from(days.today());
        LocalDate first = from == null ? month.atDay(1) : from;
        LocalDate last = to == null ? month.atEndOfMonth() : to;
        FieldInput.period(first, last);
        var data = scope.data();
        var all = reads.figures(area, data, first, last, subject == null ? FieldSubject.WORKER : subject);
        var shown = all.subList(
                (int) Math.min(page.offset(), all.size()), (int) Math.min(page.offset() + page.size(), all.size()));
        return PageResult.of(shown, page, all.size());
    }
}
