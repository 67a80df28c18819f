package org.gridgov.team.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.ProblemException;

/** Collects what is wrong with a request's fields, each named in Chinese and English, and refuses them all at once. */
final class FormFields {

    /** Dates before the People's Republic or after this century are typing errors, and PostgreSQL stores fewer. */
    private static final LocalDate EARLIEST = LocalDate.of(1949, 10, 1);

    private static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    private final List<FieldProblem> problems = new ArrayList<>();

    /** The text trimmed, null when blank; a problem when required and blank, or longer than {@code max}. */
    String text(String field, String value, int max, boolean required, String label, String labelEn) {
        String text = value == null || value.isBlank() ? null : value.strip();
        if (text == null) {
            if (required) {
                add(field, "required", label + "必填", labelEn + " is required");
            }
            return null;
        }
        if (text.length() > max) {
            add(field, "too-long", label + "不能超过 " + max + " 字", labelEn + " is longer than " + max + " characters");
            return null;
        }
        return text;
    }

    /** The date, or {@code otherwise} when none was given; a problem when out of the years a record may name. */
    LocalDate date(String field, LocalDate value, LocalDate otherwise, String label, String labelEn) {
        if (value == null) {
            return otherwise;
        }
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            add(
                    field,
                    "range",
                    label + "须在 1949-10-01 到 2099-12-31 之间",
                    labelEn + " must lie within 1949-10-01..2099-12-31");
            return otherwise;
        }
        return value;
    }

    /** The day a read is asked for (default today), or a 400 naming the field when it is out of range. */
    static LocalDate day(String field, LocalDate value, LocalDate today) {
        var fields = new FormFields();
        LocalDate day = fields.date(field, value, today, "日期", field);
        fields.refuseIfAny();
        return day;
    }

    /** A problem when an end date is given and does not come after the start. */
    void inOrder(String field, LocalDate start, LocalDate end, String label, String labelEn) {
        if (start != null && end != null && !end.isAfter(start)) {
            add(field, "order", label + "须晚于开始日期", labelEn + " must come after the start date");
        }
    }

    void add(String field, String code, String message, String messageEn) {
        problems.add(new FieldProblem(field, code, message, messageEn));
    }

    boolean ok() {
        return problems.isEmpty();
    }

    /** Refuses the request with every problem found (400), if any. */
    void refuseIfAny() {
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }
}
