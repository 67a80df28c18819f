package org.gridgov.event.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridgov.common.Unscoped;
import org.gridgov.event.EventStatus;
import org.gridgov.event.Move;
import org.gridgov.event.Step;
import org.gridgov.event.Urgency;
import org.gridgov.identity.OrganizationDirectory;
import org.gridgov.identity.OrganizationRef;
import org.gridgov.identity.Role;
import org.gridgov.identity.StaffDirectory;
import org.gridgov.region.GridSummary;
import org.gridgov.region.RegionApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A realistic history for the demo county: a few hundred events reported over the last four months, most closed
 * through the whole loop, the recent ones at every step (some overdue, a few of the late ones supervised by the
 * county center), each with its history rows. Deterministic, created once when the demo data is on and there are no
 * events yet.
 */
@Component
@Order(40)
@Unscoped("loads the demo events at start-up, when there is no caller")
class DemoEvents implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoEvents.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String DEPARTMENT = "421381-cgj";
    private static final String[] CITY = {"0110", "0406", "0136", "0112", "0409", "0201", "0302", "0304", "0142"};
    private static final String[] GOVERNANCE = {"ZZ0101", "ZZ0105", "ZZ0301", "ZZ0303", "ZZ0405", "ZZ0401"};
    private static final String[] TITLES = {"路边垃圾堆放", "门店占道经营", "楼道堆放杂物", "邻里噪音纠纷", "路面坑洼", "小区路灯不亮"};

    private final EventRepository events;
    private final EventCatalog catalog;
    private final WorkingCalendar calendar;
    private final RegionApi regions;
    private final OrganizationDirectory organizations;
    private final StaffDirectory staff;
    private final EventRollups rollups;
    private final Clock clock;
    private final boolean enabled;
    private final boolean withStaff;
    private final int count;
    /** With the demo staff on: the worker of each grid, the departments, and how busy and how good each place is. */
    private Map<String, Long> workers = Map.of();

    private List<String> departments = List.of(DEPARTMENT);

    DemoEvents(
            EventRepository events,
            EventCatalog catalog,
            WorkingCalendar calendar,
            RegionApi regions,
            OrganizationDirectory organizations,
            StaffDirectory staff,
            EventRollups rollups,
            Clock clock,
            @Value("${gridgov.demo.enabled:false}") boolean enabled,
            @Value("${gridgov.demo.staff:false}") boolean withStaff,
            @Value("${gridgov.demo.events:600}") int count) {
        this.events = events;
        this.catalog = catalog;
        this.calendar = calendar;
        this.regions = regions;
        this.organizations = organizations;
        this.staff = staff;
        this.rollups = rollups;
        this.clock = clock;
        this.enabled = enabled;
        this.withStaff = withStaff;
        this.count = count;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || events.anyEvent()) {
            return;
        }
        var grids = regions.gridsUnder("421381", 0, 5000);
        if (grids.isEmpty() || organizations.find(DEPARTMENT).isEmpty()) {
            return;
        }
        var random = new SplittableRandom(2026);
        var now = clock.instant();
        if (withStaff) {
            var byGrid = new HashMap<String, Long>();
            staff.gridWorkersUnder("421381").forEach(w -> w.gridCodes().forEach(g -> byGrid.putIfAbsent(g, w.id())));
            workers = byGrid;
            departments = staff.departmentsUnder("421381").stream()
                    .map(OrganizationRef::code)
                    .toList();
        }
        var reports = new ArrayList<Instant>();
        for (int i = 0; i < count; i++) {
            reports.add(now.minus(Duration.ofMinutes(random.nextLong(120L * 24 * 60))));
        }
        reports.sort(Comparator.naturalOrder());
        for (var reportedAt : reports) {
            var grid = grids.get(random.nextInt(grids.size()));
            // Some townships report far more than others: a grid is kept in proportion to its township's activity.
            while (withStaff && random.nextDouble() * 1.6 > activity(grid.code())) {
                grid = grids.get(random.nextInt(grids.size()));
            }
            seed(grid, reportedAt, now, random);
        }
        log.info("Demo events created: {}", count);
    }

    private void seed(GridSummary grid, Instant reportedAt, Instant now, SplittableRandom random) {
        boolean city = random.nextInt(10) < 6;
        String code = city ? CITY[random.nextInt(CITY.length)] : GOVERNANCE[random.nextInt(GOVERNANCE.length)];
        var category = catalog.current(code).orElse(null);
        var center = organizations.lowestCenterCovering(grid.code()).orElse(null);
        if (category == null || center == null) {
            return;
        }
        var e = new Event();
        String county = grid.code().substring(0, 6);
        int year = reportedAt.atZone(CHINA).getYear();
        e.serialNumber = String.format("%s-%d-%06d", county, year, events.nextSerial(county, year));
        e.title = TITLES[random.nextInt(TITLES.length)];
        e.description = "网格员巡查发现：" + category.name();
        e.categoryCode = category.code();
        e.categoryName = category.name();
        e.majorCode = category.majorCode();
        e.majorName = category.majorName();
        e.catalogVersion = category.versionId();
        e.urgency = random.nextInt(20) == 0 ? Urgency.URGENT : Urgency.NORMAL;
        e.lon = grid.labelPoint()[0];
        e.lat = grid.labelPoint()[1];
        e.gridCode = grid.code();
        e.gridVersionId = grid.versionId();
        e.source = random.nextInt(5) == 0 ? "HOTLINE" : "GRID_WORKER";
        e.reporterName = "网格员";
        if ("GRID_WORKER".equals(e.source)) {
            e.reporterUserId = workers.get(grid.code());
        }
        e.status = EventStatus.REPORTED;
        e.holderOrg = center.code();
        e.reportedAt = reportedAt;
        start(e, Step.ACCEPT, reportedAt);
        e.id = events.insert(e).orElseThrow();
        var system = demoActor(Role.GRID_WORKER, center.code());
        events.appendHistory(
                e.id,
                new Event.Transition(Move.REPORT, null, EventStatus.REPORTED, null, center.code(), null, Step.ACCEPT),
                system,
                e.deadlineAt,
                reportedAt);
        rollups.recorded(e.place(), Move.REPORT.name(), null, EventStatus.REPORTED, reportedAt);

        // City problems go to a department (市容, 01xx, to 城管); disputes are mostly mediated on the spot and verified
        // by the center.
        String department = !withStaff || code.startsWith("01")
                ? DEPARTMENT
                : departments.get(Math.floorMod(code.hashCode(), departments.size()));
        var plan = city
                ? List.of(Move.ACCEPT, Move.DISPATCH, Move.CLAIM, Move.FEEDBACK, Move.VERIFY_PASS, Move.RATE)
                : List.of(Move.ACCEPT, Move.RESOLVE, Move.VERIFY_PASS, Move.RATE);
        if (withStaff) {
            int roll = random.nextInt(100);
            if (roll < 4) {
                plan = List.of(Move.REJECT);
            } else if (city && roll < 10) {
                plan = List.of(
                        Move.ACCEPT,
                        Move.DISPATCH,
                        Move.RETURN,
                        Move.DISPATCH,
                        Move.CLAIM,
                        Move.FEEDBACK,
                        Move.VERIFY_PASS,
                        Move.RATE);
            } else if (city && roll < 10 + slowness(department) * 3) {
                plan = List.of(
                        Move.ACCEPT,
                        Move.DISPATCH,
                        Move.CLAIM,
                        Move.FEEDBACK,
                        Move.VERIFY_FAIL,
                        Move.FEEDBACK,
                        Move.VERIFY_PASS,
                        Move.RATE);
            }
        }
        long ageHours = Duration.between(reportedAt, now).toHours();
        // How far along the loop this event got: old ones almost all the way, recent ones anywhere.
        int steps = Math.max(
                0, ageHours > 240 ? plan.size() - (random.nextInt(10) == 0 ? 2 : 0) : random.nextInt(plan.size() + 1));
        var at = reportedAt;
        var operator = demoActor(Role.CENTER_OPERATOR, center.code());
        var countyLeader = organizations
                .centerAt(grid.code(), 6)
                .map(c -> demoActor(Role.CENTER_LEADER, c.code()))
                .orElse(null);
        boolean returned = false;
        for (var move : plan.subList(0, steps)) {
            at = withStaff
                    ? nextMoveTime(e, move, at, department, grid.code(), random)
                    : at.plus(Duration.ofMinutes(30 + random.nextLong(move == Move.FEEDBACK ? 2880 : 240)));
            superviseIfLate(e, at.isBefore(now) ? at : now, countyLeader);
            if (!at.isBefore(now)) {
                break;
            }
            String assignee =
                    returned ? departments.get((departments.indexOf(department) + 1) % departments.size()) : department;
            var handler = demoActor(Role.DEPARTMENT_HANDLER, e.holderOrg);
            var actor = move == Move.CLAIM || move == Move.FEEDBACK || move == Move.RETURN ? handler : operator;
            var t = switch (move) {
                case ACCEPT -> e.accept();
                case REJECT -> e.reject("不属于受理范围");
                case DISPATCH -> e.dispatch("请按时处置", assignee);
                case CLAIM -> e.claim();
                case RETURN -> {
                    returned = true;
                    yield e.returnToDispatcher("不属本部门职责");
                }
                case FEEDBACK -> e.feedback("已处置完毕", null);
                case VERIFY_FAIL -> e.verifyFail("现场仍未整改到位");
                case RESOLVE -> e.resolveOnTheSpot("已现场调解", center.code(), null);
                case VERIFY_PASS -> e.verifyPass("现场核查通过", at);
                default -> e.rate(rating(grid.code(), random), "回访");
            };
            if (move != Move.RATE) {
                start(e, t.step(), at);
            }
            events.appendHistory(e.id, t, actor, e.deadlineAt, at);
            rollups.recorded(e.place(), move.name(), t.from(), t.to(), at);
        }
        superviseIfLate(e, now, countyLeader);
        if (e.status != EventStatus.REPORTED || e.satisfaction != null || e.supervision != null) {
            events.update(e, 0);
        }
    }

    /**
     * 督办 by the county center's leader of a case whose running step is half a day past its deadline before
     * {@code until} (its next move, or now): one such case in fifteen, the same in every run, red when urgent. It
     * changes no status, so the rollups do not see it.
     */
    private void superviseIfLate(Event e, Instant until, EventRepository.Actor leader) {
        if (leader == null
                || e.supervision != null
                || e.deadlineAt == null
                || !e.status.allows(Move.SUPERVISE)
                || Math.floorMod(e.serialNumber.hashCode(), 15) != 0) {
            return;
        }
        var at = e.deadlineAt.plus(Duration.ofHours(12));
        if (!at.isBefore(until)) {
            return;
        }
        var t = e.supervise(e.urgency == Urgency.URGENT ? "RED" : "YELLOW", "已超时限，请加快办理并反馈", false);
        events.appendHistory(e.id, t, leader, e.deadlineAt, at);
    }

    /**
     * When the next move is made: within the running step's time limit as often as the one holding it is punctual
     * (a department by its slowness, a center by its township), else up to a day after the deadline.
     */
    private static Instant nextMoveTime(
            Event e, Move move, Instant at, String department, String grid, SplittableRandom random) {
        if (move == Move.RATE || e.deadlineAt == null) {
            return at.plus(Duration.ofMinutes(60 + random.nextLong(2880)));
        }
        long minutes = Math.max(20, Duration.between(at, e.deadlineAt).toMinutes());
        boolean departmentHolds = move == Move.CLAIM || move == Move.FEEDBACK || move == Move.RETURN;
        double punctual = departmentHolds ? 0.99 - slowness(department) * 0.035 : 0.9 + activity(grid) * 0.06;
        return random.nextDouble() < punctual
                ? at.plus(Duration.ofMinutes(5 + random.nextLong((long) (minutes * 0.9))))
                : at.plus(Duration.ofMinutes(minutes + 30 + random.nextLong(1440)));
    }

    /** How busy a township is, from 0.3 to 1.5, the same in every run. */
    private static double activity(String code) {
        return 0.3 + Math.floorMod(code.substring(0, 9).hashCode(), 13) / 10.0;
    }

    /** How slow a department is, from 0 to 4, the same in every run. */
    private static int slowness(String department) {
        return Math.floorMod(department.hashCode(), 5);
    }

    /** A return visit's rating: 3 to 5 as before, lower where a township is little active (with the demo staff on). */
    private int rating(String grid, SplittableRandom random) {
        int rating = 3 + random.nextInt(3);
        return withStaff && activity(grid) < 0.7 ? Math.max(1, rating - 1 - random.nextInt(2)) : rating;
    }

    /** A made-up person of a role, named by the role as the history shows people by name. */
    private static EventRepository.Actor demoActor(Role role, String organization) {
        return new EventRepository.Actor(null, "demo", role.label(), role.name(), organization);
    }

    private void start(Event e, Step step, Instant at) {
        e.step = step;
        e.stepStartedAt = step == null ? null : at;
        if (step == null) {
            e.deadlineAt = null;
            return;
        }
        var limit = catalog.limit(e.categoryCode, e.urgency, null, step);
        var due = calendar.due(at, limit.amount(), limit.unit());
        e.deadlineAt = due.at();
        e.deadlineProvisional = due.provisional();
    }
}
