package org.gridgov.event.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.gridgov.event.EventStatus;
import org.gridgov.event.Step;
import org.gridgov.event.Urgency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Events, their history and case numbers. Every read binds the caller's {@link Visibility}: a grid-code prefix, and
 * the caller's grids, own reports or organization where their scope is narrower than a region.
 */
@Repository
@ScopedData(tables = {"event", "event_history", "event_merge", "event_copy", "deadline_card", "delay_request"})
class EventRepository {

    private static final String COLUMNS = """
            id, serial_number, request_id, title, description, category_code, category_name, major_code, major_name,
            catalog_version, urgency, lon, lat, address, grid_code, grid_version_id, source, reporter_user_id,
            reporter_name, reporter_phone, reporter_phone_hash, involved_count, status, suspended_from, holder_org,
            dispatcher_org, handler_org, step, step_started_at, deadline_at, deadline_provisional, supervision,
            satisfaction, result, handled_by, version, reported_at, closed_at""";

    /**
     * Which events a caller may see (see {@link EventScope}): those whose grid code starts with {@code prefix}, and
     * of those, with {@code grids} (patterns of a grid worker's grids) the ones in those grids or reported by
     * {@code user}; with {@code reporterOnly} only those that caller reported; with {@code organizationOnly} (a
     * department) only those the organization holds, handles, held or acted on, or was copied.
     */
    record Visibility(String prefix, String[] grids, Long reporterOnly, String organizationOnly, long user) {}

    /**
     * The condition of {@link Visibility} on a row of {@code event}, with unqualified columns so that it reads the
     * innermost {@code event} of any statement it is put in; bound by {@link #bindVisibility}.
     */
    static final String VISIBLE = """
            grid_code like :scope || '%'
            and (cast(:scopeGrids as text[]) is null or grid_code like any(cast(:scopeGrids as text[]))
                 or reporter_user_id = :scopeUser)
            and (cast(:reporter as bigint) is null or reporter_user_id = :reporter)
            and (cast(:scopeOrg as text) is null or holder_org = :scopeOrg or handler_org = :scopeOrg
                 or id in (select h.event_id from event_history h
                           where h.to_holder = :scopeOrg or h.actor_org = :scopeOrg)
                 or id in (select c.event_id from event_copy c where c.organization_code = :scopeOrg))
            """;

    static JdbcClient.StatementSpec bindVisibility(JdbcClient.StatementSpec spec, Visibility v) {
        return spec.param("scope", v.prefix())
                .param("scopeGrids", v.grids())
                .param("scopeUser", v.user())
                .param("reporter", v.reporterOnly())
                .param("scopeOrg", v.organizationOnly());
    }

    private final JdbcClient jdbc;

    EventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next case number of a county and year, safe under concurrent reports. */
    int nextSerial(String countyCode, int year) {
        return jdbc.sql("select event_next_serial(:county, :year)")
                .param("county", countyCode)
                .param("year", year)
                .query(Integer.class)
                .single();
    }

