package org.gridgov.registry.internal;

import static org.gridgov.common.LikePattern.like;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gridgov.common.BatchInsert;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Places (场所) of the grids; every read binds the caller's region prefix against the grid code. */
@Repository
@ScopedData(tables = {"place"})
class PlaceRepository {

    /** A place's own fields, the responsible person's phone sealed. */
    record PlaceFields(
            String gridCode,
            String name,
            String type,
            List<String> keyFlags,
            String address,
            String responsibleName,
            byte[] responsiblePhone,
            Double lon,
            Double lat) {}

    record PlaceRow(long id, PlaceFields fields, RecordState state) {}

    /** Every filter is optional; values are always bound. */
    record Filter(String prefix, String gridCode, String name, String type, String keyFlag, boolean includeRetired) {}

    private static final String COLUMNS = "id, grid_code, name, type, key_flags, address, responsible_name,"
            + " responsible_phone, lon, lat, " + RecordState.COLUMNS;

    private static final String WHERE = """
             where grid_code like :prefix || '%'
               and (cast(:grid as text) is null or grid_code like :grid || '%')
               and (cast(:name as text) is null or strpos(name, :name) > 0)
               and (cast(:type as text) is null or type = :type)
               and (cast(:flag as text) is null or key_flags @> array[cast(:flag as text)])
               and (:includeRetired or retired_at is null)
            """;

    private final JdbcClient jdbc;

    private final NamedParameterJdbcTemplate named;

    PlaceRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    long insert(PlaceFields p, Instant now) {
        return insertAll(List.of(p), now).getFirst();
    }

    /** Inserts places as one batch; their ids in the order given. */
    List<Long> insertAll(List<PlaceFields> places, Instant now) {
        return BatchInsert.insert(
                jdbc, named, "place", """
                insert into place (id, grid_code, name, type, key_flags, address, responsible_name,
                    responsible_phone, lon, lat, verified_at, created_at, updated_at)
                values (:id, :grid, :name, :type, :flags, :address, :responsible, :phone, :lon, :lat,
                    :at, :at, :at)""", places, p -> params(p).addValue("at", now.atOffset(ZoneOffset.UTC)));
    }

    boolean update(long id, PlaceFields p, int version, Instant now) {
        return jdbc.sql("""
                        update place set grid_code = :grid, name = :name, type = :type, key_flags = :flags,
                            address = :address, responsible_name = :responsible, responsible_phone = :phone,
                            lon = :lon, lat = :lat, verified_at = :at, updated_at = :at, version = version + 1
                        where id = :id and version = :version and retired_at is null""")
                        .paramSource(params(p)
                                .addValue("id", id)
                                .addValue("version", version)
                                .addValue("at", now.atOffset(ZoneOffset.UTC)))
                        .update()
                == 1;
    }

    Optional<PlaceRow> find(long id, String prefix) {
        return jdbc.sql("select " + COLUMNS + " from place where id = :id and grid_code like :prefix || '%'")
                .param("id", id)
                .param("prefix", prefix)
                .query(PlaceRepository::map)
                .optional();
    }

    List<PlaceRow> search(Filter f, PageQuery page) {
        return bind(
                        jdbc.sql("select " + COLUMNS + " from place" + WHERE
                                + " order by id desc limit :limit offset :offset"),
                        f)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(PlaceRepository::map)
                .list();
    }

    /** Every record matching a filter, oldest first, read through a cursor so that any number fits in memory. */
    void forEach(Filter f, java.util.function.Consumer<PlaceRow> each) {
        bind(jdbc.sql("select " + COLUMNS + " from place" + WHERE + " order by id"), f)
                .withFetchSize(1000)
                .query(rs -> {
                    each.accept(map(rs, 0));
                });
    }

    long count(Filter f) {
        return bind(jdbc.sql("select count(*) from place" + WHERE), f)
                .query(Long.class)
                .single();
    }

    boolean anyPlace() {
        return jdbc.sql("select exists (select 1 from place)")
                .query(Boolean.class)
                .single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
        return spec.param("prefix", f.prefix())
                .param("grid", like(f.gridCode()))
                .param("name", f.name())
                .param("type", f.type())
                .param("flag", f.keyFlag())
                .param("includeRetired", f.includeRetired());
    }

    private static MapSqlParameterSource params(PlaceFields p) {
        return new MapSqlParameterSource()
                .addValue("grid", p.gridCode())
                .addValue("name", p.name())
                .addValue("type", p.type())
                .addValue("flags", p.keyFlags().toArray(String[]::new))
                .addValue("address", p.address())
                .addValue("responsible", p.responsibleName())
                .addValue("phone", p.responsiblePhone())
                .addValue("lon", p.lon())
                .addValue("lat", p.lat());
    }

    private static PlaceRow map(ResultSet rs, int n) throws SQLException {
        var flags = rs.getArray("key_flags");
        return new PlaceRow(
                rs.getLong("id"),
                new PlaceFields(
                        rs.getString("grid_code"),
                        rs.getString("name"),
                        rs.getString("type"),
                        flags == null ? List.of() : Arrays.asList((String[]) flags.getArray()),
                        rs.getString("address"),
                        rs.getString("responsible_name"),
                        rs.getBytes("responsible_phone"),
                        rs.getObject("lon", Double.class),
                        rs.getObject("lat", Double.class)),
                RecordState.of(rs));
    }
}
