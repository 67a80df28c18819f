package org.gridgov.field.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.common.DataScope;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.gridgov.field.Patrol;
import org.gridgov.field.PatrolFigures;
import org.gridgov.field.PatrolMove;
import org.gridgov.field.PatrolStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Patrols, their moves and the events linked to them. Every query names the county (docs/SCALE.md). */
@Repository
@ScopedData(tables = {"patrol", "patrol_step", "patrol_event", "patrol_visit"})
class PatrolRepository {

    private static final String COLUMNS = """
            county_code, id, request_id, user_id, worker_name, grid_code, status, started_at, paused_at, stopped_at,
            paused_ms, distance_m, coverage, point_count, max_seq, tip_seq, tip_at, tip_lon, tip_lat""";

    private final JdbcClient jdbc;

    PatrolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a started patrol; empty when the worker's request id started one already. */
    Optional<Long> insert(String county, String requestId, long userId, String workerName, String grid, Instant at) {
        return jdbc.sql("""
                        insert into patrol (county_code, request_id, user_id, worker_name, grid_code, status, started_at)
                        values (:county, :requestId, :userId, :name, :grid, 'RUNNING', :at)
                        on conflict (county_code, user_id, request_id) do nothing
                        returning id""")
                .param("county", county)
                .param("requestId", requestId)
                .param("userId", userId)
                .param("name", workerName)
                .param("grid", grid)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .optional();
    }

    Optional<PatrolRow> byRequest(String county, long userId, String requestId) {
        return jdbc.sql("select " + COLUMNS
                        + " from patrol where county_code = :county and user_id = :userId and request_id = :requestId")
                .param("county", county)
                .param("userId", userId)
                .param("requestId", requestId)
                .query(PatrolRepository::row)
                .optional();
    }

    /** A worker's own patrol, locked for a move or an upload: the uploads of one patrol queue up here. */
    Optional<PatrolRow> lockOwn(String county, long id, long userId) {
        return own(county, id, userId, " for update");
    }

    Optional<PatrolRow> own(String county, long id, long userId) {
        return own(county, id, userId, "");
    }

    private Optional<PatrolRow> own(String county, long id, long userId, String lock) {
        return jdbc.sql("select " + COLUMNS
                        + " from patrol where county_code = :county and id = :id and user_id = :userId" + lock)
                .param("county", county)
                .param("id", id)
                .param("userId", userId)
                .query(PatrolRepository::row)
                .optional();
    }

    /** A worker's open (running or paused) patrol. */
    Optional<PatrolRow> open(String county, long userId) {
        return jdbc.sql("select " + COLUMNS
                        + " from patrol where county_code = :county and user_id = :userId and status <> 'STOPPED'")
                .param("county", county)
                .param("userId", userId)
                .query(PatrolRepository::row)
                .optional();
    }

    /** A patrol in a grid of the caller's scope; the county bound when the scope lies in one. */
    Optional<PatrolRow> inScope(String county, long id, DataScope scope) {
        return jdbc.sql("select " + COLUMNS + """
                         from patrol
                        where (cast(:county as text) is null or county_code = :county) and id = :id
                          and grid_code like :prefix || '%' and """ + DataScope.inGrids("grid_code"))
                .param("county", county)
                .param("id", id)
                .param("prefix", scope.prefix())
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .query(PatrolRepository::row)
                .optional();
    }

    /** Writes back what a move or an upload changed. */
    void save(PatrolRow p) {
        jdbc.sql("""
                        update patrol set status = :status, paused_at = :pausedAt, stopped_at = :stoppedAt,
                               paused_ms = :pausedMs, distance_m = :distance, coverage = :coverage,
                               point_count = :points, max_seq = :maxSeq, tip_seq = :tipSeq, tip_at = :tipAt,
                               tip_lon = :tipLon, tip_lat = :tipLat
                         where county_code = :county and id = :id""")
                .param("status", p.status().name())
                .param("pausedAt", timestamp(p.pausedAt()))
                .param("stoppedAt", timestamp(p.stoppedAt()))
                .param("pausedMs", p.pausedMs())
                .param("distance", p.distanceMetres())
                .param("coverage", p.coverage())
                .param("points", p.pointCount())
                .param("maxSeq", p.maxSeq())
                .param("tipSeq", p.tipSeq())
                .param("tipAt", timestamp(p.tipAt()))
                .param("tipLon", p.tipLon())
                .param("tipLat", p.tipLat())
                .param("county", p.countyCode())
                .param("id", p.id())
                .update();
    }

