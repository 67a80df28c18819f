package org.gridgov.field.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.audit.AuditAction;
import org.gridgov.audit.AuditEntry;
import org.gridgov.audit.AuditLog;
import org.gridgov.audit.AuditResult;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.ProblemException;
import org.gridgov.field.DayAttendance;
import org.gridgov.field.MonthAttendance;
import org.gridgov.field.SignRecord;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.identity.StaffDirectory;
import org.gridgov.region.RegionApi;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance (考勤): a worker's day, their own or, for a supervisor, that of a worker in scope; and a month of an
 * area's workers as a matrix of days with the gaps visible. The month shows times, never points.
 */
@Service
@Transactional(readOnly = true)
class AttendanceDesk {

    private static final YearMonth EARLIEST = YearMonth.of(2000, 1);
    private static final YearMonth LATEST = YearMonth.of(2099, 12);

    private final SignRepository signs;
    private final FieldScope scope;
    private final WorkerGrids workerGrids;
    private final StaffDirectory staff;
    private final RegionApi regions;
    private final CurrentUsers users;
    private final FieldDays days;
    private final AuditLog audit;

    AttendanceDesk(
            SignRepository signs,
            FieldScope scope,
            WorkerGrids workerGrids,
            StaffDirectory staff,
            RegionApi regions,
            CurrentUsers users,
            FieldDays days,
            AuditLog audit) {
        this.signs = signs;
        this.scope = scope;
        this.workerGrids = workerGrids;
        this.staff = staff;
        this.regions = regions;
        this.users = users;
        this.days = days;
        this.audit = audit;
    }

    /** The caller's own day, today by default. */
    DayAttendance myDay(LocalDate asked) {
        var user = users.require();
        LocalDate day = day(asked);
        var grids = workerGrids.of(user);
        String county = FieldScope.countyOf(grids.isEmpty() ? user.scopeCode() : grids.getFirst());
        return attendance(user.id(), user.realName(), day, signs.ownDay(county, user.id(), day));
    }

    /** The caller's grids today, with their names, for the day's page. */
    Map<String, String> myGrids() {
        var grids = workerGrids.of(users.require());
        var names = regions.names(grids);
        var named = new LinkedHashMap<String, String>();
        grids.forEach(code -> named.put(code, names.getOrDefault(code, code)));
        return named;
    }

    /**
     * A worker's day as a supervisor sees it: only the records counting for grids in the supervisor's scope. Their
     * points are the worker's personal data, so each view of them is audited.
     */
    DayAttendance workerDay(long userId, LocalDate day) {
        var data = scope.data();
        var records = signs.day(userId, day(day), scope.county(), data.prefix(), data);
        var caller = users.require();
        if (!records.isEmpty() && caller.id() != userId) {
            audit.record(AuditEntry.builder(AuditAction.VIEW_PERSONAL, AuditResult.SUCCESS)
                    .userId(caller.id())
                    .username(caller.username())
                    .roles(caller.rolesText())
                    .organization(caller.organizationCode())
                    .object("field-day", userId + "/" + day)
                    .detail("sign-in points=" + records.size())
                    .build());
        }
        String name = staff.account(userId).map(a -> a.realName()).orElse(null);
        if (records.isEmpty()) {
            boolean inScope = workerGrids.of(userId).stream().anyMatch(scope::covers)
                    || signs.anyOf(userId, scope.county(), data.prefix(), data);
            if (!inScope) {
                throw FieldScope.noSuchWorker();
            }
        }
        return attendance(userId, name, day(day), records);
    }

    private DayAttendance attendance(long userId, String name, LocalDate day, List<SignRecord> records) {
        var names = regions.names(
                records.stream().map(SignRecord::gridCode).distinct().toList());
        return Attendance.day(
                userId,
                name,
                day,
                days.isWorkingDay(day),
                days.today(),
                records.stream().map(r -> Attendance.named(r, names)).toList());
    }

