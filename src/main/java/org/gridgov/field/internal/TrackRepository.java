package org.gridgov.field.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gridgov.common.BatchInsert;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.gridgov.field.PatrolTrack;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The track points of patrols: positions stored as degrees × 10⁷ in integers, read back in sequence order. Callers
 * have checked the patrol against the caller's scope.
 */
@Repository
@ScopedData(tables = {"track_point"})
class TrackRepository {

    private static final double E7 = 10_000_000d;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    TrackRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** A point with the flag the walk gave it. */
    record Stored(TrackWalk.Step step, short flag) {}

    /** The sequence numbers among {@code [from, to]} a patrol has already. */
    Set<Integer> stored(String county, long patrolId, int from, int to) {
        return new TreeSet<>(jdbc.sql("""
                        select seq from track_point
                         where county_code = :county and patrol_id = :patrol and seq between :first and :last""")
                .param("county", county)
                .param("patrol", patrolId)
                .param("first", from)
                .param("last", to)
                .query(Integer.class)
                .list());
    }

    /** Inserts points as one batch; a point stored already is left as it is. Answers how many went in. */
    int insert(String county, long patrolId, List<Stored> points) {
        int[] counts = BatchInsert.insertKeyed(
                named,
                """
                insert into track_point (county_code, patrol_id, seq, recorded_at, lon7, lat7, accuracy, flag)
                values (:county, :patrol, :seq, :at, :lon7, :lat7, :accuracy, :flag) on conflict do nothing""",
                points,
                p -> new MapSqlParameterSource()
                        .addValue("county", county)
                        .addValue("patrol", patrolId)
                        .addValue("seq", p.step().seq())
                        .addValue("at", Timestamp.from(p.step().at()))
                        .addValue("lon7", (int) Math.round(p.step().lon() * E7))
                        .addValue("lat7", (int) Math.round(p.step().lat() * E7))
                        .addValue("accuracy", (short)
                                Math.min(Short.MAX_VALUE, p.step().accuracy()))
                        .addValue("flag", p.flag()));
        int added = 0;
        for (int c : counts) {
            // The driver may answer SUCCESS_NO_INFO (-2) for a batched row; the row then went in.
            added += c == 0 ? 0 : 1;
        }
        return added;
    }

    /** All points of a patrol in sequence order, for the walk at its stop. */
    List<Stored> all(String county, long patrolId) {
        return jdbc.sql("""
                        select seq, recorded_at, lon7, lat7, accuracy, flag from track_point
                         where county_code = :county and patrol_id = :patrol order by seq""")
                .param("county", county)
                .param("patrol", patrolId)
                .query((rs, n) -> new Stored(
                        new TrackWalk.Step(
                                rs.getInt(1),
                                rs.getTimestamp(2).toInstant(),
                                rs.getInt(3) / E7,
                                rs.getInt(4) / E7,
                                rs.getInt(5)),
                        rs.getShort(6)))
                .list();
    }

    /** The flags the walk at the stop changed. */
    void reflag(String county, long patrolId, List<Stored> changed) {
        if (changed.isEmpty()) {
            return;
        }
        named.batchUpdate(
                "update track_point set flag = :flag where county_code = :county and patrol_id = :patrol and seq = :seq",
                changed.stream()
                        .map(p -> new MapSqlParameterSource()
                                .addValue("flag", p.flag())
                                .addValue("county", county)
                                .addValue("patrol", patrolId)
                                .addValue("seq", p.step().seq()))
                        .toArray(MapSqlParameterSource[]::new));
    }

    List<PatrolTrack.Point> page(String county, long patrolId, PageQuery page) {
        return jdbc.sql("""
                        select seq, recorded_at, lon7, lat7, accuracy, flag from track_point
                         where county_code = :county and patrol_id = :patrol
                         order by seq limit :size offset :offset""")
                .param("county", county)
                .param("patrol", patrolId)
                .param("size", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new PatrolTrack.Point(
                        rs.getInt(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getInt(3) / E7,
                        rs.getInt(4) / E7,
                        rs.getInt(5),
                        rs.getShort(6) == TrackWalk.COUNTED))
                .list();
    }

    long count(String county, long patrolId) {
        return jdbc.sql("select count(*) from track_point where county_code = :county and patrol_id = :patrol")
                .param("county", county)
                .param("patrol", patrolId)
                .query(Long.class)
                .single();
    }

    int purge(String county, long patrolId) {
        return jdbc.sql("delete from track_point where county_code = :county and patrol_id = :patrol")
                .param("county", county)
                .param("patrol", patrolId)
                .update();
    }
}
