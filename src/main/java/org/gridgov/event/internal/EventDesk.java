package org.gridgov.event.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.PersonalData;
import org.gridgov.common.PersonalDataKind;
import org.gridgov.common.ProblemException;
import org.gridgov.event.EventMoved;
import org.gridgov.event.EventStatus;
import org.gridgov.event.Move;
import org.gridgov.event.Step;
import org.gridgov.event.Urgency;
import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.identity.OrganizationDirectory;
import org.gridgov.identity.Role;
import org.gridgov.identity.ScopeKind;
import org.gridgov.region.GridSummary;
import org.gridgov.region.LocatedGrid;
import org.gridgov.region.RegionApi;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionRef;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The event desk: takes reports and makes moves for the signed-in caller — who may make which move on which event
 * (permission, scope, holding organization), deadlines of each step from the time-limit rules and the working
 * calendar, the history row and the published {@link EventMoved} of every move.
 */
@Service
@Transactional
public class EventDesk {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final EventRepository events;
    private final EventCatalog catalog;
    private final WorkingCalendar calendar;
    private final RegionApi regions;
    private final OrganizationDirectory organizations;
    private final CurrentUsers users;
    private final EventScope scope;
    private final SkipLevelRepository skipLevels;
    private final PersonalData personalData;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final double duplicateRadiusMetres;
    private final Duration duplicateWindow;

    EventDesk(
            EventRepository events,
            EventCatalog catalog,
            WorkingCalendar calendar,
            RegionApi regions,
            OrganizationDirectory organizations,
            CurrentUsers users,
            EventScope scope,
            SkipLevelRepository skipLevels,
            PersonalData personalData,
            ApplicationEventPublisher publisher,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${gridgov.event.duplicate-radius:200}")
                    double duplicateRadiusMetres,
            @org.springframework.beans.factory.annotation.Value("${gridgov.event.duplicate-window:7d}")
                    Duration duplicateWindow) {
        this.events = events;
        this.catalog = catalog;
        this.calendar = calendar;
        this.regions = regions;
        this.organizations = organizations;
        this.users = users;
        this.scope = scope;
        this.skipLevels = skipLevels;
        this.personalData = personalData;
        this.publisher = publisher;
        this.clock = clock;
        this.duplicateRadiusMetres = duplicateRadiusMetres;
        this.duplicateWindow = duplicateWindow;
    }

    /**
     * A report. {@code requestId}, when given, makes it idempotent: a client that resends after losing signal gets
     * the event it created the first time.
     */
    public record ReportCommand(
            String requestId,
            String title,
            String description,
            String categoryCode,
            Urgency urgency,
            Double lon,
            Double lat,
            String address,
            String gridCode,
            String source,
            Integer involvedCount,
            String reporterName,
            String reporterPhone) {}

    /** What a report answered: the event, and whether it was created now or found from an earlier send. */
    public record Reported(EventView event, boolean created) {}

