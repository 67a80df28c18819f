package org.gridgov.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.common.DataScope;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Visits, their schedules and the plan the schedules make. Every read of visits binds the caller's county, region
 * prefix and grids; the plan reads the records of the scope and, for each, its latest visit through the
 * (county, kind, record) index, so that its cost follows the records of the area asked for, not all visits.
 */
@Repository
@ScopedData(tables = {"visit", "household", "house", "place", "resident", "person_group_member", "follow_up"})
class VisitRepository {

    /** A visit as stored. */
    record VisitRow(
            String county,
            long id,
            String gridCode,
            VisitSubject subjectKind,
            long subjectId,
            String subjectName,
            Long memberId,
            Long followUpId,
            boolean sensitive,
            VisitPurpose purpose,
            String method,
            String content,
            LocalDate doneOn,
            Instant visitedAt,
            Instant receivedAt,
            Double lon,
            Double lat,
            Double accuracy,
            Long userId,
            String actorName,
            String requestId) {}

    /** A record a visit may be of: its grid and what it is called. */
    record Subject(String gridCode, String name) {}

    /** The filters of a list of visits; null filters nothing. */
    record Filter(
            String county,
            DataScope scope,
            String prefix,
            boolean special,
            VisitSubject kind,
            Long subjectId,
            Long userId,
            LocalDate from,
            LocalDate to) {}

    private static final String COLUMNS = """
            county_code, id, grid_code, subject_kind, subject_id, subject_name, member_id, follow_up_id, sensitive,
            purpose, method, content, done_on, visited_at, received_at, lon, lat, accuracy, user_id, actor_name,
            request_id""";

    private static final String HOUSEHOLD_NAME =
            "coalesce('户号 ' || h.household_number, '住户 ' || h.id) || coalesce(' · ' || hr.name, '')";
    private static final String HOUSE_NAME =
            "h.address || coalesce(' ' || nullif(concat_ws('', h.building, h.unit, h.room), ''), '')";

    private final JdbcClient jdbc;

    VisitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- the records visited ---

