package org.gridgov.registry.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.gridgov.common.DataScope;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The change history of every registry record (resident, house, household, place, organization, a deployment's
 * register and its entries), field by field; reads bind the caller's region prefix against the grid code the change
 * was written under.
 */
@Repository
@ScopedData(tables = {"registry_change"})
class ChangeLog {

    /** The value of the {@code *} line that opens a record's history. */
    static final String REGISTERED = "登记 registered";

    /** A record just inserted, with the grid its history line is written under. */
    record Registered(long id, String gridCode) {}

    /** One changed field of a registry record, as its history shows it. */
    record Change(String field, String oldValue, String newValue) {}

    private final JdbcClient jdbc;

    ChangeLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(
            String entityType,
            long entityId,
            String gridCode,
            List<Change> changes,
            Long actorId,
            String actorName,
            String note,
            Instant at) {
        if (changes.isEmpty()) {
            return;
        }
        // Every changed field in one statement; the ordinality keeps them in the order the diff found them.
        jdbc.sql("""
                        insert into registry_change (entity_type, entity_id, grid_code, field, old_value, new_value,
                            actor_id, actor_name, note, at)
                        select :type, :entity, :grid, field, old_value, new_value, :actor, :actorName, :note, :at
                        from unnest(cast(:fields as text[]), cast(:olds as text[]), cast(:news as text[]))
                            with ordinality as t(field, old_value, new_value, n)
                        order by n""")
                .param("type", entityType)
                .param("entity", entityId)
                .param("grid", gridCode)
                .param("fields", changes.stream().map(Change::field).toArray(String[]::new))
                .param("olds", changes.stream().map(Change::oldValue).toArray(String[]::new))
                .param("news", changes.stream().map(Change::newValue).toArray(String[]::new))
                .param("actor", actorId)
                .param("actorName", actorName)
                .param("note", note)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The "registered" line of each record of a batch, in one statement. */
    void registeredAll(
            String entityType, List<Registered> records, Long actorId, String actorName, String note, Instant at) {
        if (records.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into registry_change (entity_type, entity_id, grid_code, field, new_value, actor_id,
                            actor_name, note, at)
                        select :type, entity, grid, '*', :registered, :actor, :actorName, :note, :at
                        from unnest(cast(:entities as bigint[]), cast(:grids as text[])) as t(entity, grid)""")
                .param("type", entityType)
                .param("entities", records.stream().map(r -> r.id()).toArray(Long[]::new))
                .param("grids", records.stream().map(r -> r.gridCode()).toArray(String[]::new))
                .param("registered", REGISTERED)
                .param("actor", actorId)
                .param("actorName", actorName)
                .param("note", note)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    List<ChangeRow> changes(String entityType, long entityId, DataScope scope, PageQuery page) {
        return jdbc.sql("""
                        select id, field, old_value, new_value, actor_name, note, at from registry_change
                        where entity_type = :type and entity_id = :entity and grid_code like :prefix || '%'
                          and """ + DataScope.inGrids("grid_code") + """
                        order by at desc, id desc limit :limit offset :offset""")
                .param("type", entityType)
                .param("entity", entityId)
                .param("prefix", scope.prefix())
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new ChangeRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    long countChanges(String entityType, long entityId, DataScope scope) {
        return jdbc.sql("select count(*) from registry_change where entity_type = :type and entity_id = :entity"
                        + " and grid_code like :prefix || '%' and " + DataScope.inGrids("grid_code"))
                .param("type", entityType)
                .param("entity", entityId)
                .param("prefix", scope.prefix())
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .query(Long.class)
                .single();
    }
}
