package org.gridgov.field.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.gridgov.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The purge of old tracks by the clock: a patrol's points go once it started longer ago than the retention (12
 * months), the patrol and its figures stay, and a track within the retention is kept.
 */
@SpringBootTest
@Import(MovableClock.Config.class)
class TrackPurgeTests {

    @Autowired
    TrackPurge purge;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    private long patrol(Instant started) {
        long id = jdbc.sql("""
                        insert into patrol (county_code, request_id, user_id, worker_name, grid_code, status,
                                            started_at, stopped_at, distance_m)
                        values ('421381', :request, -1, '清理测试', '421381101001101', 'STOPPED', :at, :at, 42)
                        returning id""")
                .param("request", "purge-" + started.toEpochMilli())
                .param("at", java.sql.Timestamp.from(started))
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into track_point (county_code, patrol_id, seq, recorded_at, lon7, lat7, accuracy, flag)
                        select '421381', :id, s, :at, 1138000000, 316000000, 5, 0 from generate_series(0, 9) s""")
                .param("id", id)
                .param("at", java.sql.Timestamp.from(started))
                .update();
        return id;
    }

    private long points(long patrol) {
        return jdbc.sql("select count(*) from track_point where county_code = '421381' and patrol_id = :id")
                .param("id", patrol)
                .query(Long.class)
                .single();
    }

    @Test
    void tracksOlderThanTheRetentionArePurgedAndThePatrolStays() {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        clock.set(now);
        long old = patrol(now.minus(Duration.ofDays(370)));
        long recent = patrol(now.minus(Duration.ofDays(300)));

        assertThat(purge.purge()).isGreaterThanOrEqualTo(10);
        assertThat(points(old)).isZero();
        assertThat(points(recent)).isEqualTo(10);
        assertThat(jdbc.sql("select distance_m from patrol where county_code = '421381' and id = :id")
                        .param("id", old)
                        .query(Double.class)
                        .single())
                .isEqualTo(42.0);
        // Run again: nothing left to do.
        assertThat(purge.purge()).isZero();

        clock.advance(Duration.ofDays(70));
        purge.purge();
        assertThat(points(recent)).isZero();
    }

    /** The other tests of this context, and its schedules, go on at the real time. */
    @org.junit.jupiter.api.AfterEach
    void backToNow() {
        clock.set(Instant.now());
    }
}