    /** An active record of the kind in the caller's scope. */
    Optional<Subject> subject(VisitSubject kind, long id, DataScope scope) {
        String sql = switch (kind) {
            case HOUSEHOLD ->
                "select h.grid_code, " + HOUSEHOLD_NAME
                        + " from household h left join resident hr on hr.id = h.head_resident_id"
                        + " where h.id = :id and h.retired_at is null and " + inScope("h.grid_code");
            case HOUSE ->
                "select h.grid_code, " + HOUSE_NAME + " from house h"
                        + " where h.id = :id and h.retired_at is null and " + inScope("h.grid_code");
            case PLACE ->
                "select p.grid_code, p.name from place p" + " where p.id = :id and p.retired_at is null and "
                        + inScope("p.grid_code");
            case PERSON ->
                "select r.grid_code, r.name from resident r" + " where r.id = :id and r.retired_at is null and "
                        + inScope("r.grid_code");
        };
        return bindScope(jdbc.sql(sql).param("id", id), scope)
                .query((rs, n) -> new Subject(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** Records of the kind in scope whose name holds {@code text}, for a visit outside the plan. */
    List<PlannedVisit> search(VisitSubject kind, String text, String prefix, DataScope scope, PageQuery page) {
        String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String sql = switch (kind) {
            case HOUSEHOLD ->
                "select h.id, h.grid_code, " + HOUSEHOLD_NAME + " as name"
                        + " from household h left join resident hr on hr.id = h.head_resident_id"
                        + " where h.retired_at is null and " + inArea("h.grid_code")
                        + " and (h.household_number like :like or hr.name like :like)";
            case HOUSE ->
                "select h.id, h.grid_code, " + HOUSE_NAME + " as name from house h" + " where h.retired_at is null and "
                        + inArea("h.grid_code") + " and h.address like :like";
            case PLACE ->
                "select p.id, p.grid_code, p.name from place p" + " where p.retired_at is null and "
                        + inArea("p.grid_code") + " and p.name like :like";
            case PERSON ->
                "select r.id, r.grid_code, r.name from resident r" + " where r.retired_at is null and "
                        + inArea("r.grid_code") + " and r.name like :like";
        };
        return bindScope(jdbc.sql(sql + " order by 3, 1 limit :limit offset :offset"), scope)
                .param("area", prefix)
                .param("like", like)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new PlannedVisit(
                        null,
                        null,
                        kind,
                        rs.getLong(1),
                        null,
                        rs.getString(3),
                        rs.getString(2),
                        null,
                        null,
                        null,
                        null))
                .list();
    }

    // --- schedules and the plan ---

    List<VisitSchedule> schedules() {
        return jdbc.sql("""
                        select code, name, name_en, subject_kind, selection, interval_days, active, updated_at, updated_by
                        from visit_schedule order by position""")
                .query((rs, n) -> new VisitSchedule(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        VisitSubject.valueOf(rs.getString(4)),
                        rs.getString(5),
                        (Integer) rs.getObject(6),
                        rs.getBoolean(7),
                        instant(rs.getTimestamp(8)),
                        rs.getString(9)))
                .list();
    }

    boolean changeSchedule(String code, Integer interval, boolean active, Instant at, String by) {
        return jdbc.sql("""
                        update visit_schedule set interval_days = :interval, active = :active, updated_at = :at,
                            updated_by = :by
                        where code = :code""")
                        .param("interval", interval)
                        .param("active", active)
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .param("code", code)
                        .update()
                == 1;
    }

    /**
     * The records the active schedules make due in an area of the scope, due by {@code until} (null: whenever), the
     * earliest first; group registrations only of the categories given.
     */
    List<PlannedVisit> plan(
            List<VisitSchedule> schedules,
            String prefix,
            DataScope scope,
            List<String> categories,
            LocalDate until,
            PageQuery page) {
        var parts = parts(schedules);
        if (parts.sql().isEmpty()) {
            return List.of();
        }
        var spec = jdbc.sql("with plan as (" + parts.sql() + """
                )
                select schedule_code, subject_kind, subject_id, member_id, subject_name, grid_code, last_on, due_on
                from plan where cast(:until as date) is null or due_on <= :until
                order by due_on, subject_kind, subject_id, member_id nulls first
                limit :limit offset :offset""");
        return bindPlan(spec, parts, schedules, prefix, scope, categories)
                .param("until", until)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new PlannedVisit(
                        rs.getString(1),
                        null,
                        VisitSubject.valueOf(rs.getString(2)),
                        rs.getLong(3),
                        (Long) rs.getObject(4),
                        rs.getString(5),
                        rs.getString(6),
                        null,
                        rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class),
                        null))
                .list();
    }