    public Reported report(ReportCommand command) {
        var user = users.require();
        if (command.requestId() != null && !command.requestId().isBlank()) {
            var earlier = events.findByRequestId(command.requestId());
            if (earlier.isPresent()) {
                var e = earlier.get();
                if (!java.util.Objects.equals(e.reporterUserId, user.id())) {
                    throw ProblemException.conflict(
                            "请求号已被使用", "requestId " + command.requestId() + " was used by another report");
                }
                return new Reported(view(e, user), false);
            }
        }
        var errors = new ArrayList<FieldProblem>();
        if (command.title() == null
                || command.title().isBlank()
                || command.title().length() > 200) {
            errors.add(new FieldProblem("title", "required", "标题必填，不超过 200 字", "title is required, at most 200"));
        }
        var category = command.categoryCode() == null
                ? null
                : catalog.current(command.categoryCode()).orElse(null);
        if (category == null) {
            errors.add(new FieldProblem("categoryCode", "unknown", "事件类别不存在", "unknown categoryCode"));
        }
        if (command.lon() == null || command.lon() < -180 || command.lon() > 180) {
            errors.add(new FieldProblem("lon", "range", "经度必填且在 -180 到 180 之间", "lon is required, -180..180"));
        }
        if (command.lat() == null || command.lat() < -90 || command.lat() > 90) {
            errors.add(new FieldProblem("lat", "range", "纬度必填且在 -90 到 90 之间", "lat is required, -90..90"));
        }
        if (command.involvedCount() != null && command.involvedCount() < 0) {
            errors.add(new FieldProblem("involvedCount", "range", "涉及人数不能为负", "involvedCount cannot be negative"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        GridSummary grid = command.gridCode() != null
                ? regions.currentGrid(command.gridCode())
                        .orElseThrow(() -> ProblemException.invalid(
                                "gridCode", "unknown", "网格不存在", "unknown gridCode " + command.gridCode()))
                : regions.locate(command.lon(), command.lat())
                        .map(LocatedGrid::grid)
                        .orElseThrow(EventDesk::outsideGrids);
        requireInScope(grid);
        var urgency = command.urgency() == null ? Urgency.NORMAL : command.urgency();
        // 越级上报: some categories and urgencies go straight to a higher center, with copies.
        var skip = skipLevels.rule(category.code(), category.majorCode(), urgency.name());
        var holder = skip.flatMap(
                        rule -> organizations.centerAt(grid.code(), "COUNTY".equals(rule.targetLevel()) ? 6 : 9))
                .or(() -> organizations.lowestCenterCovering(grid.code()))
                .orElseThrow(
                        () -> ProblemException.unprocessable("该区域没有受理中心", "No center covers this area", List.of()));
        var now = clock.instant();
        var e = new Event();
        String county = grid.code().substring(0, 6);
        int year = now.atZone(CHINA).getYear();
        e.serialNumber = String.format("%s-%d-%06d", county, year, events.nextSerial(county, year));
        e.requestId = command.requestId() == null || command.requestId().isBlank() ? null : command.requestId();
        e.title = command.title().trim();
        e.description = command.description();
        e.categoryCode = category.code();
        e.categoryName = category.name();
        e.majorCode = category.majorCode();
        e.majorName = category.majorName();
        e.catalogVersion = category.versionId();
        e.urgency = urgency;
        e.lon = command.lon();
        e.lat = command.lat();
        e.address = command.address();
        e.gridCode = grid.code();
        e.gridVersionId = grid.versionId();
        e.source = command.source() != null ? command.source() : defaultSource(user);
        e.reporterUserId = user.id();
        e.reporterName = command.reporterName() != null ? command.reporterName() : user.realName();
        if (command.reporterPhone() != null && !command.reporterPhone().isBlank()) {
            var sealed = personalData.seal(PersonalDataKind.PHONE, command.reporterPhone());
            e.reporterPhone = sealed.ciphertext();
            e.reporterPhoneHash = sealed.lookupHash();
        }
        e.involvedCount = command.involvedCount() == null ? 0 : command.involvedCount();
        e.status = EventStatus.REPORTED;
        e.holderOrg = holder.code();
        e.step = Step.ACCEPT;
        e.stepStartedAt = now;
        e.deadlineAt = deadline(e, Step.ACCEPT, now);
        e.reportedAt = now;
        e.id = events.insert(e);
        String note = null;
        if (skip.isPresent()) {
            for (var copy : skip.get().copyOrgs()) {
                skipLevels.copy(e.id, copy, now);
            }
            note = "越级上报 skip-level"
                    + (skip.get().copyOrgs().isEmpty()
                            ? ""
                            : "，抄送 " + skip.get().copyOrgs());
        }
        var t = new Event.Transition(Move.REPORT, null, EventStatus.REPORTED, null, e.holderOrg, note, Step.ACCEPT);
        record(e, t, user, now);
        return new Reported(view(e, user), true);
    }

    /**
     * Where a report at a point would be filed: the grid containing it, with the grid's village and township (null
     * when the tree has no such level above the grid).
     */
    public record ReportLocation(double lon, double lat, RegionRef grid, RegionRef village, RegionRef township) {}

    /**
     * The grid a report at the point would be filed under, for the report form: only this grid and its ancestors'
     * names, so that reporters who may not read the region tree still see where their report goes.
     *
     * @throws ProblemException 400 for coordinates out of range, 422 when no grid in the caller's scope contains
     *     the point, as {@link #report} answers
     */
    public ReportLocation locate(double lon, double lat) {
        var located = regions.locate(lon, lat).orElseThrow(EventDesk::outsideGrids);
        requireInScope(located.grid());
        var grid = located.grid();
        return new ReportLocation(
                lon,
                lat,
                new RegionRef(grid.code(), grid.name(), grid.level()),
                ancestor(located, RegionLevel.VILLAGE),
                ancestor(located, RegionLevel.TOWNSHIP));
    }

    /** What a move carries: the version the caller saw, a note (reason or result), and move-specific values. */
    public record MoveCommand(
            Integer version, String note, String assignee, Integer satisfaction, String supervision) {}

    public EventView move(long id, Move move, MoveCommand command) {
        var user = users.require();
        var e = load(id, user);
        if (!user.can(move.permission())) {
            throw ProblemException.forbidden("没有执行该操作的权限", "You lack the permission for " + move);
        }
        if (!mayAct(e, move, user)) {
            throw ProblemException.forbidden("该事件不由您所在单位办理", "The event is not held by your organization for " + move);
        }
        if (command.version() == null) {
            throw ProblemException.invalid("version", "required", "须提供版本号", "version is required");
        }
        if (command.version() != e.version) {
            throw staleVersion();
        }
        var now = clock.instant();
        var t = switch (move) {
            case ACCEPT -> e.accept();
            case REJECT -> e.reject(command.note());
            case RESOLVE -> e.resolveOnTheSpot(command.note(), user.organizationCode());
            case ESCALATE -> {
                var parent = organizations
                        .parentCenter(e.holderOrg)
                        .orElseThrow(() -> ProblemException.unprocessable(
                                "已是最高一级，不能再上报", "This is the top level; nowhere to escalate", List.of()));
                yield e.escalate(command.note(), parent.code());
            }
            case DISPATCH -> e.dispatch(command.note(), dispatchTarget(e, command.assignee()));
            case CLAIM -> e.claim();
            case RETURN -> e.returnToDispatcher(command.note());
            case FEEDBACK -> e.feedback(command.note());
            case VERIFY_PASS -> e.verifyPass(command.note(), now);
            case VERIFY_FAIL -> e.verifyFail(command.note());
            case SUSPEND -> e.suspend(command.note());
            case RESUME -> e.resume();
            case REOPEN -> e.reopen(command.note());
            case RATE -> {
                if (command.satisfaction() == null) {
                    throw ProblemException.invalid("satisfaction", "required", "须给出满意度", "satisfaction is required");
                }
                yield e.rate(command.satisfaction(), command.note());
            }
            case ARCHIVE -> e.archive();
            case SUPERVISE ->
                e.supervise(command.supervision() == null ? "NORMAL" : command.supervision(), command.note());
            case REPORT, MERGE ->
                throw ProblemException.invalid("move", "unknown", "此操作有专门的接口", "this move has its own endpoint");
        };
        // Supervising and rating leave the running step alone; every other move starts the next step's clock.
        if (move != Move.SUPERVISE && move != Move.RATE) {
            e.stepStartedAt = t.step() == null ? null : now;
            e.deadlineAt = t.step() == null ? null : deadline(e, t.step(), now);
        }
        if (!events.update(e, command.version())) {
            throw staleVersion();
        }
        e.version++;
        record(e, t, user, now);
        return view(e, user);
    }

    /**
     * Open events of the same category within {@code gridgov.event.duplicate-radius} metres and
     * {@code gridgov.event.duplicate-window} of a point: likely the same problem, shown to the reporter and the
     * operator before a new case is made; only those the caller may see (residents, say, only their own).
     */
    public List<EventView> duplicates(String categoryCode, double lon, double lat, Long excludeId) {
        var user = users.require();
        if (categoryCode == null || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw ProblemException.invalid(
                    "categoryCode", "required", "须给出类别和有效坐标", "categoryCode and valid lon/lat are required");
        }
        var nearby = events.nearby(
                scope.visibility(user),
                categoryCode,
                lon,
                lat,
                duplicateRadiusMetres,
                clock.instant().minus(duplicateWindow),
                excludeId == null ? -1 : excludeId,
                20);
        return views(nearby, user);
    }

    /** Merges a duplicate into its original: the duplicate ends as MERGE (不予受理), its reporter is kept. */
    public EventView merge(long duplicateId, long originalId, MoveCommand command) {
        var user = users.require();
        var duplicate = load(duplicateId, user);
        var original = load(originalId, user);
        if (duplicateId == originalId || !original.status.isOpen() && original.status != EventStatus.CLOSED) {
            throw ProblemException.invalid(
                    "originalId", "invalid", "须并入另一个未归档的事件", "merge into another event that is not archived");
        }
        if (!user.can(Move.MERGE.permission()) || !mayAct(duplicate, Move.MERGE, user)) {
            throw ProblemException.forbidden("该事件不由您所在单位办理", "The event is not held by your organization");
        }
        if (command.version() == null || command.version() != duplicate.version) {
            throw staleVersion();
        }
        var now = clock.instant();
        var t = duplicate.mergeInto(original.serialNumber);
        duplicate.stepStartedAt = null;
        duplicate.deadlineAt = null;
        if (!events.update(duplicate, command.version())) {
            throw staleVersion();
        }
        duplicate.version++;
        events.recordMerge(duplicateId, originalId, now, user.id());
        record(duplicate, t, user, now);
        return view(original, user);
    }

    public List<String> mergedReporters(long id) {
        var user = users.require();
        return events.mergedReporters(load(id, user).id);
    }

    public EventView get(long id) {
        var user = users.require();
        return view(load(id, user), user);
    }

    public PageResult<EventRepository.HistoryRow> history(long id, PageQuery page) {
        var user = users.require();
        var e = load(id, user);
        var rows = events.history(e.id, page);
        var codes = new HashSet<String>();
        for (var row : rows) {
            codes.add(row.fromHolder());
            codes.add(row.toHolder());
            codes.add(row.actorOrg());
        }
        var names = organizations.names(codes);
        return PageResult.of(rows.stream().map(row -> row.named(names)).toList(), page, events.countHistory(e.id));
    }

    /**
     * An organization the holder of an event may dispatch it to, {@code suggested} when the responsibility list
     * names it for the event's category.
     */
    public record DispatchTarget(String code, String name, String kind, String regionCode, boolean suggested) {}

    /**
     * Where the caller may dispatch an event (see {@link OrganizationDirectory#dispatchTargets}), those the
     * responsibility list names for its category first.
     *
     * @param name a fragment of the name or the start of the code; null or blank for all
     */
    public PageResult<DispatchTarget> dispatchTargets(long id, String name, PageQuery page) {
        var user = users.require();
        var e = load(id, user);
        String fragment = name == null || name.isBlank() ? null : name.strip();
        if (fragment != null && fragment.length() > 50) {
            throw ProblemException.invalid("name", "length", "名称关键字不能超过 50 个字", "name must have at most 50 characters");
        }
        var responsible = catalog.responsibleOrganizations(e.categoryCode, null);
        return organizations
                .dispatchTargets(e.holderOrg, fragment, responsible, page)
                .map(o -> new DispatchTarget(
                        o.code(), o.name(), o.kind(), o.regionCode(), responsible.contains(o.code())));
    }

    /** A work list: box todo, reported, overdue, supervised, done, visit (closed, awaiting the return visit), or everything in scope when null. */
    public record ListQuery(
            String box,
            String status,
            String category,
            String urgency,
            Instant from,
            Instant to,
            String region,
            String serialNumber) {}

    public PageResult<EventView> list(ListQuery q, PageQuery page) {
        var user = users.require();
        var filter = new EventRepository.Filter(
                scope.visibility(user),
                q.box(),
                // A grid worker's to-do is what waits in their grids for them, not everything their center holds.
                user.scopeKind() == ScopeKind.GRIDS ? null : user.organizationCode(),
                user.gridCodes(),
                user.id(),
                q.status(),
                q.category(),
                q.urgency(),
                q.from(),
                q.to(),
                q.region(),
                q.serialNumber());
        var now = clock.instant();
        return PageResult.of(views(events.list(filter, now, page), user), page, events.count(filter, now));
    }

    private Event load(long id, CurrentUser user) {
        return scope.visible(id, user);
    }

    /** Who may make a move on this event, beyond holding the permission. */
    private boolean mayAct(Event e, Move move, CurrentUser user) {
        boolean holds = e.holderOrg.equals(user.organizationCode());
        return switch (move) {
            case RESOLVE -> java.util.Objects.equals(e.reporterUserId, user.id());
            case VERIFY_PASS, VERIFY_FAIL -> holds || user.gridCodes().contains(e.gridCode);
            case RATE ->
                e.satisfaction == null
                        && (java.util.Objects.equals(e.reporterUserId, user.id())
                                || user.can(Move.ACCEPT.permission()));
            case SUPERVISE -> !holds;
            default -> holds;
        };
    }

    private List<Move> allowedMoves(Event e, CurrentUser user) {
        var allowed = new ArrayList<Move>();
        for (var move : Move.values()) {
            if (move != Move.REPORT
                    && move != Move.MERGE
                    && e.status.allows(move)
                    && user.can(move.permission())
                    && mayAct(e, move, user)) {
                allowed.add(move);
            }
        }
        return allowed;
    }

    private java.time.Instant deadline(Event e, Step step, Instant from) {
        var limit = catalog.limit(e.categoryCode, e.urgency, null, step);
        return calendar.deadline(from, limit.amount(), limit.unit());
    }

    /** GREEN, YELLOW once 80 % of the step's time is used, RED when overdue. */
    private String card(Event e, Instant now) {
        if (e.deadlineAt == null || e.stepStartedAt == null || !e.status.isOpen() || e.step == null) {
            return null;
        }
        if (now.isAfter(e.deadlineAt)) {
            return "RED";
        }
        var unit = catalog.limit(e.categoryCode, e.urgency, null, e.step).unit();
        Duration total = calendar.workingTimeBetween(e.stepStartedAt, e.deadlineAt, unit);
        Duration used = calendar.workingTimeBetween(e.stepStartedAt, now, unit);
        return !total.isZero() && used.toMillis() * 10 >= total.toMillis() * 8 ? "YELLOW" : "GREEN";
    }

    private void record(Event e, Event.Transition t, CurrentUser user, Instant now) {
        events.appendHistory(e.id, t, EventRepository.Actor.of(user), e.deadlineAt, now);
        publisher.publishEvent(new EventMoved(
                e.id, e.serialNumber, e.gridCode, t.move(), t.from(), t.to(), t.fromHolder(), t.toHolder(), now));
    }

    /**
     * The organization a dispatch goes to, which must be one the holder may dispatch to.
     *
     * @throws ProblemException 400 when there is none, it does not exist or it is not a dispatch target
     */
    private String dispatchTarget(Event e, String assignee) {
        String code = assignee == null ? "" : assignee.strip();
        if (code.isEmpty()) {
            throw ProblemException.invalid("assignee", "required", "须指定承办单位", "assignee is required");
        }
        if (organizations.find(code).isEmpty()) {
            throw ProblemException.invalid("assignee", "unknown", "承办单位 " + code + " 不存在", "No organization " + code);
        }
        if (!organizations.isDispatchTarget(e.holderOrg, code)) {
            throw ProblemException.invalid(
                    "assignee",
                    "not-a-target",
                    "只能派遣给管辖范围内或本县（市、区）的职能部门，或下级中心、站所",
                    "Dispatch only to a department in your scope or of the county, or to a lower-level center");
        }
        return code;
    }

    private void requireInScope(GridSummary grid) {
        if (!grid.code().startsWith(scope.prefix())) {
            throw ProblemException.unprocessable(
                    "事发位置不在您的管辖范围内",
                    "The location lies outside your scope",
                    List.of(new FieldProblem("lon", "outside-scope", "超出管辖范围", "outside your scope")));
        }
    }

    private static ProblemException outsideGrids() {
        return ProblemException.unprocessable(
                "事发位置不在任何网格内",
                "The location lies in no grid",
                List.of(new FieldProblem("lon", "outside-grids", "位置不在任何网格内", "no grid here")));
    }

    private static RegionRef ancestor(LocatedGrid located, RegionLevel level) {
        return located.path().stream()
                .filter(ref -> ref.level() == level)
                .findFirst()
                .orElse(null);
    }

    private EventView view(Event e, CurrentUser user) {
        return views(List.of(e), user).getFirst();
    }

    /** Views of events, the names of their organizations looked up at once. */
    private List<EventView> views(List<Event> found, CurrentUser user) {
        var codes = new HashSet<String>();
        for (var e : found) {
            codes.add(e.holderOrg);
            codes.add(e.dispatcherOrg);
            codes.add(e.handlerOrg);
        }
        var names = organizations.names(codes);
        return found.stream().map(e -> view(e, user, names)).toList();
    }

    private EventView view(Event e, CurrentUser user, Map<String, String> names) {
        String phone = personalData.masked(PersonalDataKind.PHONE, e.reporterPhone);
        return new EventView(
                e.id,
                e.serialNumber,
                e.title,
                e.description,
                e.categoryCode,
                e.categoryName,
                e.majorCode,
                e.majorName,
                e.urgency,
                e.lon,
                e.lat,
                e.address,
                e.gridCode,
                e.gridVersionId,
                e.source,
                e.reporterName,
                phone,
                e.involvedCount,
                e.status,
                e.status.label(),
                e.holderOrg,
                names.get(e.holderOrg),
                e.dispatcherOrg,
                names.get(e.dispatcherOrg),
                e.handlerOrg,
                names.get(e.handlerOrg),
                e.step,
                e.deadlineAt,
                card(e, clock.instant()),
                e.supervision,
                e.satisfaction,
                e.result,
                e.version,
                e.reportedAt,
                e.closedAt,
                allowedMoves(e, user));
    }

    private static String defaultSource(CurrentUser user) {
        if (user.roles().contains(Role.RESIDENT)) {
            return "RESIDENT_WEB";
        }
        if (user.roles().contains(Role.GRID_WORKER)
                || user.roles().contains(Role.GRID_LEADER)
                || user.roles().contains(Role.GRID_ASSISTANT)) {
            return "GRID_WORKER";
        }
        return "API";
    }

    private static ProblemException staleVersion() {
        return ProblemException.conflict("事件已被他人处理，请刷新后重试", "The event changed meanwhile; reload and retry");
    }
}
