package org.gridgov.team.internal;

import static org.gridgov.common.LikePattern.like;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gridgov.common.DataScope;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.gridgov.team.Employment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The versions of the members of grid teams. Reads on behalf of a caller bind the caller's scope (region prefix and
 * grids) against the grid code, and the county whenever it is known, so that a county's query stays in that county.
 */
@Repository
@ScopedData(tables = {"team_member"})
class RosterRepository {

    private static final String COLUMNS = """
            m.county_code, m.id, m.member_id, m.version, m.grid_code, m.position_code, m.employment, m.name,
            m.phone, m.phone_hash, m.duties, m.user_id, m.valid_from, m.valid_to, m.note, m.recorded_at,
            m.recorded_by, m.recorded_by_name, m.ended_at, m.ended_by_name, m.end_reason""";

    /** The version holds on :day; one that ended where it began holds on no day. */
    private static final String HOLDS = " and m.valid_from <= :day and (m.valid_to is null or m.valid_to > :day)";

    private static final String IN_SCOPE =
            " and m.grid_code like :prefix || '%' and " + DataScope.inGrids("m.grid_code");

    private static final String COUNTY = " and (cast(:county as text) is null or m.county_code = :county)";

    private static final String POSITION_ORDER =
            " order by (select p.sort_order from team_position p where p.code = m.position_code),"
                    + " m.valid_from, m.member_id";

    /** Every filter of a search is optional: a null matches every row. */
    record Filter(
            DataScope scope,
            String county,
            String region,
            String name,
            byte[] phoneHash,
            String position,
            LocalDate day) {}

    private final JdbcClient jdbc;

    RosterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The versions of a grid's members that hold on a day, by position. */
    List<RosterRow> roster(String grid, LocalDate day, DataScope scope, PageQuery page) {
        return scoped(
                        jdbc.sql("select " + COLUMNS + " from team_member m where m.county_code = :county"
                                + " and m.grid_code = :grid" + HOLDS + IN_SCOPE + POSITION_ORDER
                                + " limit :limit offset :offset"),
                        scope)
                .param("county", TeamScope.countyOf(grid))
                .param("grid", grid)
                .param("day", day)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(RosterRepository::map)
                .list();
    }

    long countRoster(String grid, LocalDate day, DataScope scope) {
        return scoped(
                        jdbc.sql("select count(*) from team_member m where m.county_code = :county"
                                + " and m.grid_code = :grid" + HOLDS + IN_SCOPE),
                        scope)
                .param("county", TeamScope.countyOf(grid))
                .param("grid", grid)
                .param("day", day)
                .query(Long.class)
                .single();
    }

    /** A member's latest version, if the member's grid lies in the scope. */
    Optional<RosterRow> head(long member, String county, DataScope scope) {
        return scoped(
                        jdbc.sql("select " + COLUMNS + " from team_member m where m.member_id = :member" + COUNTY
                                + IN_SCOPE + " order by m.version desc limit 1"),
                        scope)
                .param("member", member)
                .param("county", county)
                .query(RosterRepository::map)
                .optional();
    }

    /** A member's latest version, locked until the transaction ends, so that two changes cannot both build on it. */
    Optional<RosterRow> lockedHead(String county, long member) {
        return jdbc.sql("select " + COLUMNS + " from team_member m where m.county_code = :county"
                        + " and m.member_id = :member order by m.version desc limit 1 for update")
                .param("county", county)
                .param("member", member)
                .query(RosterRepository::map)
                .optional();
    }

    /** Every version of a member, latest first. */
    List<RosterRow> history(long member, String county, DataScope scope, PageQuery page) {
        return scoped(
                        jdbc.sql("select " + COLUMNS + " from team_member m where m.member_id = :member" + COUNTY
                                + IN_SCOPE + " order by m.version desc limit :limit offset :offset"),
                        scope)
                .param("member", member)
                .param("county", county)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(RosterRepository::map)
                .list();
    }

