package org.gridgov.event.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.gridgov.common.ScopedData;
import org.gridgov.event.EventStatus;
import org.gridgov.event.Step;
import org.gridgov.event.TimeUnitKind;
import org.gridgov.event.Urgency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deadlines whose count ran through a year the working calendar lacked, found and counted again for the whole
 * deployment once the year is entered (no caller's scope: the calendar is the deployment's).
 */
@Repository
@ScopedData(tables = {"event", "delay_request"})
class ProvisionalDeadlineRepository {

    private final JdbcClient jdbc;

    ProvisionalDeadlineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An open event whose running step has a provisional deadline. */
    record Provisional(
            long id,
            String categoryCode,
            Urgency urgency,
            EventStatus status,
            String holderOrg,
            Step step,
            Instant stepStartedAt,
            Instant deadlineAt,
            int version) {}

    /** An approved delay of a step run, in the order it was granted. */
    record Extension(int amount, TimeUnitKind unit) {}

    /** Up to {@code limit} open events with a provisional deadline, by id after {@code afterId}. */
    List<Provisional> after(long afterId, int limit) {
        return jdbc.sql("""
                        select id, category_code, urgency, status, holder_org, step, step_started_at, deadline_at,
                            version
                        from event
                        where deadline_provisional and id > :after and deadline_at is not null
                          and step is not null and step_started_at is not null
                          and status in ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'CLAIMED', 'FEEDBACK')
                        order by id limit :limit""")
                .param("after", afterId)
                .param("limit", limit)
                .query(ProvisionalDeadlineRepository::row)
                .list();
    }

    /** The delays approved for one run of an event's step, oldest first. */
    List<Extension> extensions(long eventId, Instant stepStartedAt) {
        return jdbc.sql("""
                        select extra_amount, unit from delay_request
                        where event_id = :event and step_started_at = :started and status = 'APPROVED'
                        order by decided_at, id""")
                .param("event", eventId)
                .param("started", Timestamp.from(stepStartedAt))
                .query((rs, n) -> new Extension(rs.getInt("extra_amount"), TimeUnitKind.valueOf(rs.getString("unit"))))
                .list();
    }

    /**
     * Stores the deadline counted again, if the event is still at the version and step run it was read at; the
     * version moves only when the deadline itself does.
     */
    boolean recount(Provisional e, Instant deadline, boolean provisional) {
        return jdbc.sql("""
                                update event set deadline_at = :deadline, deadline_provisional = :provisional,
                                    version = version + case when deadline_at = :deadline then 0 else 1 end
                                where id = :id and version = :version and step_started_at = :started""")
                        .param("deadline", Timestamp.from(deadline))
                        .param("provisional", provisional)
                        .param("id", e.id())
                        .param("version", e.version())
                        .param("started", Timestamp.from(e.stepStartedAt()))
                        .update()
                == 1;
    }

    private static Provisional row(ResultSet rs, int n) throws SQLException {
        return new Provisional(
                rs.getLong("id"),
                rs.getString("category_code"),
                Urgency.valueOf(rs.getString("urgency")),
                EventStatus.valueOf(rs.getString("status")),
                rs.getString("holder_org"),
                Step.valueOf(rs.getString("step")),
                rs.getTimestamp("step_started_at").toInstant(),
                rs.getTimestamp("deadline_at").toInstant(),
                rs.getInt("version"));
    }
}
