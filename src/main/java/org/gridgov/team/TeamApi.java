package org.gridgov.team;

import java.time.LocalDate;
import java.util.List;
import org.gridgov.common.Unscoped;
import org.gridgov.team.internal.TeamReads;
import org.springframework.stereotype.Component;

/**
 * What other modules may ask of the grid teams: who serves a grid, and where and as what an account serves, without
 * phones. Callers apply their caller's scope to the grid or account they ask about.
 */
@Component
@Unscoped("callers name the grid or account they may read; names and positions only, no phones")
public class TeamApi {

    private final TeamReads reads;

    TeamApi(TeamReads reads) {
        this.reads = reads;
    }

    /** The members of a grid's team today, by position. */
    public List<Teammate> currentTeam(String gridCode) {
        return reads.team(gridCode, reads.today());
    }

    /** The members of a grid's team on a day, by position. */
    public List<Teammate> teamOn(String gridCode, LocalDate day) {
        return reads.team(gridCode, day);
    }

    /** The grids an account serves today, each with the position held there. */
    public List<Teammate> currentPositionsOf(long userId) {
        return reads.heldBy(userId, reads.today());
    }

    /** The positions a team may have, in roster order. */
    public List<Position> positions() {
        return reads.positions();
    }
}
