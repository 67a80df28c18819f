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
import org.gridgov.common.RequestIds;
import org.gridgov.event.EventMoved;
import org.gridgov.event.EventReported;
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

    /** The lengths the event table allows. */
    static final int MAX_TITLE = 200;

    static final int MAX_ADDRESS = 300;
    static final int MAX_NAME = 50;

    /** Where reports come from: the channels the console names (eventSource). */
    static final List<String> SOURCES = List.of("GRID_WORKER", "RESIDENT_WEB", "HOTLINE", "API");

    /** The work lists of {@link #list}. */
    static final List<String> BOXES =
            List.of("todo", "reported", "overdue", "supervised", "done", "copied", "visit", "delay", "returned");

    /** The deadline cards a list may be narrowed to. */
    static final List<String> CARDS = List.of("YELLOW", "RED");

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
    private final CalendarPeriods periods;
    private final EventRollups rollups;
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
            CalendarPeriods periods,
            EventRollups rollups,
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
        this.periods = periods;
        this.rollups = rollups;
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
        String requestId = RequestIds.checked(command.requestId());
        if (requestId != null) {
            var earlier = events.findByRequestId(requestId);
            if (earlier.isPresent()) {
                return resent(earlier.get(), user);
            }
        }
        var errors = new ArrayList<FieldProblem>();
        String title = command.title() == null ? "" : command.title().strip();
        if (title.isEmpty()) {
            errors.add(new FieldProblem("title", "required", "标题必填", "title is required"));
        } else if (title.length() > MAX_TITLE) {
            errors.add(tooLong("title", "标题", MAX_TITLE));
        }
        var category = command.categoryCode() == null
                ? null
                : catalog.current(command.categoryCode()).orElse(null);
        if (category == null) {
            errors.add(new FieldProblem("categoryCode", "unknown", "事件类别不存在", "unknown categoryCode"));
        }
        String gridCode = blankToNull(command.gridCode());
        boolean hasPoint = command.lon() != null || command.lat() != null;
        if (!hasPoint && gridCode == null) {
            errors.add(new FieldProblem(
                    "lon", "required", "须给出事发位置（经纬度）或所在网格", "give the location (lon, lat) or the gridCode"));
        }
        if (hasPoint && (command.lon() == null || command.lon() < -180 || command.lon() > 180)) {
            errors.add(new FieldProblem("lon", "range", "经度必填且在 -180 到 180 之间", "lon is required, -180..180"));
        }
        if (hasPoint && (command.lat() == null || command.lat() < -90 || command.lat() > 90)) {
            errors.add(new FieldProblem("lat", "range", "纬度必填且在 -90 到 90 之间", "lat is required, -90..90"));
        }
        if (command.involvedCount() != null && command.involvedCount() < 0) {
            errors.add(new FieldProblem("involvedCount", "range", "涉及人数不能为负", "involvedCount cannot be negative"));
        }
        if (command.address() != null && command.address().length() > MAX_ADDRESS) {
            errors.add(tooLong("address", "地址", MAX_ADDRESS));
        }
        if (command.reporterName() != null && command.reporterName().length() > MAX_NAME) {
            errors.add(tooLong("reporterName", "上报人姓名", MAX_NAME));
        }
        if (command.source() != null && !SOURCES.contains(command.source())) {
            errors.add(new FieldProblem(
                    "source",
                    "unknown-value",
                    "来源须为 " + String.join("、", SOURCES),
                    "source must be one of " + String.join(", ", SOURCES)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        GridSummary grid = reportedGrid(command, gridCode, hasPoint);
        requireReportable(grid, user, gridCode != null ? "gridCode" : "lon");
        var urgency = command.urgency() == null ? Urgency.NORMAL : command.urgency();
        // 越级上报: some categories and urgencies go straight to a higher center, with copies.
        var skip = skipLevels.rule(category.code(), category.majorCode(), urgency.name());
        var holder = skip.flatMap(
                        rule -> organizations.centerAt(grid.code(), "COUNTY".equals(rule.targetLevel()) ? 6 : 9))
                .or(() -> organizations.lowestCenterCovering(grid.code()))
                .orElseThrow(
                        () -> ProblemException.unprocessable("该区域没有受理中心", "No center covers this area", List.of()));
        var now = now();
        var e = new Event();
        String county = grid.code().substring(0, 6);
        int year = now.atZone(CHINA).getYear();
        e.serialNumber = String.format("%s-%d-%06d", county, year, events.nextSerial(county, year));
        e.requestId = requestId;
        e.title = title;
        e.description = command.description();
        e.categoryCode = category.code();
        e.categoryName = category.name();
        e.majorCode = category.majorCode();
        e.majorName = category.majorName();
        e.catalogVersion = category.versionId();
        e.urgency = urgency;
        e.lon = hasPoint ? command.lon() : null;
        e.lat = hasPoint ? command.lat() : null;
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
        var inserted = events.insert(e);
        if (inserted.isEmpty()) {
            // Another send of the same report went in while this one was being checked: answer its event.
            return resent(
                    events.findByRequestId(requestId)
                            .orElseThrow(() -> new IllegalStateException("request id " + requestId + " vanished")),
                    user);
        }
        e.id = inserted.get();
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
        publisher.publishEvent(
                new EventReported(e.id, e.serialNumber, e.title, e.gridCode, e.reporterUserId, e.reportedAt));
        return new Reported(view(e, user), true);
    }

    /** The event an earlier send of the same request created, for its reporter; 409 for anyone else. */
    private Reported resent(Event earlier, CurrentUser user) {
        if (!java.util.Objects.equals(earlier.reporterUserId, user.id())) {
            throw ProblemException.conflict(
                    "请求号已被使用", "requestId " + earlier.requestId + " was used by another report");
        }
        return new Reported(view(earlier, user), false);
    }

    /**
     * The grid of a report: the one containing its point, which a {@code gridCode} sent along must name (or contain);
     * for a report without a point, the grid named.
     */
    private GridSummary reportedGrid(ReportCommand command, String gridCode, boolean hasPoint) {
        var named = gridCode == null
                ? null
                : regions.currentGrid(gridCode)
                        .orElseThrow(() -> ProblemException.invalid(
                                "gridCode", "unknown", "网格不存在", "unknown gridCode " + gridCode));
        if (!hasPoint) {
            return named;
        }
        var located = regions.locate(command.lon(), command.lat())
                .map(LocatedGrid::grid)
                .orElseThrow(EventDesk::outsideGrids);
        if (named != null && !located.code().startsWith(named.code())) {
            throw ProblemException.unprocessable(
                    "所填网格与事发位置不符",
                    "The gridCode does not contain the location",
                    List.of(new FieldProblem(
                            "gridCode",
                            "mismatch",
                            "事发位置在" + located.name() + "（" + located.code() + "），不在所填网格内",
                            "the location lies in grid " + located.code() + ", not in " + gridCode)));
        }
        return located;
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
        requireReportable(located.grid(), users.require(), "lon");
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

    /**
     * Makes a move. Refusals come in this order: 403 without the move's permission; 400 without the version; 409
     * when the version is stale (the caller saw an older event: reload first); 409 {@code move-not-allowed} when the
     * move does not fit where the event stands, whoever asks (its status, or a closing rated already); 403 when the
     * event is not the caller's to move (not held by their organization, not their report, their own handling to
     * verify); 422 when there is nowhere to escalate.
     */
    public EventView move(long id, Move move, MoveCommand command) {
        var user = users.require();
        var e = load(id, user);
        if (!user.can(move.permission())) {
            throw ProblemException.forbidden("没有执行该操作的权限", "You lack the permission for " + move);
        }
        if (move == Move.REPORT || move == Move.MERGE) {
            throw ProblemException.invalid("move", "unknown", "此操作有专门的接口", "this move has its own endpoint");
        }
        if (command.version() == null) {
            throw ProblemException.invalid("version", "required", "须提供版本号", "version is required");
        }
        if (command.version() != e.version) {
            throw staleVersion();
        }
        requireState(e, move);
        var refusal = refusal(e, move, user);
        if (refusal != null) {
            throw refusal;
        }
        var now = now();
        var t = switch (move) {
            case ACCEPT -> e.accept();
            case REJECT -> e.reject(command.note());
            case RESOLVE -> e.resolveOnTheSpot(command.note(), user.organizationCode(), user.id());
            case ESCALATE -> {
                var parent = organizations.parentCenter(e.holderOrg).orElseThrow(EventDesk::topLevel);
                yield e.escalate(command.note(), parent.code());
            }
            case DISPATCH -> e.dispatch(command.note(), dispatchTarget(e, command.assignee()));
            case CLAIM -> e.claim();
            case RETURN -> e.returnToDispatcher(command.note());
            case FEEDBACK -> e.feedback(command.note(), user.id());
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
            case SUPERVISE -> e.supervise(supervisionLevel(command.supervision()), command.note(), holds(e, user));
            case REPORT, MERGE -> throw new IllegalStateException("refused above");
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

    /** The supervision levels, 一般 / 黄牌 / 红牌 督办. */
    static final List<String> SUPERVISION_LEVELS = List.of("NORMAL", "YELLOW", "RED");

    private static String supervisionLevel(String level) {
        if (level == null) {
            return "NORMAL";
        }
        if (!SUPERVISION_LEVELS.contains(level)) {
            throw ProblemException.invalid(
                    "supervision",
                    "unknown-value",
                    "督办级别须为 NORMAL（一般）、YELLOW（黄牌）或 RED（红牌）",
                    "supervision must be NORMAL, YELLOW or RED");
        }
        return level;
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
        requireState(duplicate, Move.MERGE);
        if (!user.can(Move.MERGE.permission()) || !holds(duplicate, user)) {
            throw ProblemException.forbidden("该事件不由您所在单位办理", "The event is not held by your organization");
        }
        if (command.version() == null || command.version() != duplicate.version) {
            throw staleVersion();
        }
        var now = now();
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

    /**
     * A work list: box todo, reported, overdue, supervised, done, copied, visit (closed, awaiting the return visit),
     * delay (a delay request waiting for the caller's organization to decide), returned (returned or reworked this
     * month, by or to the caller's organization), or everything in scope when null; status, urgency, category, source
     * (the channel of the report), card (YELLOW or RED on the running step), open (not yet closed) and supervised
     * (督办件: put under supervision at some time) narrow it.
     */
    public record EventListQuery(
            String box,
            String status,
            String category,
            String urgency,
            Instant from,
            Instant to,
            String region,
            String serialNumber,
            String source,
            String card,
            boolean open,
            boolean supervised) {}

    /**
     * One page of a work list.
     *
     * @throws ProblemException 400 naming the filter for a box, status, urgency or category that does not exist
     */
    public PageResult<EventView> list(EventListQuery q, PageQuery page) {
        var user = users.require();
        var errors = new ArrayList<FieldProblem>();
        if (q.box() != null && !BOXES.contains(q.box())) {
            errors.add(unknownValue("box", BOXES));
        }
        if (q.status() != null && !isConstant(EventStatus.class, q.status())) {
            errors.add(unknownValue(
                    "status",
                    java.util.Arrays.stream(EventStatus.values())
                            .map(Enum::name)
                            .toList()));
        }
        if (q.urgency() != null && !isConstant(Urgency.class, q.urgency())) {
            errors.add(unknownValue(
                    "urgency",
                    java.util.Arrays.stream(Urgency.values()).map(Enum::name).toList()));
        }
        if (q.category() != null && catalog.current(q.category()).isEmpty()) {
            errors.add(new FieldProblem("category", "unknown-value", "事件类别不存在", "unknown category " + q.category()));
        }
        if (q.source() != null && !SOURCES.contains(q.source())) {
            errors.add(unknownValue("source", SOURCES));
        }
        if (q.card() != null && !CARDS.contains(q.card())) {
            errors.add(unknownValue("card", CARDS));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        var filter = scope.filter(q, user, periods.thisMonth().from());
        var now = now();
        return PageResult.of(views(events.list(filter, now, page), user), page, events.count(filter, now));
    }

    private Event load(long id, CurrentUser user) {
        return scope.visible(id, user);
    }

    private static boolean holds(Event e, CurrentUser user) {
        return e.holderOrg.equals(user.organizationCode());
    }

    /** Whether the move fits where the event stands, whoever asks: its status, and a closing not rated yet. */
    private static boolean stateAllows(Event e, Move move) {
        return e.status.allows(move) && (move != Move.RATE || e.awaitsRating());
    }

    /** 409 move-not-allowed when the move does not fit where the event stands. */
    private static void requireState(Event e, Move move) {
        if (!e.status.allows(move)) {
            throw e.notAllowed(
                    move,
                    "事件当前状态为" + e.status.label() + "，不能执行该操作",
                    "The event is " + e.status + "; " + move + " is not allowed now");
        }
        if (!stateAllows(e, move)) {
            throw e.notAllowed(move, "该次结案已回访评价，不能重复评价", "This closing has been rated already");
        }
    }

    /**
     * Why the caller may not make a move the event's state allows, beyond the permission: the 403 to answer, or null
     * when they may.
     */
    private static ProblemException refusal(Event e, Move move, CurrentUser user) {
        boolean holds = holds(e, user);
        boolean allowed = switch (move) {
            case RESOLVE -> java.util.Objects.equals(e.reporterUserId, user.id());
            case VERIFY_PASS, VERIFY_FAIL -> holds || covers(user.gridCodes(), e.gridCode);
            case RATE -> java.util.Objects.equals(e.reporterUserId, user.id()) || user.can(Move.ACCEPT.permission());
            // 督办 by anyone in scope who holds the permission, the holder's own leaders included (本单位督办).
            case SUPERVISE -> true;
            default -> holds;
        };
        if (!allowed) {
            return move == Move.RESOLVE
                    ? ProblemException.forbidden("只有上报人可以就地处置", "Only the reporter may resolve the event on the spot")
                    : ProblemException.forbidden(
                            "该事件不由您所在单位办理", "The event is not held by your organization for " + move);
        }
        if ((move == Move.VERIFY_PASS || move == Move.VERIFY_FAIL)
                && e.handledBy != null
                && e.handledBy.equals(user.id())) {
            String detail = "处置人不能核查自己处置的结果，须由核查单位的其他人员核查";
            String detailEn = "You handled this event; someone else of the verifying organization verifies it";
            return new ProblemException(
                    org.springframework.http.HttpStatus.FORBIDDEN,
                    "forbidden",
                    detail,
                    detailEn,
                    List.of(new FieldProblem("verifier", "self-verification", detail, detailEn)));
        }
        return null;
    }

    /**
     * The moves this caller can make now with success: the permission, the state, the caller's part, and for
     * ESCALATE a center above the holder. {@code hasParent} remembers the last per holder across one page of events.
     */
    private List<Move> allowedMoves(Event e, CurrentUser user, Map<String, Boolean> hasParent) {
        var allowed = new ArrayList<Move>();
        for (var move : Move.values()) {
            if (move != Move.REPORT
                    && move != Move.MERGE
                    && user.can(move.permission())
                    && stateAllows(e, move)
                    && refusal(e, move, user) == null
                    && (move != Move.ESCALATE
                            || hasParent.computeIfAbsent(
                                    e.holderOrg,
                                    holder -> organizations.parentCenter(holder).isPresent()))) {
                allowed.add(move);
            }
        }
        return allowed;
    }

    /**
     * What else the caller can do with the event now besides its moves, so that the console offers nothing that
     * would be refused: MERGE it into an original, ADD_PHOTO, DELAY_REQUEST (ask for more time), DELAY_DECIDE
     * (approve or reject delay requests).
     */
    private static List<String> allowedActions(Event e, CurrentUser user) {
        var actions = new ArrayList<String>();
        if (user.can(Move.MERGE.permission()) && e.status.allows(Move.MERGE) && holds(e, user)) {
            actions.add("MERGE");
        }
        if (EventAttachments.mayAdd(e, user)) {
            actions.add("ADD_PHOTO");
        }
        if (DelayDesk.mayRequest(e, user)) {
            actions.add("DELAY_REQUEST");
        }
        if (DelayDesk.mayDecide(e, user)) {
            actions.add("DELAY_DECIDE");
        }
        return actions;
    }

    /** The step's deadline; notes on the event whether it was counted into a year the calendar lacks. */
    private java.time.Instant deadline(Event e, Step step, Instant from) {
        var limit = catalog.limit(e.categoryCode, e.urgency, null, step);
        var due = calendar.due(from, limit.amount(), limit.unit());
        e.deadlineProvisional = due.provisional();
        return due.at();
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
        rollups.recorded(e.place(), t.move().name(), t.from(), t.to(), now);
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

    /**
     * Refuses a report in a grid outside the caller's scope, naming {@code field}; a grid worker (scope GRIDS) reports
     * only in the grids they cover and the micro-grids below them, where they can see and follow up what they report.
     */
    private void requireReportable(GridSummary grid, CurrentUser user, String field) {
        if (!scope.covers(grid.code())) {
            boolean gridWorker = user.scopeKind() == ScopeKind.GRIDS;
            String detail = gridWorker ? "只能在您负责的网格内上报" : "事发位置不在您的管辖范围内";
            String detailEn =
                    gridWorker ? "You report only in the grids you cover" : "The location lies outside your scope";
            throw ProblemException.unprocessable(
                    detail,
                    detailEn,
                    List.of(new FieldProblem(field, "outside-scope", gridWorker ? "不在您负责的网格内" : "超出管辖范围", detailEn)));
        }
    }

    /** Whether a grid code is one of {@code grids} or a micro-grid below one. */
    private static boolean covers(List<String> grids, String gridCode) {
        return grids.stream().anyMatch(gridCode::startsWith);
    }

    /** Now, to the microsecond the database keeps, so that an answer and a later read of it agree. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static FieldProblem tooLong(String field, String name, int max) {
        return new FieldProblem(
                field, "too-long", name + "不能超过 " + max + " 个字", field + " must have at most " + max + " characters");
    }

    private static FieldProblem unknownValue(String field, List<String> values) {
        return new FieldProblem(
                field,
                "unknown-value",
                field + " 须为 " + String.join("、", values) + " 之一",
                field + " must be one of " + String.join(", ", values));
    }

    private static <E extends Enum<E>> boolean isConstant(Class<E> type, String name) {
        return java.util.Arrays.stream(type.getEnumConstants())
                .anyMatch(c -> c.name().equals(name));
    }

    private static ProblemException topLevel() {
        return ProblemException.unprocessable("已是最高一级，不能再上报", "This is the top level; nowhere to escalate", List.of());
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

    /**
     * Views of events, the names of their organizations, and of their grids with the village and township above,
     * looked up at once.
     */
    private List<EventView> views(List<Event> found, CurrentUser user) {
        var codes = new HashSet<String>();
        var places = new HashSet<String>();
        for (var e : found) {
            codes.add(e.holderOrg);
            codes.add(e.dispatcherOrg);
            codes.add(e.handlerOrg);
            places.add(e.gridCode);
            places.add(villageOf(e.gridCode));
            places.add(townshipOf(e.gridCode));
        }
        var names = organizations.names(codes);
        var placeNames = found.isEmpty() ? Map.<String, String>of() : regions.names(places);
        var hasParent = new java.util.HashMap<String, Boolean>();
        return found.stream()
                .map(e -> view(e, user, names, placeNames, hasParent))
                .toList();
    }

    private static String villageOf(String gridCode) {
        return gridCode.substring(0, Math.min(gridCode.length(), RegionLevel.VILLAGE.codeLength()));
    }

    private static String townshipOf(String gridCode) {
        return gridCode.substring(0, Math.min(gridCode.length(), RegionLevel.TOWNSHIP.codeLength()));
    }

    private EventView view(
            Event e,
            CurrentUser user,
            Map<String, String> names,
            Map<String, String> placeNames,
            Map<String, Boolean> hasParent) {
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
                placeNames.get(e.gridCode),
                placeNames.get(villageOf(e.gridCode)),
                placeNames.get(townshipOf(e.gridCode)),
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
                e.deadlineAt != null && e.deadlineProvisional,
                card(e, clock.instant()),
                e.supervision,
                e.satisfaction,
                e.result,
                e.version,
                e.reportedAt,
                e.closedAt,
                allowedMoves(e, user, hasParent),
                allowedActions(e, user));
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
