package org.gridgov.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.gridgov.assessment.EventLine;
import org.gridgov.assessment.Indicator;
import org.gridgov.assessment.Score;
import org.gridgov.assessment.SubjectType;
import org.gridgov.assessment.TrendPoint;
import org.gridgov.common.CurrentScope;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.ProblemException;
import org.gridgov.event.EventFact;
import org.gridgov.event.EventLedger;
import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.identity.OrganizationDirectory;
import org.gridgov.identity.OrganizationRef;
import org.gridgov.identity.Role;
import org.gridgov.identity.ScopeKind;
import org.gridgov.identity.StaffDirectory;
import org.gridgov.region.RegionApi;
import org.gridgov.registry.GridRecordQuality;
import org.gridgov.registry.RegistryApi;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores, rankings and the events behind them, within the caller's scope. An open period is counted live, up to now;
 * a closed one is read as it was frozen, with the adjustments approved since. Grid workers and assistants see only
 * their own figures, department staff only their department's, each with their rank.
 */
@Component
public class AssessmentDesk {

    private final EventLedger ledger;
    private final Subjects subjects;
    private final SchemeRepository schemes;
    private final ResultRepository results;
    private final AdjustmentRepository adjustments;
    private final RegionApi regions;
    private final RegistryApi registry;
    private final StaffDirectory staff;
    private final OrganizationDirectory organizations;
    private final CurrentScope scope;
    private final CurrentUsers users;
    private final LiveFigures live;
    private final Clock clock;

    AssessmentDesk(
            EventLedger ledger,
            Subjects subjects,
            SchemeRepository schemes,
            ResultRepository results,
            AdjustmentRepository adjustments,
            RegionApi regions,
            RegistryApi registry,
            StaffDirectory staff,
            OrganizationDirectory organizations,
            CurrentScope scope,
            CurrentUsers users,
            LiveFigures live,
            Clock clock) {
        this.ledger = ledger;
        this.subjects = subjects;
        this.schemes = schemes;
        this.results = results;
        this.adjustments = adjustments;
        this.regions = regions;
        this.registry = registry;
        this.staff = staff;
        this.organizations = organizations;
        this.scope = scope;
        this.users = users;
        this.live = live;
        this.clock = clock;
    }

    /** What the caller may read: a region prefix and, for people who see only themselves, that one subject. */
    record AssessmentScope(String prefix, String onlySubject) {

        boolean allows(Score s) {
            return onlySubject != null
                    ? onlySubject.equals(s.subject())
                    : s.regionCode().startsWith(prefix);
        }
    }

    AssessmentScope access() {
        CurrentUser user = users.require();
        if (user.scopeKind() == ScopeKind.GRIDS) {
            return new AssessmentScope(scope.regionPrefix(), "WORKER:" + user.id());
        }
        if (user.roles().contains(Role.DEPARTMENT_HANDLER) || user.roles().contains(Role.DEPARTMENT_LEADER)) {
            return new AssessmentScope(scope.regionPrefix(), "DEPARTMENT:" + user.organizationCode());
        }
        return new AssessmentScope(scope.regionPrefix(), null);
    }

    /** The ranking of one level under a region for a period, a page at a time. */
    @Transactional(readOnly = true)
    public PageResult<Score> rankings(String level, String region, String periodKey, PageQuery page) {
        var list = ranking(type(level, "level"), region, periodKey);
        int from = (int) Math.min(page.offset(), list.size());
        int to = Math.min(from + page.size(), list.size());
        return PageResult.of(list.subList(from, to), page, list.size());
    }

    /** The whole ranking, for the bulletin and its workbook. */
    @Transactional(readOnly = true)
    public List<Score> ranking(SubjectType type, String region, String periodKey) {
        var access = access();
        var period = period(periodKey);
        String area = region == null || region.isBlank() ? access.prefix() : region;
        if (!area.matches("\\d{2,15}")) {
            throw ProblemException.invalid(
                    "region",
                    "format",
                    "区域须为 2 到 15 位数字的区划或网格代码",
                    "region must be a region or grid code of 2 to 15 digits");
        }
        if (!scope.data().reaches(area)) {
            throw outOfScope(area);
        }
        var current = Scoring.rank(scores(type, area, period), previousRanks(type, area, period));
        return current.stream().filter(access::allows).toList();
    }

