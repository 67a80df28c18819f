package org.gridgov.field.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gridgov.common.DataScope;
import org.gridgov.common.ScopedData;
import org.gridgov.field.SignKind;
import org.gridgov.field.SignRecord;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sign-ins and sign-outs. A worker's own rows are read by account; anyone else's only through a scope, bound as the
 * region prefix and grids of the caller against the grid the row counts for, and the county whenever it is known.
 */
@Repository
@ScopedData(tables = {"field_sign"})
class SignRepository {

    private static final String COLUMNS = """
            id, user_id, worker_name, kind, day, at, received_at, lon, lat, accuracy, device, grid_code, located_grid_code, inside,
            request_id""";

    private static final String INSERT =
            "insert into field_sign (county_code, user_id, worker_name, kind, day, at, received_at, lon, lat, accuracy,"
                    + " device, grid_code, located_grid_code, inside, request_id) values (:county, :user, :name, :kind,"
                    + " :day, :at, :received, :lon, :lat, :accuracy, :device, :grid, :located, :inside, :request)";

    static final String IN_SCOPE = " and (cast(:county as text) is null or county_code = :county)"
            + " and grid_code like :prefix || '%' and " + DataScope.inGrids("grid_code");

    private static final RowMapper<SignRecord> RECORD = (rs, n) -> new SignRecord(
            rs.getLong("id"),
            rs.getLong("user_id"),
            rs.getString("worker_name"),
            SignKind.valueOf(rs.getString("kind")),
            rs.getObject("day", LocalDate.class),
            rs.getTimestamp("at").toInstant(),
            rs.getTimestamp("received_at").toInstant(),
            rs.getDouble("lon"),
            rs.getDouble("lat"),
            rs.getObject("accuracy") == null ? null : (double) rs.getFloat("accuracy"),
            rs.getString("device"),
            rs.getString("grid_code"),
            null,
            rs.getString("located_grid_code"),
            rs.getBoolean("inside"),
            rs.getString("request_id"));

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    SignRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** A row as it is inserted. */
    record NewSign(
            String county,
            long userId,
            String workerName,
            SignKind kind,
            Instant at,
            Instant receivedAt,
            LocalDate day,
            double lon,
            double lat,
            Double accuracy,
            String device,
            String gridCode,
            String locatedGridCode,
            boolean inside,
            String requestId) {}

    Optional<SignRecord> byRequest(String county, long userId, String requestId) {
        return jdbc.sql("select " + COLUMNS
                        + " from field_sign where county_code = :county and user_id = :user and request_id = :request")
                .param("county", county)
                .param("user", userId)
                .param("request", requestId)
                .query(RECORD)
                .optional();
    }

    /** Inserts the row unless the worker sent its request id before; empty then. */
    Optional<SignRecord> insert(NewSign sign) {
        return jdbc.sql(INSERT + " on conflict (county_code, user_id, request_id) do nothing returning " + COLUMNS)
                .paramSource(params(sign))
                .query(RECORD)
                .optional();
    }

    /** Inserts many rows as one batch (the demo's month). */
    void insertAll(List<NewSign> signs) {
        named.batchUpdate(INSERT, signs.stream().map(SignRepository::params).toArray(MapSqlParameterSource[]::new));
    }

    private static MapSqlParameterSource params(NewSign sign) {
        return new MapSqlParameterSource()
                .addValue("county", sign.county())
                .addValue("user", sign.userId())
                .addValue("name", sign.workerName())
                .addValue("kind", sign.kind().name())
                .addValue("day", Date.valueOf(sign.day()))
                .addValue("at", Timestamp.from(sign.at()))
                .addValue("received", Timestamp.from(sign.receivedAt()))
                .addValue("lon", sign.lon())
                .addValue("lat", sign.lat())
                .addValue("accuracy", sign.accuracy())
                .addValue("device", sign.device())
                .addValue("grid", sign.gridCode())
                .addValue("located", sign.locatedGridCode())
                .addValue("inside", sign.inside())
                .addValue("request", sign.requestId());
    }

    boolean any() {
        return jdbc.sql("select exists (select 1 from field_sign)")
                .query(Boolean.class)
                .single();
    }

    /** The worker's own records of a day, in order. */
    List<SignRecord> ownDay(String county, long userId, LocalDate day) {
        return jdbc.sql("select " + COLUMNS + " from field_sign"
                        + " where county_code = :county and user_id = :user and day = :day order by at, id")
                .param("county", county)
                .param("user", userId)
                .param("day", Date.valueOf(day))
                .query(RECORD)
                .list();
    }

