package org.gridgov.assessment.internal;

import java.time.Clock;
import java.util.ArrayList;
import org.gridgov.assessment.Adjustment;
import org.gridgov.assessment.AdjustmentCommand;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.ProblemException;
import org.gridgov.identity.CurrentUsers;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 加分 / 扣分: entered with a reason by one person, approved or rejected by another; only approved points count, in
 * open and closed periods alike, so a correction after closing shows as an adjustment rather than a changed figure.
 * Every request and decision is in the audit log (all writes are).
 */
@Component
public class AdjustmentDesk {

    private final AssessmentDesk assessment;
    private final AdjustmentRepository adjustments;
    private final CurrentUsers users;
    private final Clock clock;

    AdjustmentDesk(AssessmentDesk assessment, AdjustmentRepository adjustments, CurrentUsers users, Clock clock) {
        this.assessment = assessment;
        this.adjustments = adjustments;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public Adjustment enter(AdjustmentCommand command) {
        var errors = new ArrayList<FieldProblem>();
        if (command.points() == null || command.points() == 0 || Math.abs(command.points()) > 100) {
            errors.add(new FieldProblem(
                    "points", "range", "分值须为 -100 到 100 之间的非零数", "points must be non-zero, from -100 to 100"));
        } else if (Math.round(command.points() * 100) != command.points() * 100) {
            errors.add(new FieldProblem("points", "precision", "分值最多两位小数", "points take at most two decimals"));
        }
        String reason = command.reason() == null ? "" : command.reason().strip();
        if (reason.isEmpty() || reason.length() > 500) {
            errors.add(new FieldProblem(
                    "reason", "length", "须写明理由（500 字以内）", "a reason of up to 500 characters is required"));
        }
        if (command.period() == null || command.period().isBlank()) {
            errors.add(new FieldProblem("period", "required", "须写明考核期", "period is required"));
        }
        if (command.subject() == null || command.subject().isBlank()) {
            errors.add(new FieldProblem("subject", "required", "须写明考核对象", "subject is required"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        var access = assessment.access();
        if (access.onlySubject() != null) {
            throw ProblemException.forbidden("只有中心可以申请加减分", "Only centers may ask for adjustments");
        }
        // Reading the score checks the period and that the subject is in the caller's scope.
        var score = assessment.score(command.subject(), command.period());
        var period = assessment.period(command.period());
        var user = users.require();
        var subject = new Scoring.Subject(score.subject(), score.type(), null, score.name(), score.regionCode(), 0);
        String county = assessment.countyOf(score.subject());
        long id = adjustments.insert(
                county, period.key(), subject, command.points(), reason, user.id(), user.realName(), clock.instant());
        return adjustments.find(county, id).orElseThrow();
    }

    @Transactional
    public Adjustment approve(long id, String note) {
        return decide(id, "APPROVED", note);
    }

    @Transactional
    public Adjustment reject(long id, String note) {
        return decide(id, "REJECTED", note);
    }

    private Adjustment decide(long id, String status, String note) {
        if (note != null && note.length() > 500) {
            throw ProblemException.invalid("note", "length", "意见不能超过 500 字", "note is at most 500 characters");
        }
        var access = assessment.access();
        var user = users.require();
        var stored = adjustments
                .forDecision(id, access.onlySubject() != null ? "-" : access.prefix())
                .orElseThrow(() -> ProblemException.notFound("找不到该加减分申请", "No such adjustment within your scope"));
        if (stored.enteredBy() == user.id()) {
            throw ProblemException.unprocessable(
                    "加减分须由申请人以外的人审批",
                    "An adjustment is decided by someone other than who entered it",
                    java.util.List.of());
        }
        if (!"PENDING".equals(stored.adjustment().status())) {
            throw ProblemException.conflict("该申请已审批", "This adjustment has been decided already");
        }
        adjustments.decide(stored.county(), id, status, user.id(), user.realName(), note, clock.instant());
        var a = stored.adjustment();
        return new Adjustment(
                a.id(),
                a.period(),
                a.subject(),
                a.subjectName(),
                a.points(),
                a.reason(),
                status,
                a.enteredBy(),
                a.enteredAt(),
                user.realName(),
                note,
                clock.instant());
    }

    @Transactional(readOnly = true)
    public PageResult<Adjustment> list(String period, String subject, String status, PageQuery page) {
        var access = assessment.access();
        if (status != null
                && !java.util.Set.of("PENDING", "APPROVED", "REJECTED").contains(status)) {
            throw ProblemException.invalid(
                    "status",
                    "unknown-value",
                    "状态须为 PENDING、APPROVED 或 REJECTED",
                    "status must be PENDING, APPROVED or REJECTED");
        }
        String periodKey = period == null || period.isBlank()
                ? null
                : Period.parse(period, "period").key();
        if (access.onlySubject() != null) {
            subject = access.onlySubject();
        } else if (subject != null) {
            AssessmentDesk.subjectType(subject);
        }
        long total = adjustments.count(access.prefix(), periodKey, subject, status);
        return PageResult.of(adjustments.list(access.prefix(), periodKey, subject, status, page), page, total);
    }
}
