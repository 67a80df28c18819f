package org.gridgov.event.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.gridgov.event.DeadlineCardRaised.Card;
import org.gridgov.event.EventStatus;
import org.gridgov.event.Step;
import org.gridgov.event.TimeUnitKind;
import org.gridgov.event.Urgency;
import org.gridgov.event.internal.DelayDesk.DelayRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deadline data: yellow moments, the cards the deadline scan raises, system escalations and delay requests. The scan
 * statements cover the whole deployment on purpose (no caller); delay requests bind the caller's scope.
 */
@Repository
@ScopedData(tables = {"event", "deadline_card", "delay_request", "auto_escalation_rule"})
class DeadlineRepository {

    /** The statuses in which a step runs against a deadline; the same list as the partial indexes of V7. */
    private static final String OPEN = "('REPORTED', 'ACCEPTED', 'DISPATCHED', 'CLAIMED', 'FEEDBACK')";

    private final JdbcClient jdbc;

    DeadlineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An open event whose yellow moment is still to be computed. */
    record YellowPending(
            long id, String categoryCode, Urgency urgency, Step step, Instant stepStartedAt, Instant deadlineAt) {}

    /** Up to {@code limit} open events without a yellow moment, by id after {@code afterId}. */
    List<YellowPending> yellowPending(long afterId, int limit) {
        return jdbc.sql("""
                        select id, category_code, urgency, step, step_started_at, deadline_at from event
                        where yellow_at is null and deadline_at is not null and status in %s
                          and step is not null and step_started_at is not null and id > :after
                        order by id limit :limit""".formatted(OPEN))
                .param("after", afterId)
                .param("limit", limit)
                .query((rs, n) -> new YellowPending(
                        rs.getLong("id"),
                        rs.getString("category_code"),
                        Urgency.valueOf(rs.getString("urgency")),
                        Step.valueOf(rs.getString("step")),
                        instant(rs, "step_started_at"),
                        instant(rs, "deadline_at")))
                .list();
    }

    /**
     * Stores a yellow moment unless the step or its deadline changed since it was read. The version stays, since a
     * derived value changes nothing a caller could have seen.
     */
    boolean setYellowAt(YellowPending row, Instant yellowAt) {
        return jdbc.sql("""
                                update event set yellow_at = :yellow
                                where id = :id and step_started_at = :started and deadline_at = :deadline""")
                        .param("yellow", ts(yellowAt))
                        .param("id", row.id())
                        .param("started", ts(row.stepStartedAt()))
                        .param("deadline", ts(row.deadlineAt()))
                        .update()
                == 1;
    }

    /** A card a scan raised, as its row keeps it. */
    record RaisedCard(
            long id, long eventId, Step step, Instant stepStartedAt, Instant deadlineAt, Card card, String holderOrg) {}

    /**
     * Raises a RED card for every open event past its deadline that has none for this run of its step and deadline,
     * and answers the cards this call inserted. Rows go in by event id so that two nodes scanning at once wait on
     * each other in the same order and never deadlock; the loser of each race inserts nothing.
     */
    List<RaisedCard> raiseRed(Instant now) {
        return raise(Card.RED, "e.deadline_at < :now", now);
    }

    /** As {@link #raiseRed}, a YELLOW card for every open event past its yellow moment but not yet overdue. */
    List<RaisedCard> raiseYellow(Instant now) {
        return raise(Card.YELLOW, "e.yellow_at <= :now and e.yellow_at < e.deadline_at and e.deadline_at >= :now", now);
    }

    private List<RaisedCard> raise(Card card, String due, Instant now) {
        // Only two fixed conditions are spliced in; every value is a bind parameter.
        return jdbc.sql("""
                        insert into deadline_card (event_id, step, step_started_at, deadline_at, card, holder_org,
                            raised_at)
                        select e.id, e.step, e.step_started_at, e.deadline_at, :card, e.holder_org, :now
                        from event e
                        where e.status in %s and e.step is not null and e.step_started_at is not null and %s
                          and not exists (select 1 from deadline_card c where c.event_id = e.id
                              and c.step_started_at = e.step_started_at and c.deadline_at = e.deadline_at
                              and c.card = :card)
                        order by e.id
                        on conflict do nothing
                        returning id, event_id, step, step_started_at, deadline_at, card, holder_org""".formatted(OPEN, due))
                .param("card", card.name())
                .param("now", ts(now))
                .query((rs, n) -> new RaisedCard(
                        rs.getLong("id"),
                        rs.getLong("event_id"),
                        Step.valueOf(rs.getString("step")),
                        instant(rs, "step_started_at"),
                        instant(rs, "deadline_at"),
                        Card.valueOf(rs.getString("card")),
                        rs.getString("holder_org")))
                .list();
    }