    long countHistory(long member, String county, DataScope scope) {
        return scoped(
                        jdbc.sql("select count(*) from team_member m where m.member_id = :member" + COUNTY + IN_SCOPE),
                        scope)
                .param("member", member)
                .param("county", county)
                .query(Long.class)
                .single();
    }

    /** Members holding on a day anywhere under a region in the scope, by name, phone and position. */
    List<RosterRow> search(Filter f, PageQuery page) {
        return searching(
                        jdbc.sql("select " + COLUMNS + " from team_member m where true" + SEARCH
                                + " order by m.grid_code, m.valid_from, m.member_id limit :limit offset :offset"),
                        f)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(RosterRepository::map)
                .list();
    }

    long count(Filter f) {
        return searching(jdbc.sql("select count(*) from team_member m where true" + SEARCH), f)
                .query(Long.class)
                .single();
    }

    private static final String SEARCH = COUNTY + HOLDS + IN_SCOPE + """
             and m.grid_code like :region || '%'
             and (cast(:name as text) is null or m.name like '%' || :name || '%')
             and (cast(:phoneHash as bytea) is null or m.phone_hash = :phoneHash)
             and (cast(:position as text) is null or m.position_code = :position)
            """;

    private static JdbcClient.StatementSpec searching(JdbcClient.StatementSpec spec, Filter f) {
        return scoped(spec, f.scope())
                .param("county", f.county())
                .param("day", f.day())
                .param("region", f.region())
                .param("name", like(f.name()))
                .param("phoneHash", f.phoneHash())
                .param("position", f.position());
    }

    /**
     * Who else holds a position in a grid at any time in [from, to) (to null: open-ended): the name of one such
     * member, other than {@code except}.
     */
    Optional<String> holder(String grid, String position, LocalDate from, LocalDate to, long except) {
        return jdbc.sql("select m.name from team_member m where m.county_code = :county and m.grid_code = :grid"
                        + " and m.position_code = :position and m.member_id <> :except" + OVERLAPS + " limit 1")
                .param("county", TeamScope.countyOf(grid))
                .param("grid", grid)
                .param("position", position)
                .param("except", except)
                .param("from", from)
                .param("to", to)
                .query(String.class)
                .optional();
    }