    /** One subject's score with every indicator, and its rank among the subjects of its type in its county. */
    @Transactional(readOnly = true)
    public Score score(String subject, String periodKey) {
        var access = access();
        var period = period(periodKey);
        var type = subjectType(subject);
        String county = countyOf(subject);
        return ranked(subject, type, county, period, previousRanks(type, county, period), access)
                .orElseThrow(() -> outOfScope(subject));
    }

    /** The most periods a trend may span, a year of months: each period not yet closed is counted from its events. */
    static final int MOST_TREND_PERIODS = 12;

    /**
     * One subject's score, grade and rank in each of {@code count} periods of the same kind up to one (six when
     * null), oldest first; a period the subject was not counted in has a point without a score. Each period is
     * counted as {@link #score} counts it, without the change of rank that would count the period before too.
     *
     * @throws ProblemException 400 naming {@code count} outside 1 to {@value #MOST_TREND_PERIODS}; 404 when the
     *     subject is not within the caller's scope in the last period
     */
    @Transactional(readOnly = true)
    public List<TrendPoint> trend(String subject, String periodKey, Integer count) {
        int periods = count == null ? 6 : count;
        if (periods < 1 || periods > MOST_TREND_PERIODS) {
            throw ProblemException.invalid(
                    "count",
                    "range",
                    "期数须在 1 到 " + MOST_TREND_PERIODS + " 之间",
                    "count must be between 1 and " + MOST_TREND_PERIODS);
        }
        var access = access();
        var period = period(periodKey);
        var type = subjectType(subject);
        String county = countyOf(subject);
        var points = new ArrayDeque<TrendPoint>();
        for (int i = 0; i < periods; i++, period = period.previous()) {
            var key = period.key();
            var found = ranked(subject, type, county, period, Map.of(), access);
            // The last period decides whether the caller may see the subject at all, before any other is counted.
            if (i == 0 && found.isEmpty()) {
                throw outOfScope(subject);
            }
            points.addFirst(found.map(s -> TrendPoint.of(key, s)).orElseGet(() -> TrendPoint.notAssessed(key)));
        }
        return List.copyOf(points);
    }

    /** A subject's score ranked among its type in its county, if the caller may see it. */
    private Optional<Score> ranked(
            String subject,
            SubjectType type,
            String county,
            Period period,
            Map<String, Integer> previousRanks,
            AssessmentScope access) {
        return Scoring.rank(scores(type, county, period), previousRanks).stream()
                .filter(s -> s.subject().equals(subject) && access.allows(s))
                .findFirst();
    }

    /** The events behind one indicator of a subject: its base, those counted in the numerator first. */
    @Transactional(readOnly = true)
    public PageResult<EventLine> events(String subject, String periodKey, String indicatorName, PageQuery page) {
        score(subject, periodKey);
        var period = period(periodKey);
        var type = subjectType(subject);
        Indicator indicator = indicator(indicatorName, type);
        String county = countyOf(subject);
        Instant cutoff = results.closing(county, period.key())
                .map(ResultRepository.Closing::closedAt)
                .orElseGet(clock::instant);
        var quality = indicator.countsEvents() ? List.<GridRecordQuality>of() : registry.qualityPerGrid(county, cutoff);
        var items = subjects.of(type, county, period, facts(type, county, period, cutoff), quality).stream()
                .filter(a -> a.subject().key().equals(subject))
                .flatMap(a -> a.items().stream())
                .filter(item -> Counting.inBase(indicator, item))
                .sorted(Comparator.comparing((Item item) -> -Counting.counted(indicator, item))
                        .thenComparing(item -> item.event().reportedAt(), Comparator.reverseOrder()))
                .toList();
        int from = (int) Math.min(page.offset(), items.size());
        var shown = items.subList(from, Math.min(from + page.size(), items.size()));
        var names = regions.names(shown.stream().map(i -> i.event().gridCode()).toList());
        return PageResult.of(
                shown.stream()
                        .map(i -> new EventLine(
                                i.event().id(),
                                i.event().serialNumber(),
                                i.event().title(),
                                names.get(i.event().gridCode()),
                                i.event().categoryName(),
                                i.event().status().label(),
                                i.event().reportedAt(),
                                Counting.counted(indicator, i),
                                i.isDispatch() ? i.handling().organization() : null))
                        .toList(),
                page,
                items.size());
    }

