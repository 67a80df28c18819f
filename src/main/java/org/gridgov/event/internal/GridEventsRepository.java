package org.gridgov.event.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gridgov.common.ScopedData;
import org.gridgov.event.EventStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The open events of one grid and the grids below it, bound by grid code: counted, and moved to another grid with a
 * history line each, for a grid that is retired or merged away. Closed events keep the grid they were handled in.
 */
@Repository
@ScopedData(tables = {"event", "event_history"})
class GridEventsRepository {

    /** The history move of an event whose grid changed: not a workflow {@code Move}, the status stays. */
    static final String GRID_CHANGED = "GRID_CHANGED";

    private static final String[] OPEN = Arrays.stream(EventStatus.values())
            .filter(EventStatus::isOpen)
            .map(Enum::name)
            .toArray(String[]::new);

    private final JdbcClient jdbc;

    GridEventsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long countOpen(String gridCode) {
        return jdbc.sql("select count(*) from event where grid_code like :grid || '%' and status = any(:open)")
                .param("grid", gridCode)
                .param("open", OPEN)
                .query(Long.class)
                .single();
    }

    /**
     * Moves the open events to another grid (and its current version), one history line each under the same status
     * and holder; the version goes up so that a move made on the old page is refused. Answers the events moved, as
     * they were before, for the dashboard rollups.
     */
    List<RollupRepository.Regridded> moveOpen(
            String fromGrid, String toGrid, long toVersionId, EventRepository.Actor actor, String note, Instant at) {
        var moved = new ArrayList<RollupRepository.Regridded>();
        jdbc.sql("""
                        update event e set grid_code = :to, grid_version_id = :version, version = e.version + 1
                        from (select id, grid_code from event
                              where grid_code like :from || '%' and status = any(:open) for update) o
                        where e.id = o.id
                        returning e.id, o.grid_code as old_grid, e.category_code, e.reported_at, e.status""")
                .param("from", fromGrid)
                .param("to", toGrid)
                .param("version", toVersionId)
                .param("open", OPEN)
                .query(rs -> {
                    moved.add(new RollupRepository.Regridded(
                            rs.getLong(1),
                            rs.getString("old_grid"),
                            rs.getString("category_code"),
                            rs.getTimestamp("reported_at").toInstant(),
                            rs.getString("status")));
                });
        if (moved.isEmpty()) {
            return List.of();
        }
        jdbc.sql("""
                        insert into event_history (event_id, move, from_status, to_status, from_holder, to_holder,
                            actor_id, actor_name, actor_roles, actor_org, note, deadline_at, at)
                        select e.id, :move, e.status, e.status, e.holder_org, e.holder_org, :actorId, :actorName,
                            :actorRoles, :actorOrg, :note, e.deadline_at, :at
                        from event e where e.id = any(:ids) order by e.id""")
                .param("move", GRID_CHANGED)
                .param("actorId", actor.id())
                .param("actorName", actor.name())
                .param("actorRoles", actor.roles())
                .param("actorOrg", actor.organization())
                .param("note", note)
                .param("at", Timestamp.from(at))
                .param(
                        "ids",
                        moved.stream().map(RollupRepository.Regridded::eventId).toArray(Long[]::new))
                .update();
        return moved;
    }
}