    /** What publishing a card and escalating need of its event, read after the card went in. */
    record CardEvent(
            long id,
            String serialNumber,
            String gridCode,
            String categoryCode,
            String majorCode,
            Urgency urgency,
            EventStatus status,
            String holderOrg,
            String dispatcherOrg,
            Step step,
            Instant stepStartedAt,
            Instant deadlineAt,
            Instant reportedAt,
            int version) {}

    List<CardEvent> cardEvents(Collection<Long> ids) {
        return jdbc.sql("""
                        select id, serial_number, grid_code, category_code, major_code, urgency, status, holder_org,
                            dispatcher_org, step, step_started_at, deadline_at, reported_at, version
                        from event where id = any(:ids) order by id""")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> {
                    var step = rs.getString("step");
                    return new CardEvent(
                            rs.getLong("id"),
                            rs.getString("serial_number"),
                            rs.getString("grid_code"),
                            rs.getString("category_code"),
                            rs.getString("major_code"),
                            Urgency.valueOf(rs.getString("urgency")),
                            EventStatus.valueOf(rs.getString("status")),
                            rs.getString("holder_org"),
                            rs.getString("dispatcher_org"),
                            step == null ? null : Step.valueOf(step),
                            instant(rs, "step_started_at"),
                            instant(rs, "deadline_at"),
                            instant(rs, "reported_at"),
                            rs.getInt("version"));
                })
                .list();
    }

    /**
     * Moves an event to another holder as a new step, if nobody moved it since it was read (optimistic version);
     * false when someone did.
     */
    boolean moveToHolder(
            CardEvent e,
            EventStatus to,
            String holder,
            Step step,
            Instant stepStartedAt,
            WorkingCalendar.Due deadline) {
        return jdbc.sql("""
                                update event set status = :to, holder_org = :holder, step = :step,
                                    step_started_at = :started, deadline_at = :deadline,
                                    deadline_provisional = :provisional, version = version + 1
                                where id = :id and version = :version and status = :from""")
                        .param("to", to.name())
                        .param("holder", holder)
                        .param("step", step.name())
                        .param("started", ts(stepStartedAt))
                        .param("deadline", ts(deadline.at()))
                        .param("provisional", deadline.provisional())
                        .param("id", e.id())
                        .param("version", e.version())
                        .param("from", e.status().name())
                        .update()
                == 1;
    }

    /**
     * Sets the supervision level of an event if nobody moved it since it was read (optimistic version); false when
     * someone did. Status, holder and the running step stay.
     */
    boolean supervise(CardEvent e, String level) {
        return jdbc.sql("""
                                update event set supervision = :level, version = version + 1
                                where id = :id and version = :version and status = :status""")
                        .param("level", level)
                        .param("id", e.id())
                        .param("version", e.version())
                        .param("status", e.status().name())
                        .update()
                == 1;
    }

    /** How far automatic escalation reaches for a category and urgency; see {@code V23__event_loop_rules.sql}. */
    record EscalationReach(String escalateUpTo, boolean superviseAssignee) {}

    /** The rule of the category itself, else of its major; empty when neither has one. */
    Optional<EscalationReach> escalationReach(String categoryCode, String majorCode, Urgency urgency) {
        return jdbc.sql("""
                        select escalate_up_to, supervise_assignee from auto_escalation_rule
                        where urgency = :urgency and category_code in (:category, :major)
                        order by case when category_code = :category then 0 else 1 end limit 1""")
                .param("urgency", urgency.name())
                .param("category", categoryCode)
                .param("major", majorCode)
                .query((rs, n) ->
                        new EscalationReach(rs.getString("escalate_up_to"), rs.getBoolean("supervise_assignee")))
                .optional();
    }

    /** Extends the running step's deadline if the event is still at the version and step run it was read at. */
    boolean extendDeadline(long eventId, int version, Instant stepStartedAt, Instant deadline, boolean provisional) {
        return jdbc.sql("""
                                update event set deadline_at = :deadline, deadline_provisional = :provisional,
                                    version = version + 1
                                where id = :id and version = :version and step_started_at = :started""")
                        .param("deadline", ts(deadline))
                        .param("provisional", provisional)
                        .param("id", eventId)
                        .param("version", version)
                        .param("started", ts(stepStartedAt))
                        .update()
                == 1;
    }

    /** A new delay request, before it has an id. */
    record NewDelayRequest(
            long eventId,
            Step step,
            Instant stepStartedAt,
            long requestedBy,
            String requesterName,
            String requesterOrg,
            String reason,
            int extraAmount,
            TimeUnitKind unit,
            Instant requestedAt) {}

    /** Inserts a pending request; empty when one is already pending for the same run of the step. */
    Optional<Long> insertRequest(NewDelayRequest r) {
        return jdbc.sql("""
                        insert into delay_request (event_id, step, step_started_at, requested_by, requester_name,
                            requester_org, reason, extra_amount, unit, status, requested_at)
                        values (:event, :step, :started, :by, :name, :org, :reason, :amount, :unit, 'PENDING', :at)
                        on conflict (event_id, step_started_at) where status = 'PENDING' do nothing
                        returning id""")
                .param("event", r.eventId())
                .param("step", r.step().name())
                .param("started", ts(r.stepStartedAt()))
                .param("by", r.requestedBy())
                .param("name", r.requesterName())
                .param("org", r.requesterOrg())
                .param("reason", r.reason())
                .param("amount", r.extraAmount())
                .param("unit", r.unit().name())
                .param("at", ts(r.requestedAt()))
                .query(Long.class)
                .optional();
    }

    private static final String REQUEST_COLUMNS = """
            r.id, r.event_id, r.step, r.step_started_at, r.requested_by, r.requester_name, r.requester_org, r.reason,
            r.extra_amount, r.unit, r.status, r.decided_by, r.decider_name, r.decision_note, r.decided_at,
            r.new_deadline_at, r.requested_at""";

    /** The event of the request must be one the caller may see, as {@link EventRepository#find} checks it. */
    private static final String IN_SCOPE =
            "exists (select 1 from event e where e.id = r.event_id and " + EventRepository.VISIBLE + ")";

    Optional<DelayRequest> findRequest(long id, EventRepository.Visibility visibility) {
        return EventRepository.bindVisibility(
                        jdbc.sql(
                                "select " + REQUEST_COLUMNS + " from delay_request r where r.id = :id and " + IN_SCOPE),
                        visibility)
                .param("id", id)
                .query(DeadlineRepository::request)
                .optional();
    }

    /** The requests of an event, newest first. */
    List<DelayRequest> requests(long eventId, EventRepository.Visibility visibility, PageQuery page) {
        return EventRepository.bindVisibility(
                        jdbc.sql("select " + REQUEST_COLUMNS + " from delay_request r where r.event_id = :event and "
                                + IN_SCOPE + " order by r.id desc limit :limit offset :offset"),
                        visibility)
                .param("event", eventId)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(DeadlineRepository::request)
                .list();
    }

    long countRequests(long eventId, EventRepository.Visibility visibility) {
        return EventRepository.bindVisibility(
                        jdbc.sql("select count(*) from delay_request r where r.event_id = :event and " + IN_SCOPE),
                        visibility)
                .param("event", eventId)
                .query(Long.class)
                .single();
    }

    /** Decides a pending request, naming the decider as people know them; false when it was decided meanwhile. */
    boolean decide(
            long id, String status, EventRepository.Actor decider, String note, Instant at, Instant newDeadline) {
        return jdbc.sql("""
                                update delay_request set status = :status, decided_by = :by, decider_name = :name,
                                    decision_note = :note, decided_at = :at, new_deadline_at = :deadline
                                where id = :id and status = 'PENDING'""")
                        .param("status", status)
                        .param("by", decider.id())
                        .param("name", decider.realName() != null ? decider.realName() : decider.name())
                        .param("note", note)
                        .param("at", ts(at))
                        .param("deadline", ts(newDeadline))
                        .param("id", id)
                        .update()
                == 1;
    }

    private static DelayRequest request(ResultSet rs, int n) throws SQLException {
        return new DelayRequest(
                rs.getLong("id"),
                rs.getLong("event_id"),
                Step.valueOf(rs.getString("step")),
                instant(rs, "step_started_at"),
                rs.getString("requester_name"),
                rs.getString("requester_org"),
                null,
                rs.getString("reason"),
                rs.getInt("extra_amount"),
                TimeUnitKind.valueOf(rs.getString("unit")),
                rs.getString("status"),
                rs.getString("decider_name"),
                rs.getString("decision_note"),
                instant(rs, "decided_at"),
                instant(rs, "new_deadline_at"),
                instant(rs, "requested_at"));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
