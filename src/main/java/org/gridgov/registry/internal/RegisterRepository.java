package org.gridgov.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridgov.common.DataScope;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deployment's own registers: their definitions (the same for every region) and their entries, which are read
 * through the person's grid against the caller's region prefix. Changes are guarded by the version the caller read.
 */
@Repository
@ScopedData(tables = {"register_entry", "resident"})
class RegisterRepository {

    /**
     * How a definition is read for a write: entries are written under a shared lock on it, so that a change of the
     * definition (which takes it exclusively) never misses an entry written at the same moment, nor the other way.
     */
    enum Lock {
        NONE(""),
        FOR_ENTRY(" for share"),
        FOR_CHANGE(" for update");

        final String clause;

        Lock(String clause) {
            this.clause = clause;
        }
    }

    /** Which entries of one register; every part but the register optional, values always bound. */
    record EntryFilter(long type, Long entry, Long resident, DataScope scope, boolean includeRetired) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<FieldDefinition>> FIELDS = new TypeReference<>() {};
    private static final TypeReference<LinkedHashMap<String, String>> VALUES = new TypeReference<>() {};

    private static final String TYPE_COLUMNS = "id, code, name, fields, created_by_name, created_at, version,"
            + " updated_at, updated_by_name, retired_at, retired_reason";

    private final JdbcClient jdbc;

    RegisterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RegisterType> types(boolean includeRetired, PageQuery page) {
        return jdbc.sql("select " + TYPE_COLUMNS + """
                         from register_type where (:includeRetired or retired_at is null)
                        order by code limit :limit offset :offset""")
                .param("includeRetired", includeRetired)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(RegisterRepository::type)
                .list();
    }

    long countTypes(boolean includeRetired) {
        return jdbc.sql("select count(*) from register_type where (:includeRetired or retired_at is null)")
                .param("includeRetired", includeRetired)
                .query(Long.class)
                .single();
    }

    Optional<RegisterType> type(long id, Lock lock) {
        return jdbc.sql("select " + TYPE_COLUMNS + " from register_type where id = :id" + lock.clause)
                .param("id", id)
                .query(RegisterRepository::type)
                .optional();
    }