    /** Whether an account serves a grid at any time in [from, to) as a member other than {@code except}. */
    boolean servedByAccount(String grid, long user, LocalDate from, LocalDate to, long except) {
        return jdbc.sql("select count(*) from team_member m where m.county_code = :county and m.grid_code = :grid"
                                + " and m.user_id = :user and m.member_id <> :except" + OVERLAPS)
                        .param("county", TeamScope.countyOf(grid))
                        .param("grid", grid)
                        .param("user", user)
                        .param("except", except)
                        .param("from", from)
                        .param("to", to)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Overlaps [:from, :to); a version that ended where it began overlaps nothing. */
    private static final String OVERLAPS = """
             and (m.valid_to is null or m.valid_to > m.valid_from)
             and (m.valid_to is null or m.valid_to > :from)
             and (cast(:to as date) is null or m.valid_from < :to)
            """;

    /**
     * Makes the changes of one grid's roster (or one area's assignments) wait for each other, so that two at once
     * cannot both find a position free; held until the transaction ends.
     */
    void lock(String code) {
        jdbc.sql("select pg_advisory_xact_lock(7301, hashtext(:code))")
                .param("code", code)
                .query((rs, n) -> 1)
                .list();
    }

    long nextId() {
        return jdbc.sql("select nextval(pg_get_serial_sequence('team_member', 'id'))")
                .query(Long.class)
                .single();
    }

    /** Inserts a version; a new member's first version takes its own id as the member id. Answers the id. */
    long insert(RosterRow r) {
        long id = nextId();
        jdbc.sql("""
                        insert into team_member (county_code, id, member_id, version, grid_code, position_code,
                            employment, name, phone, phone_hash, duties, user_id, valid_from, valid_to, note,
                            recorded_at, recorded_by, recorded_by_name)
                        values (:county, :id, :member, :version, :grid, :position, :employment, :name, :phone,
                            :phoneHash, :duties, :user, :from, :to, :note, :at, :by, :byName)""")
                .param("county", r.countyCode())
                .param("id", id)
                .param("member", r.memberId() == 0 ? id : r.memberId())
                .param("version", r.version())
                .param("grid", r.gridCode())
                .param("position", r.positionCode())
                .param("employment", r.employment().name())
                .param("name", r.name())
                .param("phone", r.phone())
                .param("phoneHash", r.phoneHash())
                .param("duties", r.duties())
                .param("user", r.userId())
                .param("from", r.validFrom())
                .param("to", r.validTo())
                .param("note", r.note())
                .param("at", Timestamp.from(r.recordedAt()))
                .param("by", r.recordedBy())
                .param("byName", r.recordedByName())
                .update();
        return id;
    }

    /**
     * Inserts many versions in one statement, their ids drawn first so that each first version knows its member id;
     * answers the ids in the order of the rows.
     */
    List<Long> insertAll(List<RosterRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        int n = rows.size();
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('team_member', 'id'))"
                        + " from generate_series(1, :n) order by 1")
                .param("n", n)
                .query(Long.class)
                .list();
        var county = new String[n];
        var grid = new String[n];
        var position = new String[n];
        var employment = new String[n];
        var name = new String[n];
        var duties = new String[n];
        var note = new String[n];
        var byName = new String[n];
        var from = new String[n];
        var to = new String[n];
        var at = new String[n];
        var id = new Long[n];
        var member = new Long[n];
        var version = new Integer[n];
        var user = new Long[n];
        var by = new Long[n];
        var phone = new byte[n][];
        var phoneHash = new byte[n][];
        for (int i = 0; i < n; i++) {
            var r = rows.get(i);
            county[i] = r.countyCode();
            id[i] = ids.get(i);
            member[i] = r.memberId() == 0 ? ids.get(i) : r.memberId();
            version[i] = r.version();
            grid[i] = r.gridCode();
            position[i] = r.positionCode();
            employment[i] = r.employment().name();
            name[i] = r.name();
            phone[i] = r.phone();
            phoneHash[i] = r.phoneHash();
            duties[i] = r.duties();
            user[i] = r.userId();
            from[i] = r.validFrom().toString();
            to[i] = r.validTo() == null ? null : r.validTo().toString();
            note[i] = r.note();
            at[i] = r.recordedAt().toString();
            by[i] = r.recordedBy();
            byName[i] = r.recordedByName();
        }
        jdbc.sql("""
                        insert into team_member (county_code, id, member_id, version, grid_code, position_code,
                            employment, name, phone, phone_hash, duties, user_id, valid_from, valid_to, note,
                            recorded_at, recorded_by, recorded_by_name)
                        select t.county, t.id, t.member, t.version, t.grid, t.position_code, t.employment, t.name,
                            t.phone, t.phone_hash, t.duties, t.user_id, cast(t.valid_from as date),
                            cast(t.valid_to as date), t.note, cast(t.recorded_at as timestamptz), t.recorded_by,
                            t.recorded_by_name
                        from unnest(cast(:county as text[]), cast(:id as bigint[]), cast(:member as bigint[]),
                            cast(:version as integer[]), cast(:grid as text[]), cast(:position as text[]),
                            cast(:employment as text[]), cast(:name as text[]), cast(:phone as bytea[]),
                            cast(:phoneHash as bytea[]), cast(:duties as text[]), cast(:user as bigint[]),
                            cast(:from as text[]), cast(:to as text[]), cast(:note as text[]),
                            cast(:at as text[]), cast(:by as bigint[]), cast(:byName as text[]))
                            as t(county, id, member, version, grid, position_code, employment, name, phone,
                                 phone_hash, duties, user_id, valid_from, valid_to, note, recorded_at, recorded_by,
                                 recorded_by_name)""")
                .param("county", county)
                .param("id", id)
                .param("member", member)
                .param("version", version)
                .param("grid", grid)
                .param("position", position)
                .param("employment", employment)
                .param("name", name)
                .param("phone", phone)
                .param("phoneHash", phoneHash)
                .param("duties", duties)
                .param("user", user)
                .param("from", from)
                .param("to", to)
                .param("note", note)
                .param("at", at)
                .param("by", by)
                .param("byName", byName)
                .update();
        return ids;
    }

    /** Ends a version on a day, saying who ended it and why. */
    void end(String county, long id, LocalDate on, Instant at, Long by, String byName, String reason) {
        jdbc.sql("""
                        update team_member set valid_to = :on, ended_at = :at, ended_by = :by,
                            ended_by_name = :byName, end_reason = :reason
                        where county_code = :county and id = :id""")
                .param("county", county)
                .param("id", id)
                .param("on", on)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("byName", byName)
                .param("reason", reason)
                .update();
    }

    /** Whether any member was ever recorded. */
    boolean any() {
        return jdbc.sql("select exists (select 1 from team_member)")
                .query(Boolean.class)
                .single();
    }

    /** The versions holding on a day of a grid's members, whoever asks; for other modules. */
    List<RosterRow> team(String grid, LocalDate day) {
        return jdbc.sql("select " + COLUMNS + " from team_member m where m.county_code = :county"
                        + " and m.grid_code = :grid" + HOLDS + POSITION_ORDER)
                .param("county", TeamScope.countyOf(grid))
                .param("grid", grid)
                .param("day", day)
                .query(RosterRepository::map)
                .list();
    }

    /** The versions holding on a day of the members linked to an account, in any grid; for other modules. */
    List<RosterRow> heldBy(long user, LocalDate day) {
        return jdbc.sql("select " + COLUMNS + " from team_member m where m.user_id = :user" + HOLDS
                        + " order by m.grid_code, m.valid_from")
                .param("user", user)
                .param("day", day)
                .query(RosterRepository::map)
                .list();
    }

    /**
     * The latest versions of the members of a grid and the grids below it that still hold on a day or begin later:
     * what a grid that ends still has.
     */
    List<RosterRow> remaining(String gridPrefix, LocalDate day) {
        return jdbc.sql("select " + COLUMNS + " from team_member m where m.county_code = :county"
                        + " and m.grid_code like :grid || '%' and (m.valid_to is null or m.valid_to > :day)"
                        + " and m.version = (select max(x.version) from team_member x"
                        + " where x.county_code = m.county_code and x.member_id = m.member_id)"
                        + " order by m.member_id")
                .param("county", TeamScope.countyOf(gridPrefix))
                .param("grid", like(gridPrefix))
                .param("day", day)
                .query(RosterRepository::map)
                .list();
    }

    private static JdbcClient.StatementSpec scoped(JdbcClient.StatementSpec spec, DataScope scope) {
        return spec.param("prefix", scope.prefix()).param(DataScope.GRIDS_PARAMETER, scope.gridPatterns());
    }

    static RosterRow map(ResultSet rs, int n) throws SQLException {
        var recorded = rs.getTimestamp("recorded_at");
        var ended = rs.getTimestamp("ended_at");
        return new RosterRow(
                rs.getString("county_code"),
                rs.getLong("id"),
                rs.getLong("member_id"),
                rs.getInt("version"),
                rs.getString("grid_code"),
                rs.getString("position_code"),
                Employment.valueOf(rs.getString("employment")),
                rs.getString("name"),
                rs.getBytes("phone"),
                rs.getBytes("phone_hash"),
                rs.getString("duties"),
                rs.getObject("user_id", Long.class),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getString("note"),
                recorded == null ? null : recorded.toInstant(),
                rs.getObject("recorded_by", Long.class),
                rs.getString("recorded_by_name"),
                ended == null ? null : ended.toInstant(),
                rs.getString("ended_by_name"),
                rs.getString("end_reason"));
    }
}