    /**
     * Open events of a category near a point and recent enough to be the same problem: a bounding box on the
     * indexed columns first, then the great-circle distance; only those the caller may see.
     */
    List<Event> nearby(
            Visibility visibility,
            String categoryCode,
            double lon,
            double lat,
            double radiusMetres,
            Instant since,
            long excludeId,
            int limit) {
        double dLat = radiusMetres / 111_320.0;
        double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(lat)));
        return bindVisibility(
                        jdbc.sql("select " + COLUMNS + " from event where " + VISIBLE
                                + " and category_code = :category and reported_at >= :since and id <> :exclude"
                                + " and status in ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'CLAIMED', 'FEEDBACK', 'SUSPENDED')"
                                + " and lon between :minLon and :maxLon and lat between :minLat and :maxLat"
                                + " and 6371000 * 2 * asin(sqrt(power(sin(radians(lat - :lat) / 2), 2)"
                                + " + cos(radians(:lat)) * cos(radians(lat)) * power(sin(radians(lon - :lon) / 2), 2)))"
                                + " <= :radius order by reported_at desc limit :limit"),
                        visibility)
                .param("category", categoryCode)
                .param("since", ts(since))
                .param("exclude", excludeId)
                .param("minLon", lon - dLon)
                .param("maxLon", lon + dLon)
                .param("minLat", lat - dLat)
                .param("maxLat", lat + dLat)
                .param("lat", lat)
                .param("lon", lon)
                .param("radius", radiusMetres)
                .param("limit", limit)
                .query(EventRepository::row)
                .list();
    }

    void recordMerge(long duplicateId, long originalId, Instant at, Long by) {
        jdbc.sql("insert into event_merge (duplicate_id, original_id, merged_at, merged_by)"
                        + " values (:duplicate, :original, :at, :by)")
                .param("duplicate", duplicateId)
                .param("original", originalId)
                .param("at", ts(at))
                .param("by", by)
                .update();
    }

    /** Reporters of the duplicates merged with this event, so that each is kept and can be called back. */
    List<String> mergedReporters(long originalId) {
        return jdbc.sql("select e.serial_number || ' ' || coalesce(e.reporter_name, '') from event_merge m"
                        + " join event e on e.id = m.duplicate_id where m.original_id = :original order by m.merged_at")
                .param("original", originalId)
                .query(String.class)
                .list();
    }

    boolean anyEvent() {
        return jdbc.sql("select exists (select 1 from event)")
                .query(Boolean.class)
                .single();
    }

    Optional<Event> findByRequestId(String requestId) {
        return jdbc.sql("select " + COLUMNS + " from event where request_id = :requestId")
                .param("requestId", requestId)
                .query(EventRepository::row)
                .optional();
    }

    /** An event the caller may see, or empty. */
    Optional<Event> find(long id, Visibility visibility) {
        return bindVisibility(jdbc.sql("select " + COLUMNS + " from event where id = :id and " + VISIBLE), visibility)
                .param("id", id)
                .query(EventRepository::row)
                .optional();
    }

    /**
     * Inserts a new event and answers its id; empty when an event with the same {@code requestId} went in first (two
     * sends of one report at once). The loser waits for the winner's transaction and then inserts nothing, without an
     * error that would abort its own transaction.
     */
    Optional<Long> insert(Event e) {
        return jdbc.sql("""
                        insert into event (serial_number, request_id, title, description, category_code,
                            category_name, major_code, major_name, catalog_version, urgency, lon, lat, address,
                            grid_code, grid_version_id, source, reporter_user_id, reporter_name, reporter_phone,
                            reporter_phone_hash, involved_count, status, holder_org, step, step_started_at,
                            deadline_at, deadline_provisional, reported_at)
                        values (:serial, :requestId, :title, :description, :categoryCode, :categoryName,
                            :majorCode, :majorName, :catalogVersion, :urgency, :lon, :lat, :address, :gridCode,
                            :gridVersionId, :source, :reporterUserId, :reporterName, :reporterPhone,
                            :reporterPhoneHash, :involvedCount, :status, :holderOrg, :step, :stepStartedAt,
                            :deadlineAt, :deadlineProvisional, :reportedAt)
                        on conflict (request_id) do nothing
                        returning id""")
                .param("serial", e.serialNumber)
                .param("requestId", e.requestId)
                .param("title", e.title)
                .param("description", e.description)
                .param("categoryCode", e.categoryCode)
                .param("categoryName", e.categoryName)
                .param("majorCode", e.majorCode)
                .param("majorName", e.majorName)
                .param("catalogVersion", e.catalogVersion)
                .param("urgency", e.urgency.name())
                .param("lon", e.lon, java.sql.Types.DOUBLE)
                .param("lat", e.lat, java.sql.Types.DOUBLE)
                .param("address", e.address)
                .param("gridCode", e.gridCode)
                .param("gridVersionId", e.gridVersionId)
                .param("source", e.source)
                .param("reporterUserId", e.reporterUserId)
                .param("reporterName", e.reporterName)
                .param("reporterPhone", e.reporterPhone)
                .param("reporterPhoneHash", e.reporterPhoneHash)
                .param("involvedCount", e.involvedCount)
                .param("status", e.status.name())
                .param("holderOrg", e.holderOrg)
                .param("step", e.step == null ? null : e.step.name())
                .param("stepStartedAt", ts(e.stepStartedAt))
                .param("deadlineAt", ts(e.deadlineAt))
                .param("deadlineProvisional", provisional(e))
                .param("reportedAt", ts(e.reportedAt))
                .query(Long.class)
                .optional();
    }

    /** Saves a moved event if nobody moved it since it was read; false when someone did (optimistic version). */
    boolean update(Event e, int expectedVersion) {
        return jdbc.sql("""
                        update event set status = :status, suspended_from = :suspendedFrom, holder_org = :holder,
                            dispatcher_org = :dispatcher, handler_org = :handler, step = :step,
                            step_started_at = :stepStartedAt, deadline_at = :deadlineAt,
                            deadline_provisional = :deadlineProvisional, supervision = :supervision,
                            satisfaction = :satisfaction, result = :result, handled_by = :handledBy,
                            closed_at = :closedAt, version = version + 1
                        where id = :id and version = :version""")
                        .param("status", e.status.name())
                        .param("suspendedFrom", e.suspendedFrom == null ? null : e.suspendedFrom.name())
                        .param("holder", e.holderOrg)
                        .param("dispatcher", e.dispatcherOrg)
                        .param("handler", e.handlerOrg)
                        .param("step", e.step == null ? null : e.step.name())
                        .param("stepStartedAt", ts(e.stepStartedAt))
                        .param("deadlineAt", ts(e.deadlineAt))
                        .param("deadlineProvisional", provisional(e))
                        .param("supervision", e.supervision)
                        .param("satisfaction", e.satisfaction)
                        .param("result", e.result)
                        .param("handledBy", e.handledBy, java.sql.Types.BIGINT)
                        .param("closedAt", ts(e.closedAt))
                        .param("id", e.id)
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }

    /** The history row of a workflow move. */
    void appendHistory(long eventId, Event.Transition t, Actor actor, Instant deadline, Instant at) {
        appendHistory(new HistoryEntry(
                eventId,
                t.move().name(),
                t.from(),
                t.to(),
                t.fromHolder(),
                t.toHolder(),
                actor,
                t.note(),
                deadline,
                at,
                t.satisfaction(),
                t.supervision(),
                t.ownOrganization()));
    }

    /**
     * A history row, of a workflow {@code Move} or of something else that happened to the event, such as
     * {@code DELAY_APPROVED}; {@code satisfaction}, {@code supervision} and {@code ownOrganization} only where the
     * move has them.
     */
    record HistoryEntry(
            long eventId,
            String move,
            EventStatus from,
            EventStatus to,
            String fromHolder,
            String toHolder,
            Actor actor,
            String note,
            Instant deadlineAt,
            Instant at,
            Integer satisfaction,
            String supervision,
            Boolean ownOrganization) {

        HistoryEntry(
                long eventId,
                String move,
                EventStatus from,
                EventStatus to,
                String fromHolder,
                String toHolder,
                Actor actor,
                String note,
                Instant deadlineAt,
                Instant at) {
            this(eventId, move, from, to, fromHolder, toHolder, actor, note, deadlineAt, at, null, null, null);
        }
    }

    /** The one writer of history rows, which are never changed afterwards. */
    void appendHistory(HistoryEntry h) {
        jdbc.sql("""
                        insert into event_history (event_id, move, from_status, to_status, from_holder, to_holder,
                            actor_id, actor_name, actor_real_name, actor_roles, actor_org, note, deadline_at, at,
                            satisfaction, supervision, own_organization)
                        values (:event, :move, :from, :to, :fromHolder, :toHolder, :actorId, :actorName,
                            :actorRealName, :actorRoles, :actorOrg, :note, :deadline, :at, :satisfaction,
                            :supervision, :ownOrganization)""")
                .param("event", h.eventId())
                .param("move", h.move())
                .param("from", h.from() == null ? null : h.from().name())
                .param("to", h.to().name())
                .param("fromHolder", h.fromHolder())
                .param("toHolder", h.toHolder())
                .param("actorId", h.actor().id(), java.sql.Types.BIGINT)
                .param("actorName", h.actor().name())
                .param("actorRealName", h.actor().realName())
                .param("actorRoles", h.actor().roles())
                .param("actorOrg", h.actor().organization())
                .param("note", h.note())
                .param("deadline", ts(h.deadlineAt()))
                .param("at", ts(h.at()))
                .param("satisfaction", h.satisfaction(), java.sql.Types.SMALLINT)
                .param("supervision", h.supervision())
                .param("ownOrganization", h.ownOrganization(), java.sql.Types.BOOLEAN)
                .update();
    }

    /**
     * Who made a move, as the history keeps it: the login name ({@code name}) for the audit trail, the name people
     * know ({@code realName}) for showing.
     */
    record Actor(Long id, String name, String realName, String roles, String organization) {

        /** The platform itself, for the moves it makes on its own (deadline escalations, supervision). */
        static final Actor SYSTEM = new Actor(null, DeadlineWatch.SYSTEM, null, null, null);

        static Actor of(org.gridgov.identity.CurrentUser user) {
            return new Actor(user.id(), user.username(), user.realName(), user.rolesText(), user.organizationCode());
        }
    }

    /**
     * One row of an event's history as people read it: who acted by the name they know ({@code actorName}, null for
     * the platform's own moves, which say {@code bySystem}; the login name is not shown), the level of a supervision
     * and whether the holder pressed its own case, the satisfaction of a return visit. The table keeps organization
     * codes only; their names ({@code fromHolderName}, {@code toHolderName}, {@code actorOrgName}) are null until
     * {@link #named} fills them in.
     */
    record HistoryRow(
            long id,
            String move,
            String fromStatus,
            String toStatus,
            String fromHolder,
            String fromHolderName,
            String toHolder,
            String toHolderName,
            String actorName,
            boolean bySystem,
            String actorRoles,
            String actorOrg,
            String actorOrgName,
            String note,
            Integer satisfaction,
            String supervision,
            Boolean ownOrganization,
            Instant deadlineAt,
            Instant at) {

        /** This row with the names of its organizations, looked up by code in {@code names}. */
        HistoryRow named(Map<String, String> names) {
            return new HistoryRow(
                    id,
                    move,
                    fromStatus,
                    toStatus,
                    fromHolder,
                    names.get(fromHolder),
                    toHolder,
                    names.get(toHolder),
                    actorName,
                    bySystem,
                    actorRoles,
                    actorOrg,
                    names.get(actorOrg),
                    note,
                    satisfaction,
                    supervision,
                    ownOrganization,
                    deadlineAt,
                    at);
        }
    }

    List<HistoryRow> history(long eventId, PageQuery page) {
        return jdbc.sql("""
                        select id, move, from_status, to_status, from_holder, to_holder, actor_id, actor_name,
                            actor_real_name, actor_roles, actor_org, note, satisfaction, supervision, own_organization,
                            deadline_at, at
                        from event_history where event_id = :event order by id limit :limit offset :offset""")
                .param("event", eventId)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new HistoryRow(
                        rs.getLong("id"),
                        rs.getString("move"),
                        rs.getString("from_status"),
                        rs.getString("to_status"),
                        rs.getString("from_holder"),
                        null,
                        rs.getString("to_holder"),
                        null,
                        rs.getString("actor_real_name"),
                        rs.getObject("actor_id") == null && DeadlineWatch.SYSTEM.equals(rs.getString("actor_name")),
                        rs.getString("actor_roles"),
                        rs.getString("actor_org"),
                        null,
                        rs.getString("note"),
                        rs.getObject("satisfaction", Integer.class),
                        rs.getString("supervision"),
                        rs.getObject("own_organization", Boolean.class),
                        instant(rs, "deadline_at"),
                        instant(rs, "at")))
                .list();
    }

    long countHistory(long eventId) {
        return jdbc.sql("select count(*) from event_history where event_id = :event")
                .param("event", eventId)
                .query(Long.class)
                .single();
    }

    /**
     * Filters of an event list; null means any. Always within {@code visibility}. {@code card} is the highest
     * deadline card (YELLOW or RED) of the running step; {@code openOnly} leaves out closed, rejected and archived
     * events; {@code supervisedOnly} keeps those ever put under supervision (督办, which sets {@code supervision} and
     * never clears it); {@code since} starts the period of the {@code returned} box.
     */
    record Filter(
            Visibility visibility,
            String box,
            String holderOrg,
            List<String> gridCodes,
            Long me,
            String status,
            String categoryPrefix,
            String urgency,
            Instant from,
            Instant to,
            String regionPrefix,
            String serialNumber,
            String source,
            String card,
            boolean openOnly,
            boolean supervisedOnly,
            Instant since) {}

    private static final String WHERE = " where " + VISIBLE + """
               and grid_code like coalesce(cast(:region as text), '') || '%'
               and (cast(:county as text) is null or left(grid_code, 6) = :county)
               and (cast(:township as text) is null or left(grid_code, 9) = :township)
               and (cast(:status as text) is null or status = :status)
               and (cast(:serial as text) is null or serial_number = :serial)
               and (cast(:category as text) is null or category_code like :category || '%')
               and (cast(:urgency as text) is null or urgency = :urgency)
               and (cast(:from as timestamptz) is null or reported_at >= :from)
               and (cast(:to as timestamptz) is null or reported_at < :to)
               and (cast(:source as text) is null or source = :source)
               and (:openOnly = false or status not in ('CLOSED', 'REJECTED', 'ARCHIVED'))
               and (:supervised = false or supervision is not null)
               and (cast(:card as text) is null
                    or (status in ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'CLAIMED', 'FEEDBACK')
                        and exists (select 1 from deadline_card c where c.event_id = event.id
                            and c.step_started_at = event.step_started_at and c.deadline_at = event.deadline_at
                            and c.card = :card)
                        and (:card = 'RED' or not exists (select 1 from deadline_card c where c.event_id = event.id
                            and c.step_started_at = event.step_started_at and c.deadline_at = event.deadline_at
                            and c.card = 'RED'))))
               and (cast(:box as text) is null
                    or (:box = 'todo' and status in ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'CLAIMED', 'FEEDBACK')
                        and (holder_org = :holder or (status = 'FEEDBACK' and cast(:grids as text[]) is not null
                                 and grid_code like any(cast(:grids as text[])) and handled_by is distinct from :me)
                             or (cast(:holder as text) is null and reporter_user_id = :me
                                 and status in ('REPORTED', 'ACCEPTED'))))
                    or (:box = 'reported' and reporter_user_id = :me)
                    or (:box = 'overdue' and status in ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'CLAIMED', 'FEEDBACK')
                        and deadline_at < :now)
                    or (:box = 'supervised' and supervision is not null and status <> 'ARCHIVED')
                    or (:box = 'visit' and status = 'CLOSED' and satisfaction is null)
                    or (:box = 'copied' and exists (select 1 from event_copy c where c.event_id = event.id
                        and c.organization_code = :holder))
                    or (:box = 'done' and exists (select 1 from event_history h where h.event_id = event.id
                        and h.actor_id = :me))
                    or (:box = 'delay' and dispatcher_org = :holder and exists (select 1 from delay_request r
                        where r.event_id = event.id and r.status = 'PENDING'))
                    or (:box = 'returned' and exists (select 1 from event_history h where h.event_id = event.id
                        and h.move in ('RETURN', 'VERIFY_FAIL') and h.at >= cast(:since as timestamptz)
                        and (h.actor_org = :holder or h.to_holder = :holder))))
            """;

    List<Event> list(Filter f, Instant now, PageQuery page) {
        return bind(
                        jdbc.sql("select " + COLUMNS + " from event" + WHERE
                                + " order by reported_at desc, id desc limit :limit offset :offset"),
                        f,
                        now,
                        true)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(EventRepository::row)
                .list();
    }

    long count(Filter f, Instant now) {
        return bind(jdbc.sql("select count(*) from event" + WHERE), f, now, false)
                .query(Long.class)
                .single();
    }

    /**
     * Binds a list's filter. One county's or one township's events are named as an equality on the region rather
     * than as a prefix of the grid code where an index of the region answers best: a plain page ({@code page}, no box,
     * card or supervision, which have indexes of their own) reads the region's newest events first, in report order,
     * off the region's index instead of sorting all of them, and a county's count of a category counts the county's index of
     * categories. The equality then stands alone: beside a prefix match of the same region the planner would take
     * the two for independent and guess a handful of rows. Either way the same events are selected: grid codes are
     * digits, so a six- or nine-digit prefix is the county or township.
     */
    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f, Instant now, boolean page) {
        var visibility = f.visibility();
        String region = f.regionPrefix();
        String within = narrower(visibility.prefix(), region);
        int level = within == null ? 0 : within.length();
        boolean byRegion = page
                ? (level == 6 || level == 9) && f.box() == null && f.card() == null && !f.supervisedOnly()
                : level == 6 && f.categoryPrefix() != null;
        String county = null;
        String township = null;
        if (byRegion) {
            county = level == 6 ? within : null;
            township = level == 9 ? within : null;
            visibility = new Visibility(
                    "",
                    visibility.grids(),
                    visibility.reporterOnly(),
                    visibility.organizationOnly(),
                    visibility.user());
            region = null;
        }
        return bindVisibility(spec, visibility)
                .param("region", region)
                .param("county", county)
                .param("township", township)
                .param("status", f.status())
                .param("serial", f.serialNumber())
                .param("category", f.categoryPrefix())
                .param("urgency", f.urgency())
                .param("from", ts(f.from()))
                .param("to", ts(f.to()))
                .param("source", f.source())
                .param("openOnly", f.openOnly())
                .param("supervised", f.supervisedOnly())
                .param("card", f.card())
                .param("since", ts(f.since()))
                .param("box", f.box())
                .param("holder", f.holderOrg())
                // None rather than an empty list: the planner then drops the branch of a grid's verifications
                // and reads a holder's to-do in the order of its index.
                .param(
                        "grids",
                        f.gridCodes().isEmpty()
                                ? null
                                : f.gridCodes().stream().map(code -> code + "%").toArray(String[]::new))
                .param("me", f.me())
                .param("now", ts(now));
    }

    /** The longer of the scope's and the filter's region prefixes when one lies within the other; null otherwise. */
    private static String narrower(String scope, String region) {
        String a = scope == null ? "" : scope;
        String b = region == null ? "" : region;
        if (b.startsWith(a)) {
            return b;
        }
        return a.startsWith(b) ? a : null;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Event row(ResultSet rs, int n) throws SQLException {
        var e = new Event();
        e.id = rs.getLong("id");
        e.serialNumber = rs.getString("serial_number");
        e.requestId = rs.getString("request_id");
        e.title = rs.getString("title");
        e.description = rs.getString("description");
        e.categoryCode = rs.getString("category_code");
        e.categoryName = rs.getString("category_name");
        e.majorCode = rs.getString("major_code");
        e.majorName = rs.getString("major_name");
        e.catalogVersion = rs.getInt("catalog_version");
        e.urgency = Urgency.valueOf(rs.getString("urgency"));
        e.lon = rs.getObject("lon", Double.class);
        e.lat = rs.getObject("lat", Double.class);
        e.address = rs.getString("address");
        e.gridCode = rs.getString("grid_code");
        e.gridVersionId = rs.getLong("grid_version_id");
        e.source = rs.getString("source");
        e.reporterUserId = rs.getObject("reporter_user_id", Long.class);
        e.reporterName = rs.getString("reporter_name");
        e.reporterPhone = rs.getBytes("reporter_phone");
        e.reporterPhoneHash = rs.getBytes("reporter_phone_hash");
        e.involvedCount = rs.getInt("involved_count");
        e.status = EventStatus.valueOf(rs.getString("status"));
        var suspended = rs.getString("suspended_from");
        e.suspendedFrom = suspended == null ? null : EventStatus.valueOf(suspended);
        e.holderOrg = rs.getString("holder_org");
        e.dispatcherOrg = rs.getString("dispatcher_org");
        e.handlerOrg = rs.getString("handler_org");
        var step = rs.getString("step");
        e.step = step == null ? null : Step.valueOf(step);
        e.stepStartedAt = instant(rs, "step_started_at");
        e.deadlineAt = instant(rs, "deadline_at");
        e.deadlineProvisional = rs.getBoolean("deadline_provisional");
        e.supervision = rs.getString("supervision");
        e.satisfaction = rs.getObject("satisfaction", Integer.class);
        e.result = rs.getString("result");
        e.handledBy = rs.getObject("handled_by", Long.class);
        e.version = rs.getInt("version");
        e.reportedAt = instant(rs, "reported_at");
        e.closedAt = instant(rs, "closed_at");
        return e;
    }

    /** Only a deadline can be provisional: a step without one leaves nothing to count again. */
    private static boolean provisional(Event e) {
        return e.deadlineAt != null && e.deadlineProvisional;
    }
}
