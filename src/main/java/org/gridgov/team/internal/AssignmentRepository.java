package org.gridgov.team.internal;

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
import org.gridgov.team.CadreLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Cadre assignments (包联). Reads on behalf of a caller bind the caller's scope against the area's code, or, for the
 * chain of a grid, against the grid whose areas are read.
 */
@Repository
@ScopedData(tables = {"team_assignment"})
class AssignmentRepository {

    private static final String COLUMNS = """
            a.county_code, a.id, a.region_code, a.cadre_level, a.user_id, a.cadre_name, a.organization_name, a.role,
            a.valid_from, a.valid_to, a.recorded_at, a.recorded_by, a.recorded_by_name, a.ended_at, a.ended_by_name,
            a.end_reason""";

    private static final String IN_SCOPE =
            " and a.region_code like :prefix || '%' and " + DataScope.inGrids("a.region_code");

    private static final String COUNTY = " and (cast(:county as text) is null or a.county_code = :county)";

    /** All assignments when :day is null, else those holding on it; one that ended where it began holds on none. */
    private static final String LISTED = COUNTY + IN_SCOPE + """
             and a.region_code like :region || '%'
             and (cast(:day as date) is null
                  or a.valid_from <= :day and (a.valid_to is null or a.valid_to > :day))
            """;

    private final JdbcClient jdbc;

    AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The assignments of the areas under a region in the scope, by area and level, the latest first. */
    List<AssignmentRow> list(String region, String county, LocalDate day, DataScope scope, PageQuery page) {
        return scoped(
                        jdbc.sql("select " + COLUMNS + " from team_assignment a where true" + LISTED
                                + " order by a.region_code, a.cadre_level, a.valid_from desc, a.id desc"
                                + " limit :limit offset :offset"),
                        scope)
                .param("region", region)
                .param("county", county)
                .param("day", day)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(AssignmentRepository::map)
                .list();
    }

    long count(String region, String county, LocalDate day, DataScope scope) {
        return scoped(jdbc.sql("select count(*) from team_assignment a where true" + LISTED), scope)
                .param("region", region)
                .param("county", county)
                .param("day", day)
                .query(Long.class)
                .single();
    }

    Optional<AssignmentRow> find(long id, String county, DataScope scope) {
        return scoped(
                        jdbc.sql("select " + COLUMNS + " from team_assignment a where a.id = :id" + COUNTY + IN_SCOPE),
                        scope)
                .param("id", id)
                .param("county", county)
                .query(AssignmentRepository::map)
                .optional();
    }

    /** An assignment locked until the transaction ends, so that two endings cannot both pass. */
    Optional<AssignmentRow> locked(String county, long id) {
        return jdbc.sql("select " + COLUMNS + " from team_assignment a where a.county_code = :county and a.id = :id"
                        + " for update")
                .param("county", county)
                .param("id", id)
                .query(AssignmentRepository::map)
                .optional();
    }

    /**
     * The assignments holding on a day for a grid and the areas it lies in, if the grid lies in the scope: the cadre
     * levels of its chain. The caller's scope is bound against the grid, whose village and township a grid worker may
     * see through it.
     */
    List<AssignmentRow> chain(String grid, List<String> areas, LocalDate day, DataScope scope) {
        return jdbc.sql("select " + COLUMNS + " from team_assignment a where a.county_code = :county"
                        + " and a.region_code = any(:areas)"
                        + " and a.valid_from <= :day and (a.valid_to is null or a.valid_to > :day)"
                        + " and cast(:grid as text) like :prefix || '%' and " + DataScope.inGrids("cast(:grid as text)")
                        + " order by length(a.region_code) desc, a.valid_from, a.id")
                .param("county", TeamScope.countyOf(grid))
                .param("areas", areas.toArray(String[]::new))
                .param("day", day)
                .param("grid", grid)
                .param("prefix", scope.prefix())
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .query(AssignmentRepository::map)
                .list();
    }

