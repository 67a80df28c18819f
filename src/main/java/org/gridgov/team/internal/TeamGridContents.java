package org.gridgov.team.internal;

import java.util.List;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.region.GridContent;
import org.gridgov.region.GridContents;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team members and cadre assignments of a grid: counted for a grid about to end, so that it is not retired with
 * its team still serving it, and handed over to the grid that takes its records, each as history (the version in the
 * old grid ends, the next begins in the new one on the same day). A one-per-grid position the new grid has filled
 * already is not handed over: its holder's service ends there, with the reason.
 */
@Component
@Order(4)
class TeamGridContents implements GridContents {

    private final RosterRepository members;
    private final AssignmentRepository assignments;
    private final PositionRepository positions;
    private final TeamScope scope;
    private final CurrentUsers users;
    private final TeamDays days;
    private final java.time.Clock clock;

    TeamGridContents(
            RosterRepository members,
            AssignmentRepository assignments,
            PositionRepository positions,
            TeamScope scope,
            CurrentUsers users,
            TeamDays days,
            java.time.Clock clock) {
        this.members = members;
        this.assignments = assignments;
        this.positions = positions;
        this.scope = scope;
        this.users = users;
        this.days = days;
        this.clock = clock;
    }

    @Override
    public List<GridContent> count(String gridCode) {
        var today = days.today();
        return List.of(
                new GridContent(
                        "teamMembers", members.remaining(gridCode, today).size(), "网格队伍成员", "grid team members"),
                new GridContent(
                        "cadreAssignments",
                        assignments.remaining(gridCode, today).size(),
                        "包联干部",
                        "cadre assignments"));
    }

    @Override
    @Transactional
    public int moveAll(String fromGridCode, String toGridCode, String reason) {
        // The region module checked both grids against the caller's scope; this is the team module's own guard.
        if (!scope.covers(fromGridCode) || !scope.covers(toGridCode)) {
            throw new IllegalArgumentException("grids outside the caller's scope: " + fromGridCode + ", " + toGridCode);
        }
        var user = users.require();
        var today = days.today();
        var now = clock.instant();
        var onePerGrid = positions.all().stream()
                .filter(org.gridgov.team.Position::onePerGrid)
                .map(org.gridgov.team.Position::code)
                .toList();
        members.lock(toGridCode);
        int moved = 0;
        for (var head : members.remaining(fromGridCode, today)) {
            var day = head.validFrom().isAfter(today) ? head.validFrom() : today;
            members.end(head.countyCode(), head.id(), day, now, user.id(), user.realName(), reason);
            boolean taken = onePerGrid.contains(head.positionCode())
                    && members.holder(toGridCode, head.positionCode(), day, head.validTo(), head.memberId())
                            .isPresent();
            if (taken) {
                continue;
            }
            members.insert(RosterRow.first(
                            toGridCode,
                            head.positionCode(),
                            head.employment(),
                            head.name(),
                            head.phone(),
                            head.phoneHash(),
                            head.duties(),
                            head.userId(),
                            day,
                            head.validTo(),
                            reason,
                            now,
                            user.id(),
                            user.realName())
                    .numbered(head.memberId(), head.version() + 1));
            moved++;
        }
        for (var a : assignments.remaining(fromGridCode, today)) {
            var day = a.validFrom().isAfter(today) ? a.validFrom() : today;
            assignments.end(a.countyCode(), a.id(), day, now, user.id(), user.realName(), reason);
            assignments.insert(AssignmentRow.made(
                    toGridCode,
                    a.cadreLevel(),
                    a.userId(),
                    a.cadreName(),
                    a.organizationName(),
                    a.role(),
                    day,
                    a.validTo(),
                    now,
                    user.id(),
                    user.realName()));
            moved++;
        }
        return moved;
    }
}