    /** A worker's records of a day that count for grids in the caller's scope, in order. */
    List<SignRecord> day(long userId, LocalDate day, String county, String prefix, DataScope scope) {
        return jdbc.sql("select " + COLUMNS + " from field_sign where user_id = :user and day = :day" + IN_SCOPE
                        + " order by at, id")
                .param("user", userId)
                .param("day", Date.valueOf(day))
                .param("county", county)
                .param("prefix", prefix)
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .query(RECORD)
                .list();
    }

    /** A worker's day in a month's matrix: the first sign-in and the last sign-out, no points. */
    record DaySummary(
            long userId,
            LocalDate day,
            Instant firstIn,
            Boolean firstInInside,
            boolean anyInside,
            Instant lastOut,
            Boolean lastOutInside) {}

    List<DaySummary> summaries(
            Long[] users, LocalDate from, LocalDate to, String county, String prefix, DataScope scope) {
        return jdbc.sql("""
                        select user_id, day,
                          min(at) filter (where kind = 'IN') as first_in,
                          (array_agg(inside order by at) filter (where kind = 'IN'))[1] as first_in_inside,
                          coalesce(bool_or(inside) filter (where kind = 'IN'), false) as any_inside,
                          max(at) filter (where kind = 'OUT') as last_out,
                          (array_agg(inside order by at desc) filter (where kind = 'OUT'))[1] as last_out_inside
                        from field_sign
                        where user_id = any(:users) and day between :since and :until""" + IN_SCOPE + " group by user_id, day")
                .param("users", users)
                .param("since", Date.valueOf(from))
                .param("until", Date.valueOf(to))
                .param("county", county)
                .param("prefix", prefix)
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .query((rs, n) -> new DaySummary(
                        rs.getLong("user_id"),
                        rs.getObject("day", LocalDate.class),
                        instant(rs.getTimestamp("first_in")),
                        rs.getObject("first_in_inside", Boolean.class),
                        rs.getBoolean("any_inside"),
                        instant(rs.getTimestamp("last_out")),
                        rs.getObject("last_out_inside", Boolean.class)))
                .list();
    }

    /** A worker who made records in an area in a period, with the name and grid of their latest one. */
    record Seen(long userId, String workerName, String gridCode) {}

    List<Seen> workersIn(LocalDate from, LocalDate to, String county, String prefix, DataScope scope) {
        return jdbc.sql("select distinct on (user_id) user_id, worker_name, grid_code from field_sign"
                        + " where day between :since and :until" + IN_SCOPE + " order by user_id, at desc")
                .param("since", Date.valueOf(from))
                .param("until", Date.valueOf(to))
                .param("county", county)
                .param("prefix", prefix)
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .query((rs, n) ->
                        new Seen(rs.getLong("user_id"), rs.getString("worker_name"), rs.getString("grid_code")))
                .list();
    }

    /** Whether a worker has records counting for grids in the caller's scope. */
    boolean anyOf(long userId, String county, String prefix, DataScope scope) {
        return jdbc.sql("select exists (select 1 from field_sign where user_id = :user" + IN_SCOPE + ")")
                .param("user", userId)
                .param("county", county)
                .param("prefix", prefix)
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .query(Boolean.class)
                .single();
    }

    /** Sign-in days per subject: {@code key} is a column expression the caller picks from constants, never input. */
    List<FigureCount> signInDays(
            String key, LocalDate from, LocalDate to, String county, String prefix, DataScope scope) {
        return jdbc.sql("select " + key + " as key, max(worker_name) as name, count(distinct user_id) as workers,"
                        + " count(distinct (user_id, day)) as days from field_sign"
                        + " where kind = 'IN' and day between :since and :until" + IN_SCOPE + " group by 1")
                .param("since", Date.valueOf(from))
                .param("until", Date.valueOf(to))
                .param("county", county)
                .param("prefix", prefix)
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .query((rs, n) -> new FigureCount(
                        rs.getString("key"), rs.getString("name"), rs.getInt("workers"), rs.getInt("days")))
                .list();
    }

    /** Removes the records of days before {@code day}: the retention of personal data. */
    int purgeBefore(LocalDate day) {
        return jdbc.sql("delete from field_sign where day < :day")
                .param("day", Date.valueOf(day))
                .update();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
