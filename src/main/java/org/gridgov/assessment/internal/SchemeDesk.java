package org.gridgov.assessment.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gridgov.assessment.Indicator;
import org.gridgov.assessment.IndicatorDefinition;
import org.gridgov.assessment.SchemeCommand;
import org.gridgov.assessment.SchemeVersion;
import org.gridgov.assessment.SchemeView;
import org.gridgov.assessment.SubjectType;
import org.gridgov.common.CurrentScope;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.ProblemException;
import org.gridgov.event.EventCategories;
import org.gridgov.identity.CurrentUsers;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's scoring schemes: read for any period or as the list of versions, and a new version entered from a
 * month that has not begun, so that a period is never scored by two schemes.
 */
@Component
public class SchemeDesk {

    private final SchemeRepository schemes;
    private final AssessmentDesk assessment;
    private final CurrentScope scope;
    private final CurrentUsers users;
    private final EventCategories categories;
    private final Clock clock;

    SchemeDesk(
            SchemeRepository schemes,
            AssessmentDesk assessment,
            CurrentScope scope,
            CurrentUsers users,
            EventCategories categories,
            Clock clock) {
        this.schemes = schemes;
        this.assessment = assessment;
        this.scope = scope;
        this.users = users;
        this.categories = categories;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SchemeView effective(String type, String period) {
        var subjectType = AssessmentDesk.type(type, "type");
        var p = period == null || period.isBlank() ? Period.monthOf(clock.instant()) : Period.parse(period, "period");
        return view(assessment.scheme(subjectType, scope.regionPrefix(), p));
    }

    /**
     * One page of the versions of a type's scheme that may apply to the caller's county, latest month first, each
     * marked planned, in force this month, or superseded.
     */
    @Transactional(readOnly = true)
    public PageResult<SchemeVersion> versions(String type, PageQuery page) {
        var subjectType = AssessmentDesk.type(type, "type");
        String county = scope.regionPrefix();
        var month = Period.monthOf(clock.instant());
        long inForce = assessment.scheme(subjectType, county, month).id();
        var content = schemes.versions(subjectType, county, page).stream()
                .map(v -> new SchemeVersion(
                        view(v.scheme()),
                        v.scheme().id() == inForce
                                ? SchemeVersion.State.IN_FORCE
                                : v.scheme().effectiveFrom().isAfter(month.first())
                                        ? SchemeVersion.State.PLANNED
                                        : SchemeVersion.State.SUPERSEDED,
                        v.at()))
                .toList();
        return PageResult.of(content, page, schemes.countVersions(subjectType, county));
    }

    /** Every indicator with the subject types that have it, for picking what a scheme weighs. */
    public List<IndicatorDefinition> indicators() {
        return Arrays.stream(Indicator.values()).map(IndicatorDefinition::of).toList();
    }

    @Transactional
    public SchemeView save(String type, SchemeCommand c) {
        var subjectType = AssessmentDesk.type(type, "type");
        String county = scope.regionPrefix();
        var errors = new ArrayList<FieldProblem>();
        Period from = null;
        if (c.effectiveFrom() == null || !c.effectiveFrom().matches("\\d{4}-\\d{2}")) {
            errors.add(new FieldProblem(
                    "effectiveFrom", "format", "生效月份须写作 2027-01", "effectiveFrom: a month such as 2027-01"));
        } else {
            from = Period.parse(c.effectiveFrom(), "effectiveFrom");
            if (from.begunBy(clock.instant())) {
                errors.add(new FieldProblem(
                        "effectiveFrom", "past", "只能从尚未开始的月份起生效", "a scheme takes effect from a month not yet begun"));
            }
        }
        var weights = indicators(c.weights(), "weights", subjectType, errors, false);
        var penalties = indicators(c.penalties(), "penalties", subjectType, errors, true);
        if (weights.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            errors.add(new FieldProblem("weights", "empty", "权重之和须大于 0", "the weights must add up to more than 0"));
        }
        double excellent = number(c.excellentMin(), 90);
        double good = number(c.goodMin(), 75);
        double pass = number(c.passMin(), 60);
        if (!(0 <= pass && pass <= good && good <= excellent && excellent <= 100)) {
            errors.add(new FieldProblem(
                    "excellentMin",
                    "order",
                    "须满足 0 ≤ 合格线 ≤ 良好线 ≤ 优秀线 ≤ 100",
                    "need 0 ≤ passMin ≤ goodMin ≤ excellentMin ≤ 100"));
        }
        if (c.excellentShare() != null && (c.excellentShare() < 0 || c.excellentShare() > 1)) {
            errors.add(new FieldProblem("excellentShare", "range", "优秀比例须在 0 到 1 之间", "excellentShare: 0 to 1"));
        }
        int quota = c.reportQuota() == null ? 4 : c.reportQuota();
        if (quota < 0 || quota > 1000) {
            errors.add(new FieldProblem("reportQuota", "range", "上报任务数须在 0 到 1000 之间", "reportQuota: 0 to 1000"));
        }
        var vetoes = new ArrayList<Scheme.Veto>();
        var rules = c.vetoes() == null ? List.<SchemeCommand.VetoRule>of() : c.vetoes();
        for (int i = 0; i < rules.size(); i++) {
            var v = rules.get(i);
            boolean ok = v != null
                    && ("CATEGORY".equals(v.kind())
                                    && v.code() != null
                                    && v.code().matches("[0-9A-Z]{2,16}")
                            || "RED_CARDS".equals(v.kind()) && v.atLeast() != null && v.atLeast() > 0);
            if (!ok) {
                errors.add(new FieldProblem(
                        "vetoes[" + i + "]",
                        "format",
                        "一票否决规则须为 {kind: CATEGORY, code} 或 {kind: RED_CARDS, atLeast}",
                        "a veto is {kind: CATEGORY, code} or {kind: RED_CARDS, atLeast}"));
            } else if ("CATEGORY".equals(v.kind())
                    && categories.current(v.code()).isEmpty()) {
                // A veto matches the code events are reported with: one the catalog lacks would never fire.
                errors.add(new FieldProblem(
                        "vetoes[" + i + "].code",
                        "unknown",
                        "现行事件分类目录中没有该分类",
                        "not a category of the current event catalog"));
            } else {
                vetoes.add(new Scheme.Veto(v.kind(), v.code(), v.atLeast()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        var scheme = new Scheme(
                0,
                county,
                subjectType,
                from.first(),
                weights,
                penalties,
                excellent,
                good,
                pass,
                c.excellentShare(),
                quota,
                vetoes);
        schemes.save(scheme, users.require().id(), clock.instant());
        return view(scheme);
    }

    private static double number(Double value, double otherwise) {
        return value == null ? otherwise : value;
    }

    private static Map<Indicator, Double> indicators(
            List<SchemeCommand.Weight> given,
            String field,
            SubjectType type,
            List<FieldProblem> errors,
            boolean penalties) {
        var map = new EnumMap<Indicator, Double>(Indicator.class);
        var list = given == null ? List.<SchemeCommand.Weight>of() : given;
        for (int n = 0; n < list.size(); n++) {
            var w = list.get(n);
            String at = field + "[" + n + "]";
            Indicator indicator = null;
            for (var i : Indicator.values()) {
                boolean fits = i.appliesTo(type)
                        && (i.kind() == Indicator.Kind.PENALTY) == penalties
                        && i.kind() != Indicator.Kind.INFO;
                if (w != null && i.name().equals(w.indicator()) && fits) {
                    indicator = i;
                }
            }
            if (indicator == null) {
                errors.add(new FieldProblem(
                        at + ".indicator",
                        "unknown-value",
                        penalties ? "不是该对象可扣分的计数指标" : "不是该对象可加权的指标",
                        penalties
                                ? "not a count of this subject type that takes points off"
                                : "not a weighted indicator of this subject type"));
            } else if (map.containsKey(indicator)) {
                errors.add(new FieldProblem(at + ".indicator", "duplicate", "指标重复", "indicator given twice"));
            }
            if (w == null || w.value() == null || w.value() < 0 || w.value() > 100) {
                errors.add(new FieldProblem(at + ".value", "range", "须在 0 到 100 之间", "must be from 0 to 100"));
            } else if (indicator != null) {
                map.put(indicator, w.value());
            }
        }
        return map;
    }

    private static SchemeView view(Scheme s) {
        return new SchemeView(
                s.subjectType(),
                s.regionCode(),
                s.effectiveFrom(),
                s.weights(),
                s.penalties(),
                s.excellentMin(),
                s.goodMin(),
                s.passMin(),
                s.excellentShare(),
                s.reportQuota(),
                s.vetoes().stream()
                        .map(v -> new SchemeCommand.VetoRule(v.kind(), v.code(), v.atLeast()))
                        .toList());
    }
}