    /**
     * The graded scores of one type for the counties a region covers, each county counted as a group (a county's
     * subjects are graded together), narrowed to the subjects under the region.
     */
    List<Score> scores(SubjectType type, String region, Period period) {
        var all = new ArrayList<Score>();
        if (type == SubjectType.COUNTY) {
            // Counties are graded against each other, over the whole deployment.
            var counted = new ArrayList<Scoring.Counted>();
            var approved = new HashMap<String, Double>();
            boolean frozen = true;
            var scheme = scheme(type, regions.rootCode(), period);
            for (String county : countiesUnder(regions.rootCode())) {
                var group = counted(type, county, period);
                counted.addAll(group.counted());
                approved.putAll(adjustments.approved(county, period.key()));
                frozen &= group.frozen();
            }
            all.addAll(Scoring.grade(scheme, counted, approved, frozen));
        } else {
            for (String county : countiesUnder(region)) {
                var group = counted(type, county, period);
                all.addAll(Scoring.grade(
                        group.scheme(), group.counted(), adjustments.approved(county, period.key()), group.frozen()));
            }
        }
        return all.stream()
                .filter(s -> s.regionCode().startsWith(region)
                        || type == SubjectType.COUNTY && region.startsWith(s.regionCode()))
                .toList();
    }

    record Group(Scheme scheme, List<Scoring.Counted> counted, boolean frozen) {}

    /** A county's subjects of one type, counted live or read as frozen. */
    Group counted(SubjectType type, String county, Period period) {
        var scheme = scheme(type, county, period);
        if (results.closing(county, period.key()).isPresent()) {
            return new Group(scheme, results.results(county, period.key(), type), true);
        }
        var counted = live.get(type, county, period, () -> countedLive(type, county, period, clock.instant()));
        return new Group(scheme, counted, false);
    }

    /** A county's subjects of one type counted from the events as they stood at a cut-off. */
    List<Scoring.Counted> countedLive(SubjectType type, String county, Period period, Instant cutoff) {
        var facts = facts(type, county, period, cutoff);
        var quality =
                type == SubjectType.DEPARTMENT ? List.<GridRecordQuality>of() : registry.qualityPerGrid(county, cutoff);
        return counted(type, county, period, facts, quality);
    }

    /**
     * Every subject of a county counted at one cut-off, for closing a period: the events and the base data are read
     * once for all types rather than once per type.
     */
    Map<SubjectType, List<Scoring.Counted>> countedAll(String county, Period period, Instant cutoff) {
        var reported = ledger.reportedIn(county, period.from(), period.to(), cutoff);
        var dispatched = ledger.dispatchedIn(county, departmentCodes(county), period.from(), period.to(), cutoff);
        var quality = registry.qualityPerGrid(county, cutoff);
        var all = new java.util.EnumMap<SubjectType, List<Scoring.Counted>>(SubjectType.class);
        for (var type : SubjectType.values()) {
            all.put(
                    type,
                    counted(type, county, period, type == SubjectType.DEPARTMENT ? dispatched : reported, quality));
        }
        return all;
    }

    private List<Scoring.Counted> counted(
            SubjectType type, String county, Period period, List<EventFact> facts, List<GridRecordQuality> quality) {
        var scheme = scheme(type, county, period);
        int months = (int) ChronoUnit.MONTHS.between(period.first(), period.afterLast());
        return subjects.of(type, county, period, facts, quality).stream()
                .map(a -> Scoring.count(scheme, a.subject(), a.items(), a.direct(), months))
                .toList();
    }

    private List<EventFact> facts(SubjectType type, String county, Period period, Instant cutoff) {
        return type == SubjectType.DEPARTMENT
                ? ledger.dispatchedIn(county, departmentCodes(county), period.from(), period.to(), cutoff)
                : ledger.reportedIn(county, period.from(), period.to(), cutoff);
    }

    /** The departments of a county, whose received dispatches are the items of the department subjects. */
    private List<String> departmentCodes(String county) {
        return staff.departmentsUnder(county).stream()
                .map(OrganizationRef::code)
                .toList();
    }

    Scheme scheme(SubjectType type, String region, Period period) {
        return schemes.effective(type, region, period.first())
                .orElseThrow(() -> new IllegalStateException("No assessment scheme for " + type));
    }