    long insertType(String code, String name, List<FieldDefinition> fields, String actorName, Instant now) {
        return jdbc.sql("""
                        insert into register_type (code, name, fields, created_by_name, created_at, updated_by_name,
                            updated_at)
                        values (:code, :name, cast(:fields as jsonb), :actor, :at, :actor, :at) returning id""")
                .param("code", code)
                .param("name", name)
                .param("fields", JSON.writeValueAsString(fields))
                .param("actor", actorName)
                .param("at", now.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    /** False when somebody changed the definition since {@code version} or it is retired. */
    boolean updateType(long id, String name, List<FieldDefinition> fields, int version, String actorName, Instant now) {
        return jdbc.sql("""
                        update register_type set name = :name, fields = cast(:fields as jsonb),
                            updated_by_name = :actor, updated_at = :at, version = version + 1
                        where id = :id and version = :version and retired_at is null""")
                        .param("id", id)
                        .param("name", name)
                        .param("fields", JSON.writeValueAsString(fields))
                        .param("version", version)
                        .param("actor", actorName)
                        .param("at", now.atOffset(ZoneOffset.UTC))
                        .update()
                == 1;
    }

    /**
     * Which of the named fields a live entry holds a value for, in every region: the definition is shared, so an
     * entry anywhere keeps its field. Answers names only, never a value.
     */
    Set<String> fieldsHeld(long type, List<String> names) {
        return new HashSet<>(jdbc.sql("""
                        select distinct k.name from register_entry e
                            cross join lateral jsonb_object_keys(e.field_values) as k (name)
                        where e.register_type_id = :type and e.retired_at is null and k.name in (:names)""")
                .param("type", type)
                .param("names", names)
                .query(String.class)
                .list());
    }

    /**
     * Adds an entry for every demo resident (a member of a household) the rule selects, its values made by the SQL
     * expression; both are constants of the demo, never user input. Answers each entry with its person's grid.
     */
    List<ChangeLog.Registered> enrollDemo(
            long type, String values, String rule, String actorName, java.time.LocalDate today, Instant now) {
        return jdbc.sql("""
                        insert into register_entry (register_type_id, resident_id, field_values, actor_name,
                            created_at, updated_by_name, updated_at)
                        select :type, r.id, """ + values + """
                        , :actor, :at, :actor, :at
                        from resident r
                        where r.household_id is not null and r.retired_at is null and (""" + rule + """
                        )
                        returning id, (select grid_code from resident g where g.id = resident_id)""")
                .param("type", type)
                .param("actor", actorName)
                .param("today", today)
                .param("at", now.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new ChangeLog.Registered(rs.getLong(1), rs.getString(2)))
                .list();
    }

    long insertEntry(
            long type, long resident, Map<String, String> values, Long actorId, String actorName, Instant now) {
        return jdbc.sql("""
                        insert into register_entry (register_type_id, resident_id, field_values, actor_id, actor_name,
                            created_at, updated_by_name, updated_at)
                        values (:type, :resident, cast(:values as jsonb), :actor, :actorName, :at, :actorName, :at)
                        returning id""")
                .param("type", type)
                .param("resident", resident)
                .param("values", JSON.writeValueAsString(values))
                .param("actor", actorId)
                .param("actorName", actorName)
                .param("at", now.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    /** False when somebody changed the entry since {@code version} or it is retired. Callers found it in scope. */
    boolean updateEntry(long id, Map<String, String> values, int version, String actorName, Instant now) {
        return jdbc.sql("""
                        update register_entry set field_values = cast(:values as jsonb), updated_by_name = :actor,
                            updated_at = :at, version = version + 1
                        where id = :id and version = :version and retired_at is null""")
                        .param("id", id)
                        .param("values", JSON.writeValueAsString(values))
                        .param("version", version)
                        .param("actor", actorName)
                        .param("at", now.atOffset(ZoneOffset.UTC))
                        .update()
                == 1;
    }

    boolean retireType(long id, int version, String reason, String actorName, Instant now) {
        return retire("register_type", id, version, reason, actorName, now);
    }

    /** Callers found the entry in scope first. */
    boolean retireEntry(long id, int version, String reason, String actorName, Instant now) {
        return retire("register_entry", id, version, reason, actorName, now);
    }

    /** False when somebody changed the row since {@code version} or it is retired already; the table is a constant. */
    private boolean retire(String table, long id, int version, String reason, String actorName, Instant now) {
        return jdbc.sql("update " + table + """
                         set retired_at = :at, retired_reason = :reason, updated_by_name = :actor,
                            updated_at = :at, version = version + 1
                        where id = :id and version = :version and retired_at is null""")
                        .param("id", id)
                        .param("version", version)
                        .param("reason", reason)
                        .param("actor", actorName)
                        .param("at", now.atOffset(ZoneOffset.UTC))
                        .update()
                == 1;
    }

    private static final String ENTRIES = """
             from register_entry e join resident r on r.id = e.resident_id
             where e.register_type_id = :type and r.grid_code like :prefix || '%'
            """ + " and " + DataScope.inGrids("r.grid_code") + """
               and (cast(:entry as bigint) is null or e.id = :entry)
               and (cast(:resident as bigint) is null or e.resident_id = :resident)
               and (:includeRetired or e.retired_at is null)
            """;

    /** Entries of one register, newest first. */
    List<RegisterEntryView> entries(EntryFilter f, PageQuery page) {
        return bind(
                        jdbc.sql("select e.id, e.register_type_id, e.resident_id, r.name, r.grid_code,"
                                + " e.field_values, e.actor_name, e.created_at, e.version, e.updated_at,"
                                + " e.updated_by_name, e.retired_at, e.retired_reason" + ENTRIES
                                + " order by e.id desc limit :limit offset :offset"),
                        f)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new RegisterEntryView(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        null,
                        JSON.readValue(rs.getString(6), VALUES),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getInt(9),
                        rs.getTimestamp(10).toInstant(),
                        rs.getString(11),
                        instant(rs.getTimestamp(12)),
                        rs.getString(13)))
                .list();
    }

    /** One entry of a register, retired or not, when its person lies in the scope. */
    Optional<RegisterEntryView> entry(long type, long entry, DataScope scope) {
        return entries(new EntryFilter(type, entry, null, scope, true), PageQuery.of(0, 1)).stream()
                .findFirst();
    }

    long countEntries(EntryFilter f) {
        return bind(jdbc.sql("select count(*)" + ENTRIES), f).query(Long.class).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, EntryFilter f) {
        return spec.param("type", f.type())
                .param("entry", f.entry())
                .param("resident", f.resident())
                .param("prefix", f.scope().prefix())
                .param(DataScope.GRIDS_PARAMETER, f.scope().gridPatterns())
                .param("includeRetired", f.includeRetired());
    }

    private static RegisterType type(ResultSet rs, int n) throws SQLException {
        return new RegisterType(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                JSON.readValue(rs.getString(4), FIELDS),
                rs.getString(5),
                rs.getTimestamp(6).toInstant(),
                rs.getInt(7),
                rs.getTimestamp(8).toInstant(),
                rs.getString(9),
                instant(rs.getTimestamp(10)),
                rs.getString(11));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
