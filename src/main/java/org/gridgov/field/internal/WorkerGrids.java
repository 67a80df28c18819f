package org.gridgov.field.internal;

import java.util.LinkedHashSet;
import java.util.List;
import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.StaffDirectory;
import org.gridgov.team.TeamApi;
import org.springframework.stereotype.Component;

/**
 * The grids a worker serves today: those their account covers, and those where the grid team has them on its roster
 * (a 网格长 whose account sees the whole village serves the grids they lead).
 */
@Component
class WorkerGrids {

    private final TeamApi teams;
    private final StaffDirectory staff;

    WorkerGrids(TeamApi teams, StaffDirectory staff) {
        this.teams = teams;
        this.staff = staff;
    }

    List<String> of(CurrentUser user) {
        return union(user.gridCodes(), user.id());
    }

    /** Another worker's grids; none when the account is not an active staff account. */
    List<String> of(long userId) {
        return staff.account(userId)
                .map(account -> union(account.gridCodes(), userId))
                .orElse(List.of());
    }

    private List<String> union(List<String> accountGrids, long userId) {
        var grids = new LinkedHashSet<String>();
        if (accountGrids != null) {
            grids.addAll(accountGrids);
        }
        teams.currentPositionsOf(userId).forEach(position -> grids.add(position.gridCode()));
        return List.copyOf(grids);
    }
}