    /**
     * Whether the cadre (the account, or without one the name) is assigned to the area at any time in [from, to)
     * already.
     */
    boolean assignedAlready(String area, Long user, String name, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                                select count(*) from team_assignment a
                                where a.county_code = :county and a.region_code = :area
                                  and (a.user_id = :user or cast(:user as bigint) is null and a.user_id is null
                                       and a.cadre_name = :name)
                                  and (a.valid_to is null or a.valid_to > a.valid_from)
                                  and (a.valid_to is null or a.valid_to > :from)
                                  and (cast(:to as date) is null or a.valid_from < :to)""")
                        .param("county", TeamScope.countyOf(area))
                        .param("area", area)
                        .param("user", user)
                        .param("name", name)
                        .param("from", from)
                        .param("to", to)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insert(AssignmentRow r) {
        return jdbc.sql("""
                        insert into team_assignment (county_code, region_code, cadre_level, user_id, cadre_name,
                            organization_name, role, valid_from, valid_to, recorded_at, recorded_by, recorded_by_name)
                        values (:county, :region, :level, :user, :name, :organization, :role, :from, :to, :at, :by,
                            :byName)
                        returning id""")
                .param("county", r.countyCode())
                .param("region", r.regionCode())
                .param("level", r.cadreLevel().name())
                .param("user", r.userId())
                .param("name", r.cadreName())
                .param("organization", r.organizationName())
                .param("role", r.role())
                .param("from", r.validFrom())
                .param("to", r.validTo())
                .param("at", Timestamp.from(r.recordedAt()))
                .param("by", r.recordedBy())
                .param("byName", r.recordedByName())
                .query(Long.class)
                .single();
    }

    /** Inserts many assignments in one statement (the demo's). */
    void insertAll(List<AssignmentRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        var county = new String[n];
        var region = new String[n];
        var level = new String[n];
        var name = new String[n];
        var organization = new String[n];
        var role = new String[n];
        var from = new String[n];
        var at = new String[n];
        var byName = new String[n];
        for (int i = 0; i < n; i++) {
            var r = rows.get(i);
            county[i] = r.countyCode();
            region[i] = r.regionCode();
            level[i] = r.cadreLevel().name();
            name[i] = r.cadreName();
            organization[i] = r.organizationName();
            role[i] = r.role();
            from[i] = r.validFrom().toString();
            at[i] = r.recordedAt().toString();
            byName[i] = r.recordedByName();
        }
        jdbc.sql("""
                        insert into team_assignment (county_code, region_code, cadre_level, cadre_name,
                            organization_name, role, valid_from, recorded_at, recorded_by_name)
                        select t.county, t.region, t.cadre_level, t.cadre_name, t.organization_name, t.role,
                            cast(t.valid_from as date), cast(t.recorded_at as timestamptz), t.recorded_by_name
                        from unnest(cast(:county as text[]), cast(:region as text[]), cast(:level as text[]),
                            cast(:name as text[]), cast(:organization as text[]), cast(:role as text[]),
                            cast(:from as text[]), cast(:at as text[]), cast(:byName as text[]))
                            as t(county, region, cadre_level, cadre_name, organization_name, role, valid_from,
                                 recorded_at, recorded_by_name)""")
                .param("county", county)
                .param("region", region)
                .param("level", level)
                .param("name", name)
                .param("organization", organization)
                .param("role", role)
                .param("from", from)
                .param("at", at)
                .param("byName", byName)
                .update();
    }

    void end(String county, long id, LocalDate on, Instant at, Long by, String byName, String reason) {
        jdbc.sql("""
                        update team_assignment set valid_to = :on, ended_at = :at, ended_by = :by,
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

    /** The assignments of a grid and the grids below it that still hold on a day or begin later. */
    List<AssignmentRow> remaining(String gridPrefix, LocalDate day) {
        return jdbc.sql("select " + COLUMNS + " from team_assignment a where a.county_code = :county"
                        + " and a.region_code like :grid || '%' and length(a.region_code) >= 15"
                        + " and (a.valid_to is null or a.valid_to > :day) order by a.id")
                .param("county", TeamScope.countyOf(gridPrefix))
                .param("grid", gridPrefix)
                .param("day", day)
                .query(AssignmentRepository::map)
                .list();
    }

    private static JdbcClient.StatementSpec scoped(JdbcClient.StatementSpec spec, DataScope scope) {
        return spec.param("prefix", scope.prefix()).param(DataScope.GRIDS_PARAMETER, scope.gridPatterns());
    }

    static AssignmentRow map(ResultSet rs, int n) throws SQLException {
        var recorded = rs.getTimestamp("recorded_at");
        var ended = rs.getTimestamp("ended_at");
        return new AssignmentRow(
                rs.getString("county_code"),
                rs.getLong("id"),
                rs.getString("region_code"),
                CadreLevel.valueOf(rs.getString("cadre_level")),
                rs.getObject("user_id", Long.class),
                rs.getString("cadre_name"),
                rs.getString("organization_name"),
                rs.getString("role"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                recorded == null ? null : recorded.toInstant(),
                rs.getObject("recorded_by", Long.class),
                rs.getString("recorded_by_name"),
                ended == null ? null : ended.toInstant(),
                rs.getString("ended_by_name"),
                rs.getString("end_reason"));
    }
}
