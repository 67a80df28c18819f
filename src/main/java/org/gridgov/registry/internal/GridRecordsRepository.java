package org.gridgov.registry.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registry's records of one grid and the grids below it, by kind, bound by grid code: counted, and moved to
 * another grid with a history line per record, for a grid that is retired or merged away.
 */
@Repository
@ScopedData(tables = {"resident", "household", "house", "place", "registry_organization", "registry_change"})
class GridRecordsRepository {

    /** The registers that keep a grid code, with the entity name their history is written under. */
    enum Kind {
        RESIDENTS(ResidentDesk.ENTITY, "实有人口", "residents"),
        HOUSEHOLDS(HouseDesk.HOUSEHOLD, "户", "households"),
        HOUSES(HouseDesk.HOUSE, "实有房屋", "houses"),
        PLACES(PlaceDesk.ENTITY, "场所", "places"),
        ORGANIZATIONS(RegisteredOrganizationDesk.ENTITY, "组织", "organizations");

        final String entity;
        final String label;
        final String labelEn;

        Kind(String entity, String label, String labelEn) {
            this.entity = entity;
            this.label = label;
            this.labelEn = labelEn;
        }
    }

    private final JdbcClient jdbc;

    GridRecordsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Current (not retired) records of each kind in the grid and below it, in {@link Kind} order. */
    long[] count(String gridCode) {
        return jdbc.sql("""
                        select
                            (select count(*) from resident where grid_code like :grid || '%' and retired_at is null),
                            (select count(*) from household where grid_code like :grid || '%' and retired_at is null),
                            (select count(*) from house where grid_code like :grid || '%' and retired_at is null),
                            (select count(*) from place where grid_code like :grid || '%' and retired_at is null),
                            (select count(*) from registry_organization
                                where grid_code like :grid || '%' and retired_at is null)""")
                .param("grid", gridCode)
                .query((rs, n) ->
                        new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                .single();
    }

    /**
     * Moves the current records of one kind to another grid and writes each one's move (gridCode, old → new) to the
     * change log under the new grid, in one statement; the version goes up so that a form opened before the move is
     * refused instead of moving the record back. Answers how many moved.
     */
    int move(Kind kind, String fromGrid, String toGrid, Long actorId, String actorName, String note, Instant at) {
        var ids = new ArrayList<Long>();
        var oldGrids = new ArrayList<String>();
        jdbc.sql("""
                        update %1$s t set grid_code = :to, version = t.version + 1, updated_at = :at
                        from (select id, grid_code from %1$s
                              where grid_code like :from || '%%' and retired_at is null for update) o
                        where t.id = o.id
                        returning t.id, o.grid_code""".formatted(table(kind)))
                .param("from", fromGrid)
                .param("to", toGrid)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .query(rs -> {
                    ids.add(rs.getLong(1));
                    oldGrids.add(rs.getString(2));
                });
        if (ids.isEmpty()) {
            return 0;
        }
        jdbc.sql("""
                        insert into registry_change (entity_type, entity_id, grid_code, field, old_value, new_value,
                            actor_id, actor_name, note, at)
                        select :entity, entity, :to, 'gridCode', old_grid, :to, :actor, :actorName, :note, :at
                        from unnest(cast(:ids as bigint[]), cast(:olds as text[])) as m(entity, old_grid)""")
                .param("entity", kind.entity)
                .param("to", toGrid)
                .param("ids", ids.toArray(Long[]::new))
                .param("olds", oldGrids.toArray(String[]::new))
                .param("actor", actorId)
                .param("actorName", actorName)
                .param("note", note)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
        return ids.size();
    }

    /** The table of a kind: a constant of this class, never a request value. */
    private static String table(Kind kind) {
        return switch (kind) {
            case RESIDENTS -> "resident";
            case HOUSEHOLDS -> "household";
            case HOUSES -> "house";
            case PLACES -> "place";
            case ORGANIZATIONS -> "registry_organization";
        };
    }
}
