package org.gridgov.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.gridgov.common.DataScope;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Places (场所) of the grids; every read binds the caller's region prefix against the grid code. */
@Repository
@ScopedData(tables = {"place"})
class PlaceRepository extends RecordTable<PlaceRepository.PlaceFields, PlaceRepository.Filter> {

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
            Double lat)
            implements RecordTable.InGrid {}

    /** Every filter is optional; values are always bound. */
    record Filter(DataScope scope, String gridCode, String name, String type, String keyFlag, boolean includeRetired)
            implements RecordTable.Filter {}

    private static final String COLUMNS = "id, grid_code, name, type, key_flags, address, responsible_name,"
            + " responsible_phone, lon, lat, " + RecordState.COLUMNS;

    private static final String CONDITIONS = """
               and (cast(:name as text) is null or strpos(name, :name) > 0)
               and (cast(:type as text) is null or type = :type)
               and (cast(:flag as text) is null or key_flags @> array[cast(:flag as text)])
            """;

    private static final String INSERT = """
            insert into place (id, grid_code, name, type, key_flags, address, responsible_name,
                responsible_phone, lon, lat, verified_at, created_at, updated_at)
            values (:id, :grid, :name, :type, :flags, :address, :responsible, :phone, :lon, :lat,
                :at, :at, :at)""";

    private static final String UPDATE = """
            update place set grid_code = :grid, name = :name, type = :type, key_flags = :flags,
                address = :address, responsible_name = :responsible, responsible_phone = :phone,
                lon = :lon, lat = :lat, verified_at = :at, updated_at = :at, version = version + 1
            where id = :id and version = :version and retired_at is null""";

    PlaceRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        super(jdbc, named, "place", COLUMNS, CONDITIONS, INSERT, UPDATE);
    }

    @Override
    JdbcClient.StatementSpec bindOwn(JdbcClient.StatementSpec spec, Filter f) {
        return spec.param("name", f.name()).param("type", f.type()).param("flag", f.keyFlag());
    }

    @Override
    MapSqlParameterSource params(PlaceFields p) {
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

    @Override
    PlaceFields fields(ResultSet rs) throws SQLException {
        var flags = rs.getArray("key_flags");
        return new PlaceFields(
                rs.getString("grid_code"),
                rs.getString("name"),
                rs.getString("type"),
                flags == null ? List.of() : Arrays.asList((String[]) flags.getArray()),
                rs.getString("address"),
                rs.getString("responsible_name"),
                rs.getBytes("responsible_phone"),
                rs.getObject("lon", Double.class),
                rs.getObject("lat", Double.class));
    }
}
