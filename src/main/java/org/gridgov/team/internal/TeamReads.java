package org.gridgov.team.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import org.gridgov.common.Unscoped;
import org.gridgov.team.Position;
import org.gridgov.team.Teammate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The reads other modules make of the teams, for {@link org.gridgov.team.TeamApi}. */
@Component
@Unscoped("serves TeamApi, whose callers name the grid or account they may ask about; no phones")
@Transactional(readOnly = true)
public class TeamReads {

    private final RosterRepository members;
    private final PositionRepository positions;
    private final TeamDays days;

    TeamReads(RosterRepository members, PositionRepository positions, TeamDays days) {
        this.members = members;
        this.positions = positions;
        this.days = days;
    }

    public LocalDate today() {
        return days.today();
    }

    public List<Teammate> team(String gridCode, LocalDate day) {
        return teammates(members.team(gridCode, day));
    }

    public List<Teammate> heldBy(long userId, LocalDate day) {
        return teammates(members.heldBy(userId, day));
    }

    private List<Teammate> teammates(List<RosterRow> rows) {
        var names = new HashMap<String, String>();
        positions.all().forEach(p -> names.put(p.code(), p.name()));
        return rows.stream()
                .map(r -> new Teammate(
                        r.memberId(),
                        r.gridCode(),
                        r.positionCode(),
                        names.getOrDefault(r.positionCode(), r.positionCode()),
                        r.employment(),
                        r.name(),
                        r.userId(),
                        r.validFrom(),
                        r.validTo()))
                .toList();
    }

    public List<Position> positions() {
        return positions.all();
    }
}
