package org.gridgov.registry.internal;

import static org.gridgov.common.LikePattern.like;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.common.DataScope;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * People in groups and their follow-ups; every read joins the person and binds the caller's region prefix against
 * the person's grid, so a person who moves takes the records along.
 *
 * <p>The due-date rule: the next follow-up is due {@code frequency_days} after the last one, or after the day of
 * registration while there is none. Every statement that changes one of its parts writes {@code next_due_on} in the
 * same statement, so that it always agrees with them.
 */
@Repository
@ScopedData(tables = {"person_group_member", "follow_up", "resident"})
class MemberRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> DETAILS = new TypeReference<>() {};

    /** Every part optional but the scope; a null matches all. {@code dueBefore} keeps those due before that day. */
    record Filter(
            DataScope scope,
            String category,
            String ledger,
            String group,
            String level,
            LocalDate dueBefore,
            String gridCode,
            String name,
            Long member,
            boolean includeEnded) {

        static Filter member(DataScope scope, long id) {
            return new Filter(scope, null, null, null, null, null, null, null, id, true);
        }
    }

    private static final String FROM = """
             from person_group_member m
             join resident r on r.id = m.resident_id
             join person_group_type t on t.code = m.group_code
             where r.grid_code like :prefix || '%'
            """ + " and " + DataScope.inGrids("r.grid_code") + """
               and (cast(:category as text) is null or t.category = :category)
               and (cast(:ledger as text) is null or t.ledgers @> array[cast(:ledger as text)])
               and (cast(:group as text) is null or m.group_code = :group)
               and (cast(:level as text) is null or m.attention_level = :level)
               and (cast(:dueBefore as date) is null or m.next_due_on < :dueBefore)
               and (cast(:grid as text) is null or r.grid_code like :grid || '%')
               and (cast(:name as text) is null or r.name like :name || '%')
               and (cast(:member as bigint) is null or m.id = :member)
               and (:includeEnded or (m.ended_at is null and r.retired_at is null))
            """;

    private static final String COLUMNS = """
            select m.id, m.resident_id, r.name, r.id_number, r.grid_code, m.group_code, m.details, m.sealed_details,
                m.attention_level,
                m.frequency_days, m.registered_on, m.last_follow_up_on, m.next_due_on, m.version, m.ended_at,
                m.ended_reason,
                (select count(*) from follow_up c where c.member_id = m.id) as follow_ups,
                (select l.kind || chr(31) || l.content from follow_up l where l.member_id = m.id
                    order by l.done_on desc, l.id desc limit 1) as last_follow_up
            """;

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean anyMember() {
        return jdbc.sql("select exists (select 1 from person_group_member)")
                .query(Boolean.class)
                .single();
    }

    Optional<MemberRow> find(long id, DataScope scope) {
        return bind(jdbc.sql(COLUMNS + FROM), Filter.member(scope, id))
                .query(MemberRepository::map)
                .optional();
    }

    /** Soonest due first, so that what is overdue leads. */
    List<MemberRow> search(Filter f, PageQuery page) {
        return bind(jdbc.sql(COLUMNS + FROM + " order by m.next_due_on, m.id limit :limit offset :offset"), f)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(MemberRepository::map)
                .list();
    }

    /** The registrations of one person that the filter lets through, by group. */
    List<MemberRow> ofResident(Filter f, long resident) {
        return bind(jdbc.sql(COLUMNS + FROM + " and m.resident_id = :resident order by t.category, m.group_code"), f)
                .param("resident", resident)
                .query(MemberRepository::map)
                .list();
    }

    long count(Filter f) {
        return bind(jdbc.sql("select count(*)" + FROM), f).query(Long.class).single();
    }

    long insert(
            long residentId,
            String group,
            Map<String, String> details,
            Map<String, String> sealedDetails,
            String level,
            int frequency,
            LocalDate today,
            Instant now) {
        return jdbc.sql("""
                        insert into person_group_member (resident_id, group_code, details, sealed_details,
                            attention_level, frequency_days, registered_on, next_due_on, created_at, updated_at)
                        values (:resident, :group, cast(:details as jsonb), cast(:sealed as jsonb), :level,
                            :frequency, :today, cast(:today as date) + :frequency, :at, :at)
                        returning id""")
                .param("resident", residentId)
                .param("group", group)
                .param("details", JSON.writeValueAsString(details))
                .param("sealed", sealedJson(sealedDetails))
                .param("level", level)
                .param("frequency", frequency)
                .param("today", today)
                .param("at", ts(now))
                .query(Long.class)
                .single();
    }

    /** Writes the changed fields if nobody changed the record since {@code version}; false when somebody did. */
    boolean update(
            long id,
            Map<String, String> details,
            Map<String, String> sealedDetails,
            String level,
            int frequency,
            int version,
            Instant now) {
        return jdbc.sql("""
                        update person_group_member set details = cast(:details as jsonb),
                            sealed_details = cast(:sealed as jsonb), attention_level = :level,
                            frequency_days = :frequency,
                            next_due_on = coalesce(last_follow_up_on, registered_on) + :frequency,
                            updated_at = :at, version = version + 1
                        where id = :id and version = :version and ended_at is null""")
                        .param("details", JSON.writeValueAsString(details))
                        .param("sealed", sealedJson(sealedDetails))
                        .param("level", level)
                        .param("frequency", frequency)
                        .param("at", ts(now))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    boolean end(long id, int version, String reason, Instant now) {
        return jdbc.sql("""
                        update person_group_member set ended_at = :at, ended_reason = :reason, updated_at = :at,
                            version = version + 1
                        where id = :id and version = :version and ended_at is null""")
                        .param("id", id)
                        .param("version", version)
                        .param("reason", reason)
                        .param("at", ts(now))
                        .update()
                == 1;
    }

    /**
     * Enrols in a group every demo resident (a member of a household) outside the given grids whom the rule selects,
     * with a last follow-up on a day spread over a little more than the frequency, so that about one in eight is
     * overdue; the follow-up is recorded too. The rule is a constant of the demo, never user input.
     */
    int enrollDemo(
            String group,
            String rule,
            Map<String, String> details,
            String level,
            int frequency,
            List<String> outside,
            LocalDate today,
            Instant now) {
        int added = jdbc.sql("""
                        insert into person_group_member (resident_id, group_code, details, attention_level,
                            frequency_days, registered_on, last_follow_up_on, next_due_on, created_at, updated_at)
                        select r.id, :group, cast(:details as jsonb), :level, :frequency,
                            cast(:today as date) - (200 + r.id % 300)::int,
                            cast(:today as date) - (r.id % (:frequency + :frequency / 7 + 1))::int,
                            cast(:today as date) - (r.id % (:frequency + :frequency / 7 + 1))::int + :frequency,
                            :at, :at
                        from resident r
                        where r.household_id is not null and r.retired_at is null
                          and r.grid_code <> all(cast(:outside as text[])) and (""" + rule + """
                        )
                          and not exists (select 1 from person_group_member m
                                          where m.resident_id = r.id and m.group_code = :group and m.ended_at is null)""")
                .param("group", group)
                .param("details", JSON.writeValueAsString(details))
                .param("level", level)
                .param("frequency", frequency)
                .param("today", today)
                .param("outside", outside.toArray(String[]::new))
                .param("at", ts(now))
                .update();
        jdbc.sql("""
                        insert into follow_up (member_id, done_on, kind, content, actor_name, created_at)
                        select m.id, m.last_follow_up_on, 'VISIT', '入户走访，了解近况，情况稳定。', '网格员', :at
                        from person_group_member m
                        where m.group_code = :group and m.last_follow_up_on is not null
                          and not exists (select 1 from follow_up f where f.member_id = m.id)""").param("group", group).param("at", ts(now)).update();
        return added;
    }

    /**
     * Records a follow-up and moves the due date on from the latest one; a follow-up entered late for an earlier
     * day does not move it back. Under the client's request id a second insert for the same registration is dropped
     * and answers the first (moving the due date again is harmless: it takes the greatest day). Empty when the
     * registration ended meanwhile.
     */
    Optional<Long> addFollowUp(
            long member,
            LocalDate doneOn,
            String kind,
            String content,
            Long actorId,
            String actorName,
            Instant now,
            String requestId) {
        int moved = jdbc.sql("""
                        update person_group_member set last_follow_up_on = greatest(last_follow_up_on, :done),
                            next_due_on = greatest(last_follow_up_on, :done) + frequency_days
                        where id = :id and ended_at is null""").param("done", doneOn).param("id", member).update();
        if (moved == 0) {
            return Optional.empty();
        }
        var inserted = jdbc.sql("""
                        insert into follow_up (member_id, done_on, kind, content, actor_id, actor_name, created_at,
                            request_id)
                        values (:member, :done, :kind, :content, :actor, :actorName, :at, :requestId)
                        on conflict (member_id, request_id) where request_id is not null do nothing
                        returning id""")
                .param("member", member)
                .param("done", doneOn)
                .param("kind", kind)
                .param("content", content)
                .param("actor", actorId)
                .param("actorName", actorName)
                .param("at", ts(now))
                .param("requestId", requestId)
                .query(Long.class)
                .optional();
        return inserted.isPresent()
                ? inserted
                : jdbc.sql("select id from follow_up where member_id = :member and request_id = :requestId")
                        .param("member", member)
                        .param("requestId", requestId)
                        .query(Long.class)
                        .optional();
    }

    /** Who recorded the registration's follow-up sent under the request id (0 for no one named); empty if none was. */
    Optional<Long> followUpActor(long member, String requestId) {
        return jdbc.sql(
                        "select coalesce(actor_id, 0) from follow_up where member_id = :member and request_id = :requestId")
                .param("member", member)
                .param("requestId", requestId)
                .query(Long.class)
                .optional();
    }

    List<FollowUpView> followUps(long member, DataScope scope, PageQuery page) {
        return jdbc.sql("""
                        select f.id, f.done_on, f.kind, f.content, f.actor_name, f.created_at from follow_up f
                        join person_group_member m on m.id = f.member_id
                        join resident r on r.id = m.resident_id
                        where f.member_id = :member and r.grid_code like :prefix || '%' and """
                        + DataScope.inGrids("r.grid_code")
                        + " order by f.done_on desc, f.id desc limit :limit offset :offset")
                .param("member", member)
                .param("prefix", scope.prefix())
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new FollowUpView(
                        rs.getLong(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    long countFollowUps(long member) {
        return jdbc.sql("select count(*) from follow_up where member_id = :member")
                .param("member", member)
                .query(Long.class)
                .single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
        return spec.param("prefix", f.scope().prefix())
                .param(DataScope.GRIDS_PARAMETER, f.scope().gridPatterns())
                .param("category", f.category())
                .param("ledger", f.ledger())
                .param("group", f.group())
                .param("level", f.level())
                .param("dueBefore", f.dueBefore())
                .param("grid", like(f.gridCode()))
                .param("name", like(f.name()))
                .param("member", f.member())
                .param("includeEnded", f.includeEnded());
    }

    private static MemberRow map(ResultSet rs, int n) throws SQLException {
        String last = rs.getString("last_follow_up");
        String[] kindAndContent = last == null ? new String[] {null, null} : last.split("\u001f", 2);
        return new MemberRow(
                rs.getLong("id"),
                rs.getLong("resident_id"),
                rs.getString("name"),
                rs.getBytes("id_number"),
                rs.getString("grid_code"),
                rs.getString("group_code"),
                details(rs.getString("details")),
                details(rs.getString("sealed_details")),
                rs.getString("attention_level"),
                rs.getInt("frequency_days"),
                rs.getObject("registered_on", LocalDate.class),
                rs.getObject("last_follow_up_on", LocalDate.class),
                rs.getObject("next_due_on", LocalDate.class),
                rs.getInt("version"),
                instant(rs.getTimestamp("ended_at")),
                rs.getString("ended_reason"),
                rs.getLong("follow_ups"),
                kindAndContent[0],
                kindAndContent[1]);
    }

    private static String sealedJson(Map<String, String> sealed) {
        return sealed.isEmpty() ? null : JSON.writeValueAsString(sealed);
    }

    /** A registration as stored, before its fields are split anew. */
    record StoredDetails(long id, Map<String, String> details, Map<String, String> sealed) {}

    /**
     * Up to {@code limit} registrations of the group that still keep one of the fields in their plain details, locked
     * for the caller's transaction; rows another node holds are skipped.
     */
    List<StoredDetails> withPlainValuesOf(String group, java.util.Set<String> fields, int limit) {
        return jdbc.sql("""
                        select id, details, sealed_details from person_group_member
                        where group_code = :group and jsonb_exists_any(details, cast(:fields as text[]))
                        order by id limit :limit for update skip locked""")
                .param("group", group)
                .param("fields", fields.toArray(String[]::new))
                .param("limit", limit)
                .query((rs, n) -> new StoredDetails(rs.getLong(1), details(rs.getString(2)), details(rs.getString(3))))
                .list();
    }

    /** Stores a registration's fields split anew; neither version nor change time moves, since it reads the same. */
    void restore(long id, SealedFields.Stored stored) {
        jdbc.sql("update person_group_member set details = cast(:details as jsonb),"
                        + " sealed_details = cast(:sealed as jsonb) where id = :id")
                .param("details", JSON.writeValueAsString(stored.plain()))
                .param("sealed", sealedJson(stored.sealed()))
                .param("id", id)
                .update();
    }

    private static Map<String, String> details(String json) {
        return json == null ? Map.of() : JSON.readValue(json, DETAILS);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static java.time.OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
