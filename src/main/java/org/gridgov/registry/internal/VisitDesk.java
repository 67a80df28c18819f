package org.gridgov.registry.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridgov.common.FieldInput;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.ProblemException;
import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.photo.PhotoContent;
import org.gridgov.photo.PhotoStore;
import org.gridgov.photo.StoredPhoto;
import org.gridgov.registry.VisitRecorded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Visits (走访) of households, houses, places and people, and the plan of upcoming visits the schedules make. A visit
 * of a person in a group that names the registration is that registration's follow-up too, so the due date of the
 * group moves on as it always did. A phone sends a visit under a request id until it gets an answer; the visit is
 * kept once and counts at the time it was made.
 */
@Service
@Transactional
public class VisitDesk {

    /** The owner type of visit photos in the photo store. */
    static final String PHOTOS = "registry-visit";

    static final int MAX_CONTENT = 2000;
    static final int MAX_PHOTOS = 9;

    /** A visit made offline is taken up to three days late, and a phone's clock may run a little fast. */
    private static final Duration OFFLINE_LIMIT = Duration.ofDays(3);

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** The smallest area a plan is drawn for at once: a village (12 digits), unless the caller covers grids. */
    private static final int PLAN_AREA_DIGITS = 12;

    private static final int COUNTY_DIGITS = 6;