    void appendStep(String county, long patrolId, PatrolMove move, Instant at) {
        jdbc.sql("""
                        insert into patrol_step (county_code, patrol_id, step_no, move, at)
                        select :county, :id, coalesce(max(step_no), 0) + 1, :move, :at
                          from patrol_step where county_code = :county and patrol_id = :id""")
                .param("county", county)
                .param("id", patrolId)
                .param("move", move.name())
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The pauses of a patrol: each PAUSE up to the next RESUME or STOP, the last one open while it lasts. */
    List<TrackWalk.Span> pauses(String county, long patrolId) {
        var steps = jdbc.sql("""
                        select move, at from patrol_step where county_code = :county and patrol_id = :id
                         order by step_no""")
                .param("county", county)
                .param("id", patrolId)
                .query((rs, n) ->
                        new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant()})
                .list();
        var spans = new ArrayList<TrackWalk.Span>();
        Instant pausedAt = null;
        for (var step : steps) {
            if ("PAUSE".equals(step[0])) {
                pausedAt = (Instant) step[1];
            } else if (pausedAt != null) {
                spans.add(new TrackWalk.Span(pausedAt, (Instant) step[1]));
                pausedAt = null;
            }
        }
        if (pausedAt != null) {
            spans.add(new TrackWalk.Span(pausedAt, null));
        }
        return spans;
    }

    /** The worker's patrol that ran at an instant, to link what they reported then. */
    Optional<Long> runningAt(String county, long userId, Instant at) {
        return jdbc.sql("""
                        select id from patrol
                         where county_code = :county and user_id = :userId and started_at <= :at
                           and (stopped_at is null or stopped_at >= :at)
                         order by started_at desc limit 1""")
                .param("county", county)
                .param("userId", userId)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .optional();
    }

    void linkEvent(String county, long patrolId, long eventId, String serial, String title, Instant at) {
        jdbc.sql("""
                        insert into patrol_event (county_code, patrol_id, event_id, serial_number, title, reported_at)
                        values (:county, :patrol, :event, :serial, :title, :at) on conflict do nothing""")
                .param("county", county)
                .param("patrol", patrolId)
                .param("event", eventId)
                .param("serial", serial)
                .param("title", title)
                .param("at", Timestamp.from(at))
                .update();
    }