    private LocalDate day(LocalDate asked) {
        if (asked == null) {
            return days.today();
        }
        if (asked.getYear() < 2000 || asked.getYear() > 2099) {
            throw ProblemException.invalid("day", "range", "日期须在 2000 到 2099 年之间", "day must lie within 2000..2099");
        }
        return asked;
    }

    /** A worker's row before its cells: name and grids. */
    private record Worker(long userId, String name, List<String> grids) {}

    MonthAttendance month(String region, YearMonth asked, PageQuery page) {
        String area = scope.region(region);
        YearMonth month = asked == null ? YearMonth.from(days.today()) : asked;
        if (month.isBefore(EARLIEST) || month.isAfter(LATEST)) {
            throw ProblemException.invalid(
                    "month", "range", "月份须在 2000 到 2099 年之间", "month must lie within 2000..2099");
        }
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        var data = scope.data();
        String county = scope.county();

        var workers = new LinkedHashMap<Long, Worker>();
        for (var worker : staff.gridWorkersUnder(area)) {
            var grids = worker.gridCodes().stream()
                    .filter(g -> g.startsWith(area) && scope.covers(g))
                    .toList();
            if (!grids.isEmpty()) {
                workers.put(worker.id(), new Worker(worker.id(), worker.realName(), grids));
            }
        }
        for (var seen : signs.workersIn(from, to, county, area, data)) {
            workers.putIfAbsent(seen.userId(), new Worker(seen.userId(), seen.workerName(), List.of(seen.gridCode())));
        }
        var ordered = new ArrayList<>(workers.values());
        ordered.sort(Comparator.comparing((Worker w) -> w.grids().getFirst()).thenComparing(Worker::name));
        var shown = ordered.subList((int) Math.min(page.offset(), ordered.size()), (int)
                Math.min(page.offset() + page.size(), ordered.size()));

        var summaries = new HashMap<Long, Map<LocalDate, SignRepository.DaySummary>>();
        Long[] ids = shown.stream().map(Worker::userId).toArray(Long[]::new);
        for (var summary : signs.summaries(ids, from, to, county, area, data)) {
            summaries.computeIfAbsent(summary.userId(), k -> new HashMap<>()).put(summary.day(), summary);
        }
        var header = new ArrayList<MonthAttendance.Day>();
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            header.add(new MonthAttendance.Day(day, days.isWorkingDay(day)));
        }
        var gridNames = regions.names(
                shown.stream().flatMap(w -> w.grids().stream()).distinct().toList());
        LocalDate today = days.today();
        var rows = shown.stream()
                .map(worker -> row(worker, header, summaries.getOrDefault(worker.userId(), Map.of()), gridNames, today))
                .toList();
        String regionName = regions.names(List.of(area)).get(area);
        return new MonthAttendance(area, regionName, month, header, PageResult.of(rows, page, ordered.size()));
    }

    private static MonthAttendance.WorkerMonth row(
            Worker worker,
            List<MonthAttendance.Day> header,
            Map<LocalDate, SignRepository.DaySummary> byDay,
            Map<String, String> gridNames,
            LocalDate today) {
        var cells = new ArrayList<MonthAttendance.Cell>();
        int present = 0;
        int gaps = 0;
        for (var day : header) {
            var summary = byDay.get(day.day());
            var status = Attendance.status(
                    summary != null && summary.firstIn() != null,
                    summary != null && summary.anyInside(),
                    day.workingDay(),
                    day.day(),
                    today);
            switch (status) {
                case PRESENT, OUTSIDE -> present++;
                case GAP -> gaps++;
                default -> {}
            }
            cells.add(new MonthAttendance.Cell(
                    day.day(),
                    status,
                    summary == null ? null : summary.firstIn(),
                    summary == null ? null : summary.lastOut(),
                    summary == null ? null : Attendance.hours(summary.firstIn(), summary.lastOut())));
        }
        var names = worker.grids().stream()
                .map(code -> gridNames.getOrDefault(code, code))
                .toList();
        return new MonthAttendance.WorkerMonth(worker.userId(), worker.name(), names, cells, present, gaps);
    }
}
