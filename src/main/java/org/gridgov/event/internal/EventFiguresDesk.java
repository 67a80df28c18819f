package org.gridgov.event.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.ProblemException;
import org.gridgov.event.CategorySnapshot;
import org.gridgov.event.EventStatus;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.region.RegionApi;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dashboard figures from the rollups, within the caller's scope: the region asked for must lie in it. The rollups go
 * down to townships, so the figures are for callers who see a whole township or more; a grid worker, a resident or a
 * department, who see only some of a township's events, are refused (422) rather than shown counts of events they may
 * not see.
 */
@Service
@Transactional(readOnly = true)
class EventFiguresDesk {

    /** The lengths of the region codes figures are kept for: all, province, city, county, township. */
    private static final List<Integer> REGION_LENGTHS = List.of(0, 2, 4, 6, 9);

    static final List<String> BYS = Arrays.stream(RollupRepository.By.values())
            .map(by -> by.name().toLowerCase(Locale.ROOT))
            .toList();

    /** The longest period one request reads, and the longest by day: bounded answers. */
    static final int MAX_DAYS = 3 * 366;

    static final int MAX_DAYS_BY_DAY = 366;

    private final RollupRepository rollups;
    private final EventScope scope;
    private final CurrentUsers users;
    private final CalendarPeriods periods;
    private final RegionApi regions;
    private final EventCatalog catalog;

    EventFiguresDesk(
            RollupRepository rollups,
            EventScope scope,
            CurrentUsers users,
            CalendarPeriods periods,
            RegionApi regions,
            EventCatalog catalog) {
        this.rollups = rollups;
        this.scope = scope;
        this.users = users;
        this.periods = periods;
        this.regions = regions;
        this.catalog = catalog;
    }

