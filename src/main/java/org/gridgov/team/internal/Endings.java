package org.gridgov.team.internal;

import java.time.LocalDate;
import java.util.List;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.ProblemException;
import org.gridgov.team.Ending;

/**
 * The rule for ending a period that holds from {@code from} until the day before {@code to} (a member's latest
 * version, a cadre's assignment): a reason, and a day (default today) on which it still holds or on which it began.
 */
final class Endings {

    /** An ending that met the rule. */
    record Checked(LocalDate on, String reason) {}

    private Endings() {}

    /**
     * Checks an ending, or refuses it: 400 naming {@code reason} or {@code on}, 409 when the period ended by then
     * already, 422 naming {@code on} when the day comes before the period began.
     *
     * @param what what ends, as a sentence's subject in Chinese and in English (该成员 / The member)
     */
    static Checked check(Ending ending, LocalDate from, LocalDate to, LocalDate today, String[] what) {
        var fields = new FormFields();
        String reason = fields.text("reason", ending.reason(), MemberRules.NOTE, true, "原因", "reason");
        LocalDate on = fields.date("on", ending.on(), today, "结束日期", "on");
        fields.refuseIfAny();
        if (to != null && !on.isBefore(to)) {
            throw ProblemException.conflict(what[0] + "已于 " + to + " 结束", what[1] + " ended on " + to + " already");
        }
        if (on.isBefore(from)) {
            throw ProblemException.unprocessable(
                    "结束日期不能早于开始日期 " + from,
                    what[1] + " cannot end before it began, " + from,
                    List.of(new FieldProblem(
                            "on", "before-start", "结束日期须不早于 " + from, "on must be on or after " + from)));
        }
        return new Checked(on, reason);
    }
}
