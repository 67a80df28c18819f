package org.gridgov.team.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.ProblemException;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.team.Assignment;
import org.gridgov.team.AssignmentCommand;
import org.gridgov.team.CadreLevel;
import org.gridgov.team.Chain;
import org.gridgov.team.Ending;
import org.gridgov.team.Position;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the cadre assignments (包联) of the areas in the caller's scope — a cadre answers for a township, village or
 * grid from a day on, until the assignment is ended — and reads a grid's chain of responsibility on a day.
 */
@Service
@Transactional
class AssignmentDesk {

    static final String ASSIGNMENT = "team-assignment";

    /** A township (9 digits), village (12) or grid (15) code. */
    private static final Pattern AREA = Pattern.compile("\\d{9}|\\d{12}|\\d{15}");

    static final int ROLE = 100;
    static final int ORGANIZATION = 100;

    private final TeamScope scope;
    private final AssignmentRepository assignments;
    private final RosterRepository members;
    private final PositionRepository positions;
    private final AreaNames names;
    private final TeamAccounts accounts;
    private final CurrentUsers users;
    private final TeamDays days;
    private final Clock clock;

    AssignmentDesk(
            TeamScope scope,
            AssignmentRepository assignments,
            RosterRepository members,
            PositionRepository positions,
            AreaNames names,
            TeamAccounts accounts,
            CurrentUsers users,
            TeamDays days,
            Clock clock) {
        this.scope = scope;
        this.assignments = assignments;
        this.members = members;
        this.positions = positions;
        this.names = names;
        this.accounts = accounts;
        this.users = users;
        this.days = days;
        this.clock = clock;
    }

    /**
     * The assignments of the areas under a region of the caller's scope (default all of it): those holding on a day
     * (default today), or with {@code includeEnded} every one ever made.
     */
    @Transactional(readOnly = true)
    PageResult<Assignment> list(String regionCode, LocalDate on, boolean includeEnded, PageQuery page) {
        String region = scope.region(regionCode);
        LocalDate day = FormFields.day("on", on, days.today());
        LocalDate holding = includeEnded ? null : day;
        var rows = assignments.list(region, scope.county(), holding, scope.data(), page);
        long total = assignments.count(region, scope.county(), holding, scope.data());
        return PageResult.of(views(rows), page, total);
    }