    private Map<String, Integer> previousRanks(SubjectType type, String region, Period period) {
        var previous = period.previous();
        var ranks = new HashMap<String, Integer>();
        for (var s : Scoring.rank(scores(type, region, previous), Map.of())) {
            if (s.rank() != null) {
                ranks.put(s.subject(), s.rank());
            }
        }
        return ranks;
    }

    /** The counties under a region, or the county a longer code lies in. */
    List<String> countiesUnder(String region) {
        if (region.length() >= 6) {
            return List.of(region.substring(0, 6));
        }
        var counties = new TreeSet<String>();
        regions.gridCodesUnder(region).forEach(code -> counties.add(code.substring(0, 6)));
        return List.copyOf(counties);
    }

    Period period(String key) {
        var period = key == null || key.isBlank() ? Period.monthOf(clock.instant()) : Period.parse(key, "period");
        if (!period.begunBy(clock.instant())) {
            throw ProblemException.invalid("period", "future", "考核期尚未开始", "The period has not begun yet");
        }
        return period;
    }

    static SubjectType type(String level, String field) {
        if (level != null) {
            for (var t : SubjectType.values()) {
                if (t.name().equals(level)) {
                    return t;
                }
            }
        }
        throw ProblemException.invalid(
                field,
                "unknown-value",
                "考核对象层级须为 WORKER、GRID、VILLAGE、TOWNSHIP、COUNTY 或 DEPARTMENT",
                field + " must be one of WORKER, GRID, VILLAGE, TOWNSHIP, COUNTY, DEPARTMENT");
    }

    /** The type of a subject key {@code TYPE:code}; a malformed key names no subject. */
    static SubjectType subjectType(String subject) {
        int colon = subject == null ? -1 : subject.indexOf(':');
        if (colon <= 0 || colon == subject.length() - 1) {
            throw ProblemException.invalid(
                    "subject",
                    "format",
                    "考核对象须写作 类型:代码，例如 TOWNSHIP:421381101",
                    "subject must be TYPE:code, e.g. TOWNSHIP:421381101");
        }
        var type = type(subject.substring(0, colon), "subject");
        String code = subject.substring(colon + 1);
        boolean wellFormed = switch (type) {
            case WORKER -> code.matches("\\d{1,18}");
            case DEPARTMENT -> code.matches("[0-9A-Za-z_.-]{1,40}");
            default -> code.matches("\\d{" + type.codeLength() + "}");
        };
        if (!wellFormed) {
            throw ProblemException.invalid("subject", "format", "考核对象代码格式不正确", "The subject's code is malformed");
        }
        return type;
    }

    /**
     * The county whose group a subject is counted in: a region's first six digits, the county of a department's
     * region or of a worker's area.
     */
    String countyOf(String subject) {
        var type = subjectType(subject);
        String code = subject.substring(subject.indexOf(':') + 1);
        String region = switch (type) {
            case WORKER ->
                staff.gridWorker(Long.parseLong(code))
                        .map(w -> w.gridCodes().isEmpty()
                                ? w.scopeCode()
                                : w.gridCodes().getFirst())
                        .orElse(null);
            case DEPARTMENT ->
                organizations.find(code).map(OrganizationRef::regionCode).orElse(null);
            default -> code;
        };
        if (region == null || region.length() < 6) {
            throw outOfScope(subject);
        }
        return region.substring(0, 6);
    }

    static Indicator indicator(String name, SubjectType type) {
        if (name != null) {
            for (var i : Indicator.values()) {
                if (i.name().equals(name) && i.appliesTo(type)) {
                    if (!i.countsEvents()) {
                        throw ProblemException.invalid(
                                "indicator",
                                "not-events",
                                "该指标按基础数据计算，没有对应的事件，请在“统计与质量”中查看",
                                "this indicator counts base data, not events: see the registry's figures and quality");
                    }
                    return i;
                }
            }
        }
        throw ProblemException.invalid(
                "indicator", "unknown-value", "该考核对象没有这个指标", "indicator is not one of this subject's indicators");
    }

    static ProblemException outOfScope(String what) {
        return ProblemException.notFound("找不到该考核对象，或不在您的管辖范围内：" + what, "No such subject within your scope: " + what);
    }
}