    List<Patrol.LinkedEvent> events(String county, long patrolId) {
        return jdbc.sql("""
                        select event_id, serial_number, title, reported_at from patrol_event
                         where county_code = :county and patrol_id = :id order by reported_at, event_id""")
                .param("county", county)
                .param("id", patrolId)
                .query((rs, n) -> new Patrol.LinkedEvent(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    void linkVisit(String county, long patrolId, long visitId, String subjectName, Instant at) {
        jdbc.sql("""
                        insert into patrol_visit (county_code, patrol_id, visit_id, subject_name, visited_at)
                        values (:county, :patrol, :visit, :name, :at) on conflict do nothing""")
                .param("county", county)
                .param("patrol", patrolId)
                .param("visit", visitId)
                .param("name", subjectName)
                .param("at", Timestamp.from(at))
                .update();
    }

    List<Patrol.LinkedVisit> visits(String county, long patrolId) {
        return jdbc.sql("""
                        select visit_id, subject_name, visited_at from patrol_visit
                         where county_code = :county and patrol_id = :id order by visited_at, visit_id""")
                .param("county", county)
                .param("id", patrolId)
                .query((rs, n) -> new Patrol.LinkedVisit(
                        rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** What a list of patrols is filtered by: a region or grid (a prefix), a worker, a span of start times. */
    record Filter(String county, String prefix, Long userId, Instant from, Instant to) {}

    private static final String FILTER = """
             from patrol
            where (cast(:county as text) is null or county_code = :county)
              and grid_code like :prefix || '%' and grid_code like :scopePrefix || '%'
              and (cast(:userId as bigint) is null or user_id = :userId)
              and (cast(:from as timestamptz) is null or started_at >= :from)
              and (cast(:to as timestamptz) is null or started_at < :to)
              and """ + DataScope.inGrids("grid_code");

    List<PatrolRow> list(Filter f, DataScope scope, PageQuery page) {
        return bind(
                        jdbc.sql("select " + COLUMNS + FILTER
                                + " order by started_at desc, id desc limit :size offset :offset"),
                        f,
                        scope)
                .param("size", page.size())
                .param("offset", page.offset())
                .query(PatrolRepository::row)
                .list();
    }

    long count(Filter f, DataScope scope) {
        return bind(jdbc.sql("select count(*)" + FILTER), f, scope)
                .query(Long.class)
                .single();
    }

    /** Stopped patrols grouped by worker, grid or village, biggest distance first. */
    List<PatrolFigures> figures(PatrolFigures.By by, Filter f, DataScope scope, PageQuery page) {
        String key = switch (by) {
            case WORKER -> "cast(user_id as text)";
            case GRID -> "grid_code";
            case VILLAGE -> "left(grid_code, 12)";
        };
        String name = by == PatrolFigures.By.WORKER ? "max(worker_name) " : "null ";
        return bind(
                        jdbc.sql("select " + key + " as code, " + name + """
                                         as name, count(*), sum(distance_m) / 1000.0,
                                         sum(extract(epoch from (stopped_at - started_at)) - paused_ms / 1000.0) / 3600.0,
                                         avg(coverage)""" + FILTER
                                + " and status = 'STOPPED' group by 1 order by 4 desc, 1"
                                + " limit :size offset :offset"),
                        f,
                        scope)
                .param("size", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new PatrolFigures(
                        rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5), (Double)
                                rs.getObject(6)))
                .list();
    }

    long countFigures(PatrolFigures.By by, Filter f, DataScope scope) {
        String key = switch (by) {
            case WORKER -> "user_id";
            case GRID -> "grid_code";
            case VILLAGE -> "left(grid_code, 12)";
        };
        return bind(jdbc.sql("select count(distinct " + key + ")" + FILTER + " and status = 'STOPPED'"), f, scope)
                .query(Long.class)
                .single();
    }

    /** Stopped patrols whose track was not purged yet and started before an instant, a batch at a time. */
    List<Object[]> withTrackBefore(Instant before, int limit) {
        return jdbc.sql("""
                        select county_code, id from patrol
                         where track_purged_at is null and started_at < :before and status = 'STOPPED'
                         order by started_at limit :limit""")
                .param("before", Timestamp.from(before))
                .param("limit", limit)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)})
                .list();
    }

    void trackPurged(String county, long id, Instant at) {
        jdbc.sql("update patrol set track_purged_at = :at where county_code = :county and id = :id")
                .param("at", Timestamp.from(at))
                .param("county", county)
                .param("id", id)
                .update();
    }

    boolean any() {
        return jdbc.sql("select exists (select 1 from patrol)")
                .query(Boolean.class)
                .single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f, DataScope scope) {
        return spec.param("county", f.county())
                .param("prefix", f.prefix())
                .param("scopePrefix", scope.prefix())
                .param("userId", f.userId())
                .param("from", timestamp(f.from()))
                .param("to", timestamp(f.to()))
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns());
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static PatrolRow row(ResultSet rs, int n) throws SQLException {
        return new PatrolRow(
                rs.getString("county_code"),
                rs.getLong("id"),
                rs.getString("request_id"),
                rs.getLong("user_id"),
                rs.getString("worker_name"),
                rs.getString("grid_code"),
                PatrolStatus.valueOf(rs.getString("status")),
                instant(rs, "started_at"),
                instant(rs, "paused_at"),
                instant(rs, "stopped_at"),
                rs.getLong("paused_ms"),
                rs.getDouble("distance_m"),
                (Double) rs.getObject("coverage"),
                rs.getInt("point_count"),
                (Integer) rs.getObject("max_seq"),
                (Integer) rs.getObject("tip_seq"),
                instant(rs, "tip_at"),
                (Double) rs.getObject("tip_lon"),
                (Double) rs.getObject("tip_lat"));
    }
}