    /** Assigns a cadre to a current area of the caller's scope. */
    Assignment assign(AssignmentCommand c) {
        var user = users.require();
        var fields = new FormFields();
        String area = fields.text("regionCode", c.regionCode(), 15, true, "包联区域", "regionCode");
        if (area != null && !AREA.matcher(area).matches()) {
            fields.add("regionCode", "format", "包联区域须为乡镇、村（社区）或网格", "regionCode must name a township, village or grid");
            area = null;
        }
        String name =
                fields.text("cadreName", c.cadreName(), MemberRules.NAME, c.userId() == null, "包联干部姓名", "cadreName");
        String organization =
                fields.text("organizationName", c.organizationName(), ORGANIZATION, false, "单位", "organizationName");
        String role = fields.text("role", c.role(), ROLE, true, "包联职责", "role");
        if (c.userId() != null && c.userId() <= 0) {
            fields.add("userId", "range", "账号不存在", "userId names no account");
        }
        LocalDate from = fields.date("validFrom", c.validFrom(), days.today(), "开始日期", "validFrom");
        LocalDate to = fields.date("validTo", c.validTo(), null, "结束日期", "validTo");
        fields.inOrder("validTo", from, to, "结束日期", "validTo");
        fields.refuseIfAny();
        CadreLevel level = c.cadreLevel() != null ? c.cadreLevel() : levelAbove(area);
        if (!level.answersFor(area)) {
            throw ProblemException.unprocessable(
                    level.label() + "干部只能包联其下级区域",
                    "A " + level.labelEn().toLowerCase() + " cadre answers for an area below that level",
                    List.of(new FieldProblem(
                            "cadreLevel", "level", "干部层级须高于包联区域", "cadreLevel must lie above the area")));
        }
        scope.requireCovers("regionCode", area);
        boolean current = area.length() == 15
                ? names.current(area)
                : names.current(List.of(area)).containsKey(area);
        if (!current) {
            throw ProblemException.unprocessable(
                    "包联区域不存在或已撤销",
                    "The area does not exist or was retired",
                    List.of(new FieldProblem("regionCode", "unknown-region", "区域不存在", "no such current area")));
        }
        var account = c.userId() == null ? null : accounts.linkable(c.userId());
        if (account != null) {
            name = name != null ? name : account.realName();
            organization = organization != null ? organization : account.organizationName();
        }
        members.lock(area);
        if (assignments.assignedAlready(area, c.userId(), name, from, to)) {
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "conflict",
                    name + "此期间已包联该区域",
                    name + " answers for this area in this period already",
                    List.of(new FieldProblem(
                            c.userId() == null ? "cadreName" : "userId",
                            "assigned",
                            "已包联该区域",
                            "assigned to this area already")));
        }
        long id = assignments.insert(AssignmentRow.made(
                area,
                level,
                c.userId(),
                name,
                organization,
                role,
                from,
                to,
                clock.instant(),
                user.id(),
                user.realName()));
        return view(visible(id));
    }

    /** Ends an assignment on a day (default today), with the reason. */
    Assignment end(long id, Ending ending) {
        var user = users.require();
        var row = visible(id);
        var checked = Endings.check(
                ending, row.validFrom(), row.validTo(), days.today(), new String[] {"该包联", "The assignment"});
        var locked = assignments.locked(row.countyCode(), id).orElseThrow();
        if (!Objects.equals(locked.validTo(), row.validTo())) {
            throw ProblemException.conflict("包联已被他人修改，请刷新后重试", "The assignment changed meanwhile; reload");
        }
        assignments.end(
                row.countyCode(), id, checked.on(), clock.instant(), user.id(), user.realName(), checked.reason());
        return view(visible(id));
    }

    /**
     * Who answers for a grid on a day (default today): its leader (the holder of a one-per-grid position), then the
     * village-, township- and county-level cadres assigned to the grid, its village or its township.
     */
    @Transactional(readOnly = true)
    Chain chain(String gridCode, LocalDate on) {
        String grid = scope.grid(gridCode);
        LocalDate day = FormFields.day("on", on, days.today());
        String gridName = names.on(grid, day);
        String village = grid.substring(0, 12);
        String township = grid.substring(0, 9);
        var areaNames = names.current(List.of(village, township));
        var onePerGrid = positions.all().stream()
                .filter(Position::onePerGrid)
                .collect(java.util.stream.Collectors.toMap(Position::code, p -> p));
        var leaders = new ArrayList<Chain.Person>();
        for (var m : members.roster(grid, day, scope.data(), new PageQuery(0, PageQuery.MAX_SIZE))) {
            var position = onePerGrid.get(m.positionCode());
            if (position != null) {
                leaders.add(new Chain.Person(m.memberId(), null, m.name(), position.name(), null, grid, gridName));
            }
        }
        var byLevel = new java.util.EnumMap<CadreLevel, List<Chain.Person>>(CadreLevel.class);
        for (var level : CadreLevel.values()) {
            byLevel.put(level, new ArrayList<>());
        }
        for (var a : assignments.chain(grid, List.of(grid, village, township), day, scope.data())) {
            String areaName = a.regionCode().equals(grid) ? gridName : areaNames.get(a.regionCode());
            byLevel.get(a.cadreLevel())
                    .add(new Chain.Person(
                            null, a.id(), a.cadreName(), a.role(), a.organizationName(), a.regionCode(), areaName));
        }
        return new Chain(
                grid,
                gridName,
                day,
                List.of(
                        new Chain.Level("GRID", "网格", "Grid", leaders),
                        new Chain.Level("VILLAGE", "村（社区）级", "Village", byLevel.get(CadreLevel.VILLAGE)),
                        new Chain.Level("TOWNSHIP", "乡镇（街道）级", "Township", byLevel.get(CadreLevel.TOWNSHIP)),
                        new Chain.Level("COUNTY", "县级", "County", byLevel.get(CadreLevel.COUNTY))));
    }

    /** The level a cadre of an area usually comes from: the one right above it. */
    private static CadreLevel levelAbove(String area) {
        return switch (area.length()) {
            case 9 -> CadreLevel.COUNTY;
            case 12 -> CadreLevel.TOWNSHIP;
            default -> CadreLevel.VILLAGE;
        };
    }

    private AssignmentRow visible(long id) {
        return assignments
                .find(id, scope.county(), scope.data())
                .orElseThrow(() -> ProblemException.notFound("包联记录不存在", "No such assignment within your scope"));
    }

    private List<Assignment> views(List<AssignmentRow> rows) {
        Map<String, String> areaNames = names.current(
                rows.stream().map(AssignmentRow::regionCode).distinct().toList());
        return rows.stream().map(r -> view(r, areaNames.get(r.regionCode()))).toList();
    }

    private Assignment view(AssignmentRow r) {
        return views(List.of(r)).getFirst();
    }

    private static Assignment view(AssignmentRow r, String areaName) {
        String level = switch (r.regionCode().length()) {
            case 9 -> "TOWNSHIP";
            case 12 -> "VILLAGE";
            default -> "GRID";
        };
        return new Assignment(
                r.id(),
                r.regionCode(),
                areaName,
                level,
                r.cadreLevel(),
                r.userId(),
                r.cadreName(),
                r.organizationName(),
                r.role(),
                r.validFrom(),
                r.validTo(),
                r.recordedAt(),
                r.recordedByName(),
                r.endedAt(),
                r.endedByName(),
                r.endReason());
    }
}