    /** How many records of the plan are due before {@code today}, from it to {@code weekEnd}, and after. */
    PlannedVisit.Summary summary(
            List<VisitSchedule> schedules,
            String prefix,
            DataScope scope,
            List<String> categories,
            LocalDate today,
            LocalDate weekEnd) {
        var parts = parts(schedules);
        if (parts.sql().isEmpty()) {
            return new PlannedVisit.Summary(0, 0, 0);
        }
        var spec = jdbc.sql("with plan as (" + parts.sql() + """
                )
                select count(*) filter (where due_on < :today),
                       count(*) filter (where due_on >= :today and due_on <= :weekEnd),
                       count(*) filter (where due_on > :weekEnd)
                from plan""");
        return bindPlan(spec, parts, schedules, prefix, scope, categories)
                .param("today", today)
                .param("weekEnd", weekEnd)
                .query((rs, n) -> new PlannedVisit.Summary(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /**
     * Per grid of an area: how many records the active schedules cover and how many of them are not overdue on
     * {@code day} (visited within their interval, or not yet due since registration).
     */
    List<org.gridgov.registry.VisitPlanFigure> planPerGrid(
            List<VisitSchedule> schedules, String prefix, LocalDate day) {
        var parts = parts(schedules);
        if (parts.sql().isEmpty()) {
            return List.of();
        }
        var spec = jdbc.sql("with plan as (" + parts.sql() + """
                )
                select grid_code, count(*), count(*) filter (where due_on >= :day) from plan
                group by grid_code order by grid_code""");
        return bindPlan(
                        spec,
                        parts,
                        schedules,
                        prefix,
                        DataScope.region(prefix),
                        List.of(GroupCategory.SERVICE.name(), GroupCategory.SPECIAL.name()))
                .param("day", day)
                .query((rs, n) ->
                        new org.gridgov.registry.VisitPlanFigure(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    private record Parts(String sql, List<Integer> used) {}

    /** One select per active schedule, all of the same columns; the sets are the application's, never input. */
    private static Parts parts(List<VisitSchedule> schedules) {
        var selects = new ArrayList<String>();
        var used = new ArrayList<Integer>();
        for (int i = 0; i < schedules.size(); i++) {
            var s = schedules.get(i);
            if (!s.active()) {
                continue;
            }
            String code = ":code" + i;
            String interval = "cast(:interval" + i + " as integer)";
            String select = switch (s.subjectKind()) {
                case HOUSEHOLD ->
                    routine(
                            code,
                            "HOUSEHOLD",
                            "h",
                            HOUSEHOLD_NAME,
                            "household h left join resident hr on hr.id = h.head_resident_id",
                            "",
                            interval);
                case HOUSE ->
                    routine(
                            code,
                            "HOUSE",
                            "h",
                            HOUSE_NAME,
                            "house h",
                            "RENTAL".equals(s.selection()) ? " and h.rental" : "",
                            interval);
                case PLACE ->
                    routine(
                            code,
                            "PLACE",
                            "p",
                            "p.name",
                            "place p",
                            switch (s.selection()) {
                                case "KEY" -> " and cardinality(p.key_flags) > 0";
                                case "NOT_KEY" -> " and cardinality(p.key_flags) = 0";
                                default -> "";
                            },
                            interval);
                case PERSON ->
                    "select cast(" + code + " as text) as schedule_code, 'PERSON' as subject_kind,"
                            + " r.id as subject_id, m.id as member_id, r.grid_code, r.name || ' · ' || t.name"
                            + " as subject_name, m.last_follow_up_on as last_on, m.next_due_on as due_on"
                            + " from person_group_member m join resident r on r.id = m.resident_id"
                            + " join person_group_type t on t.code = m.group_code"
                            + " where m.ended_at is null and r.retired_at is null"
                            + " and t.category = any(cast(:categories as text[])) and " + inArea("r.grid_code");
            };
            selects.add(select);
            used.add(i);
        }
        return new Parts(String.join("\nunion all\n", selects), used);
    }

    /** A schedule of fixed interval over one kind: due the interval after the last visit, or after registration. */
    private static String routine(
            String code, String kind, String alias, String name, String from, String condition, String interval) {
        return "select cast(" + code + " as text) as schedule_code, '" + kind + "' as subject_kind, " + alias
                + ".id as subject_id, cast(null as bigint) as member_id, " + alias + ".grid_code, " + name
                + " as subject_name, l.last_on, coalesce(l.last_on, cast(" + alias
                + ".created_at at time zone 'Asia/Shanghai' as date)) + " + interval + " as due_on from " + from
                + " left join lateral (select max(v.done_on) as last_on from visit v where v.county_code = left("
                + alias + ".grid_code, 6) and v.subject_kind = '" + kind + "' and v.subject_id = " + alias
                + ".id) l on true where " + alias + ".retired_at is null" + condition + " and "
                + inArea(alias + ".grid_code");
    }

    private static JdbcClient.StatementSpec bindPlan(
            JdbcClient.StatementSpec spec,
            Parts parts,
            List<VisitSchedule> schedules,
            String prefix,
            DataScope scope,
            List<String> categories) {
        for (int i : parts.used()) {
            spec = spec.param("code" + i, schedules.get(i).code());
            if (schedules.get(i).intervalDays() != null) {
                spec = spec.param("interval" + i, schedules.get(i).intervalDays());
            }
        }
        if (parts.sql().contains(":categories")) {
            spec = spec.param("categories", categories.toArray(String[]::new));
        }
        return bindScope(spec, scope).param("area", prefix);
    }

    // --- visits ---

    /** Inserts a visit; empty when the same request of the same person was kept already. */
    Optional<VisitRow> insert(VisitRow row) {
        return jdbc.sql("insert into visit (" + COLUMNS.replace("county_code, id, ", "county_code, ") + """
                        ) values (:county, :grid, :kind, :subject, :name, :member, :followUp, :sensitive, :purpose,
                            :method, :content, :doneOn, :visitedAt, :receivedAt, :lon, :lat, :accuracy, :user, :actor,
                            :requestId)
                        on conflict (county_code, user_id, request_id) do nothing
                        returning """ + " "
                        + COLUMNS)
                .param("county", row.county())
                .param("grid", row.gridCode())
                .param("kind", row.subjectKind().name())
                .param("subject", row.subjectId())
                .param("name", row.subjectName())
                .param("member", row.memberId())
                .param("followUp", row.followUpId())
                .param("sensitive", row.sensitive())
                .param("purpose", row.purpose().name())
                .param("method", row.method())
                .param("content", row.content())
                .param("doneOn", row.doneOn())
                .param("visitedAt", Timestamp.from(row.visitedAt()))
                .param("receivedAt", Timestamp.from(row.receivedAt()))
                .param("lon", row.lon())
                .param("lat", row.lat())
                .param("accuracy", row.accuracy())
                .param("user", row.userId())
                .param("actor", row.actorName())
                .param("requestId", row.requestId())
                .query(VisitRepository::row)
                .optional();
    }

    /**
     * The visit a follow-up recorded on a group's page was (or, with no id, every follow-up not kept as a visit yet):
     * made by its recorder, on its day, without a point.
     */
    int keepFollowUps(Long followUpId, Instant at) {
        return jdbc.sql("""
                        insert into visit (county_code, grid_code, subject_kind, subject_id, subject_name, member_id,
                            follow_up_id, sensitive, purpose, method, content, done_on, visited_at, received_at, user_id,
                            actor_name)
                        select left(r.grid_code, 6), r.grid_code, 'PERSON', r.id, r.name, m.id, f.id,
                            t.category = 'SPECIAL', case f.kind when 'HELP' then 'HELP' else 'FOLLOW_UP' end,
                            case f.kind when 'PHONE' then 'PHONE' else 'VISIT' end, f.content, f.done_on,
                            least(:at, (f.done_on + time '10:00') at time zone 'Asia/Shanghai'), :at, f.actor_id,
                            left(f.actor_name, 64)
                        from follow_up f
                        join person_group_member m on m.id = f.member_id
                        join person_group_type t on t.code = m.group_code
                        join resident r on r.id = m.resident_id
                        where (cast(:id as bigint) is null or f.id = :id) and length(r.grid_code) >= 6
                          and not exists (select 1 from visit v where v.county_code = left(r.grid_code, 6)
                                          and v.subject_kind = 'PERSON' and v.subject_id = r.id
                                          and v.follow_up_id = f.id)""")
                .param("id", followUpId)
                .param("at", Timestamp.from(at))
                .update();
    }

    boolean anyDemo() {
        return jdbc.sql("select exists (select 1 from visit where request_id like 'demo-%')")
                .query(Boolean.class)
                .single();
    }

    /**
     * The demo's visits of one worker's grid: each record of the schedule visited at its interval, the latest visit
     * yesterday or up to 115 % of the interval before (today's are left to make) (so that about one in eight is overdue), earlier ones an interval
     * apart back to {@code since}. Deterministic: the spread comes from the record's id.
     */
    int insertDemo(
            VisitSchedule schedule,
            String grid,
            long userId,
            String actorName,
            LocalDate today,
            LocalDate since,
            String[] contents) {
        String kind = schedule.subjectKind().name();
        String record = switch (schedule.subjectKind()) {
            case HOUSEHOLD ->
                "select h.id, h.grid_code, " + HOUSEHOLD_NAME + " as name, hh.lon, hh.lat"
                        + " from household h left join resident hr on hr.id = h.head_resident_id"
                        + " left join house hh on hh.id = h.house_id where h.retired_at is null"
                        + " and h.grid_code like :grid || '%'";
            case HOUSE ->
                "select h.id, h.grid_code, " + HOUSE_NAME + " as name, h.lon, h.lat from house h"
                        + " where h.retired_at is null and h.grid_code like :grid || '%'"
                        + ("RENTAL".equals(schedule.selection()) ? " and h.rental" : "");
            case PLACE ->
                "select p.id, p.grid_code, p.name, p.lon, p.lat from place p"
                        + " where p.retired_at is null and p.grid_code like :grid || '%'"
                        + switch (schedule.selection()) {
                            case "KEY" -> " and cardinality(p.key_flags) > 0";
                            case "NOT_KEY" -> " and cardinality(p.key_flags) = 0";
                            default -> "";
                        };
            case PERSON -> throw new IllegalArgumentException("people are visited through their groups");
        };
        String purpose = switch (schedule.subjectKind()) {
            case HOUSE -> "VERIFY";
            case PLACE -> "SAFETY";
            default -> "ROUTINE";
        };
        return jdbc.sql("with target as (" + record + """
                        )
                        insert into visit (county_code, grid_code, subject_kind, subject_id, subject_name, purpose,
                            method, content, done_on, visited_at, received_at, lon, lat, accuracy, user_id, actor_name,
                            request_id)
                        select left(t.grid_code, 6), t.grid_code, :kind, t.id, t.name, :purpose, 'VISIT',
                            (cast(:contents as text[]))[1 + (abs(hashtext(t.id || '-' || d.k)) % cardinality(cast(:contents as text[])))],
                            d.done_on,
                            (d.done_on + time '09:00' + (abs(hashtext(t.id || '@' || d.k)) % 480) * interval '1 minute')
                                at time zone 'Asia/Shanghai',
                            (d.done_on + time '18:00') at time zone 'Asia/Shanghai',
                            t.lon + case when t.lon is null then null else 0.00005 end,
                            t.lat, case when t.lon is null then null else 12 end,
                            :user, :actor, 'demo-' || :kind || '-' || t.id || '-' || d.k
                        from target t
                        cross join lateral (
                            select k, cast(:today as date) - 1 - (abs(hashtext(:kind || t.id)) % :span) - k * :interval as done_on
                            from generate_series(0, 40) k) d
                        where d.done_on >= :since
                        on conflict do nothing""")
                .param("grid", grid)
                .param("kind", kind)
                .param("purpose", purpose)
                .param("contents", contents)
                .param("today", today)
                .param("span", Math.max(1, schedule.intervalDays() * 115 / 100))
                .param("interval", schedule.intervalDays())
                .param("since", since)
                .param("user", userId)
                .param("actor", actorName)
                .update();
    }

    Optional<VisitRow> byRequest(String county, long userId, String requestId) {
        return jdbc.sql("select " + COLUMNS
                        + " from visit where county_code = :county and user_id = :user and request_id = :requestId")
                .param("county", county)
                .param("user", userId)
                .param("requestId", requestId)
                .query(VisitRepository::row)
                .optional();
    }

    /** A visit in the caller's scope; one of a special group only for a caller who may read those. */
    Optional<VisitRow> get(long id, String county, DataScope scope, boolean special) {
        return bindScope(
                        jdbc.sql("select " + COLUMNS + " from visit where id = :id"
                                + " and (cast(:county as text) is null or county_code = :county)"
                                + " and (:special or not sensitive) and " + inScope("grid_code")),
                        scope)
                .param("id", id)
                .param("county", county)
                .param("special", special)
                .query(VisitRepository::row)
                .optional();
    }

    List<VisitRow> page(Filter f, PageQuery page) {
        return bind(
                        jdbc.sql("select " + COLUMNS + " from visit where " + WHERE
                                + " order by visited_at desc, id desc limit :limit offset :offset"),
                        f)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(VisitRepository::row)
                .list();
    }

    long count(Filter f) {
        return bind(jdbc.sql("select count(*) from visit where " + WHERE), f)
                .query(Long.class)
                .single();
    }

    /** Visits and the records they reached per grid or per worker in an area over days, both included. */
    List<org.gridgov.registry.VisitFigure> figures(String prefix, LocalDate from, LocalDate to, boolean byWorker) {
        String key = byWorker ? "cast(user_id as text)" : "grid_code";
        return jdbc.sql("select " + key + ", count(*), count(distinct (subject_kind, subject_id)) from visit"
                        + " where county_code = left(:area, 6) and grid_code like :area || '%'"
                        + " and done_on between :firstDay and :lastDay" + (byWorker ? " and user_id is not null" : "")
                        + " group by 1")
                .param("area", prefix)
                .param("firstDay", from)
                .param("lastDay", to)
                .query((rs, n) -> new org.gridgov.registry.VisitFigure(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    private static final String WHERE = """
            (cast(:county as text) is null or county_code = :county)
            and grid_code like :area || '%' and (:special or not sensitive)
            and (cast(:kind as text) is null or subject_kind = :kind)
            and (cast(:subject as bigint) is null or subject_id = :subject)
            and (cast(:user as bigint) is null or user_id = :user)
            and done_on between :firstDay and :lastDay and """ + " grid_code like :prefix || '%' and " + DataScope.inGrids("grid_code");

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
        return bindScope(spec, f.scope())
                .param("county", f.county())
                .param("area", f.prefix())
                .param("special", f.special())
                .param("kind", f.kind() == null ? null : f.kind().name())
                .param("subject", f.subjectId())
                .param("user", f.userId())
                .param("firstDay", f.from())
                .param("lastDay", f.to());
    }

    /** A code column inside the caller's scope. */
    private static String inScope(String column) {
        return column + " like :prefix || '%' and " + DataScope.inGrids(column);
    }

    /** A code column inside the area asked for, which lies inside the caller's scope. */
    private static String inArea(String column) {
        return column + " like :area || '%' and " + inScope(column);
    }

    private static JdbcClient.StatementSpec bindScope(JdbcClient.StatementSpec spec, DataScope scope) {
        return spec.param("prefix", scope.prefix()).param(DataScope.GRIDS_PARAMETER, scope.gridPatterns());
    }

    private static VisitRow row(ResultSet rs, int n) throws SQLException {
        return new VisitRow(
                rs.getString("county_code"),
                rs.getLong("id"),
                rs.getString("grid_code"),
                VisitSubject.valueOf(rs.getString("subject_kind")),
                rs.getLong("subject_id"),
                rs.getString("subject_name"),
                (Long) rs.getObject("member_id"),
                (Long) rs.getObject("follow_up_id"),
                rs.getBoolean("sensitive"),
                VisitPurpose.valueOf(rs.getString("purpose")),
                rs.getString("method"),
                rs.getString("content"),
                rs.getObject("done_on", LocalDate.class),
                rs.getTimestamp("visited_at").toInstant(),
                rs.getTimestamp("received_at").toInstant(),
                (Double) rs.getObject("lon"),
                (Double) rs.getObject("lat"),
                rs.getObject("accuracy") == null ? null : rs.getDouble("accuracy"),
                (Long) rs.getObject("user_id"),
                rs.getString("actor_name"),
                rs.getString("request_id"));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