    /**
     * The figures of a region in {@code [from, to)} grouped {@code by} township, category, status, day, month or
     * county. Defaults: the caller's whole scope, this month up to and including today.
     *
     * @throws ProblemException 422 for a caller whose scope is narrower than a township; 400 naming the parameter for
     *     an unknown {@code by}, a region code that is not a province, city, county or township, a grouping the
     *     region does not have (townships of a county or township, counties above a county), an empty or too long
     *     period; 422 for a region outside the caller's scope as well
     */
    public EventFigures figures(String region, LocalDate from, LocalDate to, String by) {
        var user = users.require();
        var visibility = scope.visibility(user);
        String prefix = visibility.prefix() == null ? "" : visibility.prefix();
        if (visibility.grids() != null
                || visibility.reporterOnly() != null
                || visibility.organizationOnly() != null
                || prefix.length() > 9) {
            // 422, as for a region outside the scope: the permission is there, the scope does not fit (403 means a
            // permission missing, which the authorization matrix checks).
            throw ProblemException.unprocessable(
                    "统计图表按乡镇（街道）及以上汇总，您的数据范围小于一个乡镇",
                    "Figures are kept per township and up; your scope covers less than a township",
                    List.of(new FieldProblem("region", "scope-too-narrow", "数据范围小于一个乡镇", "scope below a township")));
        }
        var errors = new ArrayList<FieldProblem>();
        String code = region == null || region.isBlank() ? prefix : region.strip();
        if (!code.chars().allMatch(Character::isDigit) || !REGION_LENGTHS.contains(code.length())) {
            errors.add(new FieldProblem(
                    "region",
                    "invalid",
                    "区划代码须为省、市、县（区）或乡镇（街道）代码（2、4、6 或 9 位数字）",
                    "region must be a province, city, county or township code (2, 4, 6 or 9 digits)"));
        }
        RollupRepository.By grouping = null;
        if (by == null || !BYS.contains(by)) {
            errors.add(new FieldProblem(
                    "by",
                    by == null ? "required" : "unknown-value",
                    "by 须为 " + String.join("、", BYS) + " 之一",
                    "by must be one of " + String.join(", ", BYS)));
        } else {
            grouping = RollupRepository.By.valueOf(by.toUpperCase(Locale.ROOT));
        }
        if (grouping == RollupRepository.By.TOWNSHIP && errors.isEmpty() && code.length() < 6) {
            errors.add(new FieldProblem(
                    "by", "region-level", "按乡镇统计须选一个县（区）或乡镇", "by township needs a county or township region"));
        }
        if (grouping == RollupRepository.By.COUNTY && errors.isEmpty() && code.length() >= 6) {
            errors.add(new FieldProblem(
                    "by", "region-level", "按县（区）统计须选县以上区划", "by county needs a region above a county"));
        }
        var today = periods.today().day();
        var first = from == null ? today.withDayOfMonth(1) : from;
        var end = to == null ? today.plusDays(1) : to;
        long days = ChronoUnit.DAYS.between(first, end);
        if (days <= 0) {
            errors.add(new FieldProblem("to", "range", "结束日期须晚于开始日期", "to must come after from"));
        } else if (days > (grouping == RollupRepository.By.DAY ? MAX_DAYS_BY_DAY : MAX_DAYS)) {
            int max = grouping == RollupRepository.By.DAY ? MAX_DAYS_BY_DAY : MAX_DAYS;
            errors.add(new FieldProblem(
                    "to", "range", "统计期间不能超过 " + max + " 天", "the period must span at most " + max + " days"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!code.startsWith(prefix)) {
            throw ProblemException.unprocessable(
                    "所选区划不在您的管辖范围内",
                    "The region lies outside your scope",
                    List.of(new FieldProblem("region", "outside-scope", "超出管辖范围", "outside your scope")));
        }
        var groups = rollups.figures(grouping, slice(code, first, end, grouping));
        return answer(code, first, end, grouping, groups);
    }

    /** Whole months from the month rows, the days around them from the day rows; by day, days only. */
    static RollupRepository.Slice slice(String code, LocalDate from, LocalDate to, RollupRepository.By by) {
        String countyFrom = code.length() >= 6 ? code.substring(0, 6) : (code + "000000").substring(0, 6);
        String countyTo = code.length() >= 6 ? code.substring(0, 6) : (code + "999999").substring(0, 6);
        String township = code.length() == 9 ? code : null;
        var monthFrom =
                from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        var monthTo = to.withDayOfMonth(1);
        if (by == RollupRepository.By.DAY || !monthFrom.isBefore(monthTo)) {
            return new RollupRepository.Slice(countyFrom, countyTo, township, from, from, from, to, to, to);
        }
        return new RollupRepository.Slice(
                countyFrom, countyTo, township, monthFrom, monthTo, from, monthFrom, monthTo, to);
    }

    private EventFigures answer(
            String code, LocalDate from, LocalDate to, RollupRepository.By by, List<RollupRepository.Group> groups) {
        var names = names(by, groups);
        var rows = new ArrayList<EventFigures.Row>();
        long reported = 0;
        long open = 0;
        long done = 0;
        long closings = 0;
        long onTime = 0;
        for (var g : groups) {
            reported += g.reported();
            open += g.open();
            done += g.done();
            closings += g.closings();
            onTime += g.closedOnTime();
            if (g.key() == null) {
                // By status, the closings have no status of their own: they count in the total only.
                continue;
            }
            boolean withClosings = by != RollupRepository.By.STATUS;
            rows.add(new EventFigures.Row(
                    g.key(),
                    names.get(g.key()),
                    g.reported(),
                    g.open(),
                    g.done(),
                    withClosings ? g.closings() : null,
                    withClosings ? g.closedOnTime() : null,
                    withClosings ? rate(g.closedOnTime(), g.closings()) : null));
        }
        var total = new EventFigures.Row(code, null, reported, open, done, closings, onTime, rate(onTime, closings));
        return new EventFigures(code, from, to, by.name().toLowerCase(Locale.ROOT), rows, total);
    }

    private Map<String, String> names(RollupRepository.By by, List<RollupRepository.Group> groups) {
        var keys = groups.stream()
                .map(RollupRepository.Group::key)
                .filter(java.util.Objects::nonNull)
                .toList();
        return switch (by) {
            case TOWNSHIP, COUNTY -> keys.isEmpty() ? Map.of() : regions.names(keys);
            case CATEGORY -> {
                var names = new HashMap<String, String>();
                keys.forEach(
                        key -> catalog.current(key).map(CategorySnapshot::name).ifPresent(n -> names.put(key, n)));
                yield names;
            }
            case STATUS -> {
                var names = new HashMap<String, String>();
                keys.forEach(key -> names.put(key, EventStatus.valueOf(key).label()));
                yield names;
            }
            case DAY, MONTH -> Map.of();
        };
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }
}
