package org.gridgov.registry.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deployment's own registers: their definitions (the same for every region) and their entries, which are read
 * through the person's grid against the caller's region prefix.
 */
@Repository
@ScopedData(tables = {"register_entry", "resident"})
class RegisterRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<FieldDefinition>> FIELDS = new TypeReference<>() {};
    private static final TypeReference<LinkedHashMap<String, String>> VALUES = new TypeReference<>() {};

    private final JdbcClient jdbc;

    RegisterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RegisterType> types(PageQuery page) {
        return jdbc.sql("""
                        select id, code, name, fields, created_by_name, created_at from register_type
                        order by code limit :limit offset :offset""")
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(RegisterRepository::type)
                .list();
    }

    long countTypes() {
        return jdbc.sql("select count(*) from register_type").query(Long.class).single();
    }

    Optional<RegisterType> type(long id) {
        return jdbc.sql("select id, code, name, fields, created_by_name, created_at from register_type where id = :id")
                .param("id", id)
                .query(RegisterRepository::type)
                .optional();
    }

    long insertType(String code, String name, List<FieldDefinition> fields, String actorName, Instant now) {
        return jdbc.sql("""
                        insert into register_type (code, name, fields, created_by_name, created_at)
                        values (:code, :name, cast(:fields as jsonb), :actor, :at) returning id""")
                .param("code", code)
                .param("name", name)
                .param("fields", JSON.writeValueAsString(fields))
                .param("actor", actorName)
                .param("at", now.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    long insertEntry(
            long type, long resident, Map<String, String> values, Long actorId, String actorName, Instant now) {
        return jdbc.sql("""
                        insert into register_entry (register_type_id, resident_id, field_values, actor_id, actor_name,
                            created_at)
                        values (:type, :resident, cast(:values as jsonb), :actor, :actorName, :at) returning id""")
                .param("type", type)
                .param("resident", resident)
                .param("values", JSON.writeValueAsString(values))
                .param("actor", actorId)
                .param("actorName", actorName)
                .param("at", now.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    private static final String ENTRIES = """
             from register_entry e join resident r on r.id = e.resident_id
             where e.register_type_id = :type and r.grid_code like :prefix || '%'
               and (cast(:entry as bigint) is null or e.id = :entry)
               and (cast(:resident as bigint) is null or e.resident_id = :resident)
            """;

    /** Entries of one register, optionally only one entry or one person's, newest first. */
    List<RegisterEntryView> entries(long type, Long entry, Long resident, String prefix, PageQuery page) {
        return jdbc.sql("select e.id, e.register_type_id, e.resident_id, r.name, r.grid_code, e.field_values,"
                        + " e.actor_name, e.created_at" + ENTRIES + " order by e.id desc limit :limit offset :offset")
                .param("type", type)
                .param("entry", entry)
                .param("resident", resident)
                .param("prefix", prefix)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new RegisterEntryView(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        JSON.readValue(rs.getString(6), VALUES),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }

    long countEntries(long type, Long resident, String prefix) {
        return jdbc.sql("select count(*)" + ENTRIES)
                .param("type", type)
                .param("entry", null)
                .param("resident", resident)
                .param("prefix", prefix)
                .query(Long.class)
                .single();
    }

    private static RegisterType type(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new RegisterType(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                JSON.readValue(rs.getString(4), FIELDS),
                rs.getString(5),
                rs.getTimestamp(6).toInstant());
    }
}