    private final VisitRepository visits;
    private final MemberRepository members;
    private final GroupCatalog catalog;
    private final RegistryScope scope;
    private final GridNames gridNames;
    private final PhotoStore photos;
    private final CurrentUsers users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VisitDesk(
            VisitRepository visits,
            MemberRepository members,
            GroupCatalog catalog,
            RegistryScope scope,
            GridNames gridNames,
            PhotoStore photos,
            CurrentUsers users,
            ApplicationEventPublisher events,
            Clock clock) {
        this.visits = visits;
        this.members = members;
        this.catalog = catalog;
        this.scope = scope;
        this.gridNames = gridNames;
        this.photos = photos;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** A visit, and whether this request made it (false: a resend of one made before). */
    public record Written(VisitView visit, boolean created) {}

    /** The filters of a list of visits; all optional. {@code mine}: only the caller's own. */
    public record VisitQuery(
            String region, String subjectKind, Long subjectId, Boolean mine, LocalDate from, LocalDate to) {}

    // --- schedules ---

    @Transactional(readOnly = true)
    public List<VisitSchedule> schedules() {
        return visits.schedules();
    }

    /** Changes a schedule's interval or whether it is in force; the change is named with who made it and when. */
    public VisitSchedule change(String code, VisitSchedule.Change change) {
        if (scope.data().prefix().length() > COUNTY_DIGITS || scope.data().grids() != null) {
            // The schedules hold for the whole deployment: a township's center may not change its neighbours' plans.
            throw ProblemException.unprocessable(
                    "走访规则由县级及以上中心维护",
                    "Visit schedules are kept by a county center or above",
                    List.of(new FieldProblem("code", "county-only", "须由县级及以上中心修改", "a county center or above")));
        }
        var schedule = visits.schedules().stream()
                .filter(s -> s.code().equals(code))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("走访规则不存在", "No such visit schedule"));
        var input = new FieldInput();
        Integer interval = change.intervalDays();
        if ("GROUP_MEMBER".equals(schedule.selection())) {
            if (interval != null) {
                input.add(
                        "intervalDays",
                        "per-registration",
                        "重点人员按各自登记的走访周期，不能统一设置",
                        "people under attention are due at their own registration's frequency");
            }
        } else if (interval == null) {
            interval = schedule.intervalDays();
        } else if (interval < 1 || interval > 366) {
            input.add("intervalDays", "range", "走访周期须在 1 到 366 天之间", "intervalDays must be 1 to 366");
        }
        input.refuseIfAny();
        boolean active = change.active() == null ? schedule.active() : change.active();
        visits.changeSchedule(
                code, interval, active, clock.instant(), users.require().realName());
        return visits.schedules().stream()
                .filter(s -> s.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    // --- the plan ---

    /**
     * The records due for a visit in an area of the caller's scope (their own grids for a grid worker), the earliest
     * first: {@code window} OVERDUE (due before today), WEEK (due by Sunday, the default) or ALL.
     */
    @Transactional(readOnly = true)
    public PageResult<PlannedVisit> plan(String region, String window, PageQuery page) {
        String area = planArea(region);
        LocalDate today = today();
        LocalDate weekEnd = weekEnd(today);
        LocalDate until = switch (window == null || window.isBlank() ? "WEEK" : window.strip()) {
            case "OVERDUE" -> today.minusDays(1);
            case "WEEK" -> weekEnd;
            case "ALL" -> null;
            default ->
                throw ProblemException.invalid(
                        "window", "unknown", "范围须为 OVERDUE、WEEK 或 ALL", "window is OVERDUE, WEEK or ALL");
        };
        var schedules = visits.schedules();
        var user = users.require();
        var rows = visits.plan(schedules, area, scope.data(), categories(user), until, page);
        var names = gridNames.lookup(rows.stream().map(PlannedVisit::gridCode).toList());
        Map<String, String> scheduleNames = new java.util.HashMap<>();
        schedules.forEach(s -> scheduleNames.put(s.code(), s.name()));
        var content = rows.stream()
                .map(r -> new PlannedVisit(
                        r.scheduleCode(),
                        scheduleNames.get(r.scheduleCode()),
                        r.subjectKind(),
                        r.subjectId(),
                        r.memberId(),
                        r.subjectName(),
                        r.gridCode(),
                        names.apply(r.gridCode()),
                        r.lastVisitOn(),
                        r.dueOn(),
                        r.dueOn().isBefore(today) ? "OVERDUE" : r.dueOn().isAfter(weekEnd) ? "LATER" : "THIS_WEEK"))
                .toList();
        var summary = visits.summary(schedules, area, scope.data(), categories(user), today, weekEnd);
        long total = until == null
                ? summary.overdue() + summary.thisWeek() + summary.later()
                : until.equals(weekEnd) ? summary.overdue() + summary.thisWeek() : summary.overdue();
        return PageResult.of(content, page, total);
    }

    @Transactional(readOnly = true)
    public PlannedVisit.Summary summary(String region) {
        String area = planArea(region);
        LocalDate today = today();
        return visits.summary(
                visits.schedules(), area, scope.data(), categories(users.require()), today, weekEnd(today));
    }

    /** Records of a kind in an area of the scope whose name holds a text, for a visit outside the plan. */
    @Transactional(readOnly = true)
    public PageResult<PlannedVisit> targets(String kind, String text, String region, PageQuery page) {
        var input = new FieldInput();
        var subject = VisitSubject.of(kind);
        if (subject == null) {
            input.add("kind", "unknown", "对象须为住户、房屋、场所或人员", "kind is HOUSEHOLD, HOUSE, PLACE or PERSON");
        }
        String q = input.text("q", text, 50, true, "关键字", "q");
        input.refuseIfAny();
        String area = scope.regionWithin(region);
        var rows = visits.search(subject, q, area, scope.data(), page);
        var names = gridNames.lookup(rows.stream().map(PlannedVisit::gridCode).toList());
        return PageResult.of(
                rows.stream()
                        .map(r -> new PlannedVisit(
                                null,
                                null,
                                r.subjectKind(),
                                r.subjectId(),
                                null,
                                r.subjectName(),
                                r.gridCode(),
                                names.apply(r.gridCode()),
                                null,
                                null,
                                null))
                        .toList(),
                page,
                page.offset() + rows.size() + (rows.size() == page.size() ? 1 : 0));
    }

    /** Visits per grid or per worker in an area over days, both included; no caller: the area is the caller's. */
    @Transactional(readOnly = true)
    public List<org.gridgov.registry.VisitFigure> figures(
            String regionPrefix, LocalDate from, LocalDate to, boolean byWorker) {
        return visits.figures(regionPrefix, from, to, byWorker);
    }

    /** Per grid of an area: the records the schedules cover and those not overdue on a day; no caller. */
    @Transactional(readOnly = true)
    public List<org.gridgov.registry.VisitPlanFigure> planPerGrid(String regionPrefix, LocalDate day) {
        return visits.planPerGrid(visits.schedules(), regionPrefix, day);
    }

    // --- visits ---

    public Written record(VisitDraft draft) {
        var input = new FieldInput();
        String requestId = input.requestId(draft.requestId());
        var kind = VisitSubject.of(draft.subjectKind());
        if (kind == null) {
            input.add(
                    "subjectKind",
                    draft.subjectKind() == null ? "required" : "unknown",
                    "走访对象须为住户、房屋、场所或人员",
                    "subjectKind is HOUSEHOLD, HOUSE, PLACE or PERSON");
        }
        if (draft.subjectId() == null) {
            input.add("subjectId", "required", "须选择走访对象", "subjectId is required");
        }
        var purpose = draft.purpose() == null
                ? (draft.memberId() == null ? VisitPurpose.ROUTINE : VisitPurpose.FOLLOW_UP)
                : VisitPurpose.of(draft.purpose());
        if (purpose == null) {
            input.add("purpose", "unknown", "没有这个走访事由", "no such purpose");
        }
        String method = draft.method() == null ? "VISIT" : draft.method();
        if (!method.equals("VISIT") && !method.equals("PHONE")) {
            input.add("method", "unknown", "方式须为入户（VISIT）或电话（PHONE）", "method is VISIT or PHONE");
        }
        String content = input.text("content", draft.content(), MAX_CONTENT, true, "走访情况", "content");
        input.point(draft.lon(), draft.lat(), false);
        Double accuracy = input.accuracy(draft.accuracy());
        if (draft.memberId() != null && kind != null && kind != VisitSubject.PERSON) {
            input.add("memberId", "not-a-person", "只有人员的走访可记为关注走访", "only a person's visit follows up a group");
        }
        input.refuseIfAny();

        Instant now = clock.instant();
        Instant at = visitedAt(draft.visitedAt(), now);
        var user = users.require();
        var subject = visits.subject(kind, draft.subjectId(), scope.data())
                .orElseThrow(() -> ProblemException.notFound("走访对象不存在", "No such record to visit in your scope"));
        String county = subject.gridCode().substring(0, 6);
        var earlier = visits.byRequest(county, user.id(), requestId);
        if (earlier.isPresent()) {
            return new Written(view(earlier.get(), user), false);
        }
        LocalDate doneOn = LocalDate.ofInstant(at, GroupDesk.CHINA);
        Long followUp = null;
        boolean sensitive = false;
        if (draft.memberId() != null) {
            var member = members.find(draft.memberId(), scope.data())
                    .filter(m -> m.residentId() == draft.subjectId() && m.endedAt() == null)
                    .orElseThrow(() -> FieldInput.rule(
                            "memberId", "not-registered", "此人没有这项在册登记", "no current registration of this person"));
            var category = catalog.find(member.groupCode()).orElseThrow().category();
            sensitive = category == GroupCategory.SPECIAL;
            String needed = sensitive ? Permissions.SPECIAL_WRITE : Permissions.REGISTRY_WRITE;
            if (!user.can(needed)) {
                throw ProblemException.forbidden("无权记录此类人员的走访", "You may not record follow-ups of this group");
            }
            followUp = members.addFollowUp(
                            member.id(),
                            doneOn,
                            purpose.followUpKind(method.equals("PHONE")),
                            content,
                            user.id(),
                            user.realName(),
                            now,
                            requestId)
                    .orElseThrow(() -> ProblemException.conflict("登记已结束", "The registration has ended"));
        }
        var row = new VisitRepository.VisitRow(
                county,
                0,
                subject.gridCode(),
                kind,
                draft.subjectId(),
                subject.name(),
                draft.memberId(),
                followUp,
                sensitive,
                purpose,
                method,
                content,
                doneOn,
                at,
                now,
                draft.lon(),
                draft.lat(),
                accuracy,
                user.id(),
                user.realName(),
                requestId);
        var inserted = visits.insert(row);
        if (inserted.isEmpty()) {
            return new Written(
                    view(visits.byRequest(county, user.id(), requestId).orElseThrow(), user), false);
        }
        var kept = inserted.get();
        events.publishEvent(
                new VisitRecorded(kept.id(), county, kept.gridCode(), kept.subjectName(), user.id(), kept.visitedAt()));
        return new Written(view(kept, user), true);
    }

    @Transactional(readOnly = true)
    public PageResult<VisitView> list(VisitQuery q, PageQuery page) {
        var user = users.require();
        String area = scope.regionWithin(q.region());
        LocalDate to = q.to() == null ? today() : q.to();
        LocalDate from = q.from() == null ? to.minusDays(365) : q.from();
        FieldInput.period(from, to);
        VisitSubject kind = null;
        if (q.subjectKind() != null && !q.subjectKind().isBlank()) {
            kind = VisitSubject.of(q.subjectKind().strip());
            if (kind == null) {
                throw ProblemException.invalid(
                        "subjectKind",
                        "unknown",
                        "对象须为住户、房屋、场所或人员",
                        "subjectKind is HOUSEHOLD, HOUSE, PLACE or PERSON");
            }
        }
        String county = scope.county() != null ? scope.county() : area.length() >= 6 ? area.substring(0, 6) : null;
        var filter = new VisitRepository.Filter(
                county,
                scope.data(),
                area,
                user.can(Permissions.SPECIAL_READ),
                kind,
                q.subjectId(),
                Boolean.TRUE.equals(q.mine()) ? user.id() : null,
                from,
                to);
        var rows = visits.page(filter, page);
        return PageResult.of(views(rows, user), page, visits.count(filter));
    }

    @Transactional(readOnly = true)
    public VisitView get(long id) {
        var user = users.require();
        return view(visible(id, user), user);
    }

    /** A photo of a visit, added by the person who made it on its day or the two after (a phone sends them late). */
    public StoredPhoto addPhoto(long id, MultipartFile file) {
        var user = users.require();
        var visit = visible(id, user);
        if (visit.userId() == null || visit.userId() != user.id()) {
            throw ProblemException.forbidden("只有走访人可以补充照片", "Only the visit's maker may add photos");
        }
        if (visit.receivedAt().isBefore(clock.instant().minus(OFFLINE_LIMIT))) {
            throw FieldInput.rule("file", "closed", "走访记录已超过 3 天，不能再补充照片", "the visit is closed to photos");
        }
        var existing = photos.photosOf(visit.county(), PHOTOS, List.of(id)).getOrDefault(id, List.of());
        if (existing.size() >= MAX_PHOTOS) {
            throw FieldInput.rule(
                    "file", "too-many", "每次走访最多 " + MAX_PHOTOS + " 张照片", "at most " + MAX_PHOTOS + " photos a visit");
        }
        var stored = photos.upload(visit.county(), PHOTOS, user.id(), file);
        return photos.attach(visit.county(), PHOTOS, id, user.id(), List.of(stored.id()), "file")
                .getFirst();
    }

    @Transactional(readOnly = true)
    public PageResult<VisitView.Photo> photos(long id, PageQuery page) {
        var user = users.require();
        var visit = visible(id, user);
        var all = photoRefs(visit);
        int from = Math.min(all.size(), (int) page.offset());
        return PageResult.of(all.subList(from, Math.min(all.size(), from + page.size())), page, all.size());
    }

    @Transactional(readOnly = true)
    public PhotoContent photo(long id, long photoId) {
        var visit = visible(id, users.require());
        return photos.content(visit.county(), PHOTOS, id, photoId)
                .orElseThrow(() -> ProblemException.notFound("照片不存在", "No such photo"));
    }

    private VisitRepository.VisitRow visible(long id, CurrentUser user) {
        return visits.get(id, scope.county(), scope.data(), user.can(Permissions.SPECIAL_READ))
                .orElseThrow(() -> ProblemException.notFound("走访记录不存在", "No such visit"));
    }

    private List<VisitView.Photo> photoRefs(VisitRepository.VisitRow visit) {
        return photos.photosOf(visit.county(), PHOTOS, List.of(visit.id())).getOrDefault(visit.id(), List.of()).stream()
                .map(p -> new VisitView.Photo(p.id(), p.filename(), p.size()))
                .toList();
    }

    private VisitView view(VisitRepository.VisitRow row, CurrentUser user) {
        return views(List.of(row), user).getFirst();
    }

    private List<VisitView> views(List<VisitRepository.VisitRow> rows, CurrentUser user) {
        var names = gridNames.lookup(
                rows.stream().map(VisitRepository.VisitRow::gridCode).toList());
        var byCounty = new java.util.HashMap<String, List<Long>>();
        rows.forEach(r ->
                byCounty.computeIfAbsent(r.county(), c -> new ArrayList<>()).add(r.id()));
        var photoMap = new java.util.HashMap<Long, List<StoredPhoto>>();
        byCounty.forEach((county, ids) -> photoMap.putAll(photos.photosOf(county, PHOTOS, ids)));
        var disclosure = Disclosure.of(user);
        return rows.stream()
                .map(r -> new VisitView(
                        r.id(),
                        r.gridCode(),
                        names.apply(r.gridCode()),
                        r.subjectKind(),
                        r.subjectId(),
                        r.subjectName(),
                        r.memberId(),
                        r.purpose(),
                        r.method(),
                        disclosure.text(r.content()),
                        r.doneOn(),
                        r.visitedAt(),
                        r.receivedAt(),
                        r.lon(),
                        r.lat(),
                        r.actorName(),
                        r.userId() != null && r.userId() == user.id(),
                        photoMap.getOrDefault(r.id(), List.of()).stream()
                                .map(p -> new VisitView.Photo(p.id(), p.filename(), p.size()))
                                .toList()))
                .toList();
    }

    /** Group registrations the caller may see in a plan: service recipients always, special groups with special:read. */
    private static List<String> categories(CurrentUser user) {
        return user.can(Permissions.SPECIAL_READ)
                ? List.of(GroupCategory.SERVICE.name(), GroupCategory.SPECIAL.name())
                : List.of(GroupCategory.SERVICE.name());
    }

    private String planArea(String region) {
        String area = scope.regionWithin(region);
        if (scope.data().grids() == null && area.length() < PLAN_AREA_DIGITS) {
            throw ProblemException.unprocessable(
                    "请选择一个村（社区）或网格查看走访计划",
                    "Choose a village or a grid for the visit plan",
                    List.of(new FieldProblem("region", "too-wide", "请选择村（社区）或网格", "choose a village or a grid")));
        }
        return area;
    }

    private static Instant visitedAt(Instant visitedAt, Instant now) {
        if (visitedAt == null) {
            return now;
        }
        if (visitedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw FieldInput.rule("visitedAt", "future", "走访时间晚于现在，请校准手机时间", "visitedAt lies in the future");
        }
        if (visitedAt.isBefore(now.minus(OFFLINE_LIMIT))) {
            throw FieldInput.rule(
                    "visitedAt", "too-old", "离线走访超过 3 天，不再补录", "an offline visit older than three days is not taken");
        }
        return visitedAt.isAfter(now) ? now : visitedAt;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), GroupDesk.CHINA);
    }

    private static LocalDate weekEnd(LocalDate day) {
        return day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    }
}
