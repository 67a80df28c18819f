package org.gridgov.registry.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.gridgov.common.DataScope;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts over residents and houses per area and per grid; always within a scope prefix bound as a parameter. */
@Repository
@ScopedData(tables = {"resident", "house", "person_group_member"})
class FiguresRepository {

    /** Counts of residents per area, an area being the first {@code length} characters of the grid code. */
    record ResidentCounts(
            String code,
            long residents,
            long registered,
            long floating,
            long foreign,
            long leftBehind,
            long households,
            long specialGroupMembers) {}

    record HouseCounts(String code, long houses, long rentals) {}

    private final JdbcClient jdbc;

    FiguresRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts per area; the special-group count only when {@code special} (else 0, without the subqueries). */
    List<ResidentCounts> residentsPerArea(DataScope scope, int length, boolean special) {
        return jdbc.sql("""
                        select left(grid_code, :length) as code, count(*) as residents,
                            count(*) filter (where kind = 'REGISTERED') as registered,
                            count(*) filter (where kind = 'FLOATING') as floating,
                            count(*) filter (where kind = 'FOREIGN') as foreign_residents,
                            count(*) filter (where kind = 'LEFT_BEHIND') as left_behind,
                            count(distinct household_id) as households,
                            count(*) filter (where :special and exists (select 1 from person_group_member m
                                join person_group_type t on t.code = m.group_code
                                where m.resident_id = resident.id and m.ended_at is null
                                  and t.category = 'SPECIAL')) as special_members
                        from resident
                        where grid_code like :prefix || '%' and retired_at is null and """ + DataScope.inGrids("grid_code") + " group by 1 order by 1")
                .param("prefix", scope.prefix())
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .param("length", length)
                .param("special", special)
                .query((rs, n) -> new ResidentCounts(
                        rs.getString("code"),
                        rs.getLong("residents"),
                        rs.getLong("registered"),
                        rs.getLong("floating"),
                        rs.getLong("foreign_residents"),
                        rs.getLong("left_behind"),
                        rs.getLong("households"),
                        rs.getLong("special_members")))
                .list();
    }

    List<HouseCounts> housesPerArea(DataScope scope, int length) {
        return jdbc.sql("""
                        select left(grid_code, :length) as code, count(*) as houses,
                            count(*) filter (where rental) as rentals
                        from house
                        where grid_code like :prefix || '%' and retired_at is null and """ + DataScope.inGrids("grid_code") + " group by 1 order by 1")
                .param("prefix", scope.prefix())
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .param("length", length)
                .query((rs, n) -> new HouseCounts(rs.getString("code"), rs.getLong("houses"), rs.getLong("rentals")))
                .list();
    }

    /** A grid's gaps: residents, then how many lack each required field, and how many were not confirmed lately. */
    record GridGaps(
            String gridCode,
            long residents,
            long missingPhone,
            long missingAddress,
            long missingHousehold,
            long missingEthnicity,
            long unverified,
            long overdueFollowUps) {}

    // Worst first: the share of missing fields decides, so that a small grid with gaps is not hidden by big ones. A
    // child under 16 is reached through the household and is not expected to have a phone of its own.
    private static final String GAPS = """
            select grid_code, count(*) as residents,
                count(*) filter (where phone is null
                    and (birth_date is null or birth_date <= cast(:today as date) - interval '16 years'))
                    as missing_phone,
                count(*) filter (where current_address is null and house_id is null) as missing_address,
                count(*) filter (where household_id is null) as missing_household,
                count(*) filter (where ethnicity is null and kind <> 'FOREIGN') as missing_ethnicity,
                count(*) filter (where coalesce(verified_at, created_at) < :verifiedBefore) as unverified,
                count(*) filter (where :special and exists (select 1 from person_group_member m
                    where m.resident_id = resident.id
                    and m.ended_at is null and m.next_due_on < :today)) as overdue_follow_ups
            from resident
            where grid_code like :prefix || '%' and retired_at is null and """ + DataScope.inGrids("grid_code") + " group by grid_code";

    /** The grids' gaps, worst first; overdue follow-ups only when {@code special} (else 0, without the subqueries). */
    List<GridGaps> gaps(
            DataScope scope, Instant verifiedBefore, java.time.LocalDate today, boolean special, PageQuery page) {
        return jdbc.sql("select * from (" + GAPS + ") g"
                        + " order by (missing_phone + missing_address + missing_household + missing_ethnicity)::float"
                        + " / residents desc, unverified desc, grid_code limit :limit offset :offset")
                .param("prefix", scope.prefix())
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .param("verifiedBefore", verifiedBefore.atOffset(ZoneOffset.UTC))
                .param("today", today)
                .param("special", special)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new GridGaps(
                        rs.getString("grid_code"),
                        rs.getLong("residents"),
                        rs.getLong("missing_phone"),
                        rs.getLong("missing_address"),
                        rs.getLong("missing_household"),
                        rs.getLong("missing_ethnicity"),
                        rs.getLong("unverified"),
                        rs.getLong("overdue_follow_ups")))
                .list();
    }

    /**
     * Every grid's base-data quality under a prefix: the required fields as {@link #gaps} counts them (a child's
     * phone and a foreigner's ethnicity are not required), the records confirmed since {@code verifiedBefore}, and
     * the members of special and service groups whose follow-up is not overdue.
     */
    List<org.gridgov.registry.GridRecordQuality> qualityPerGrid(
            String prefix, Instant verifiedBefore, java.time.LocalDate today) {
        return jdbc.sql("""
                        select r.grid_code, count(*) as residents,
                            count(*) filter (where r.birth_date is null
                                or r.birth_date <= cast(:today as date) - interval '16 years')
                              + count(*) * 2 + count(*) filter (where r.kind <> 'FOREIGN') as required,
                            count(*) filter (where r.phone is null
                                and (r.birth_date is null or r.birth_date <= cast(:today as date) - interval '16 years'))
                              + count(*) filter (where r.current_address is null and r.house_id is null)
                              + count(*) filter (where r.household_id is null)
                              + count(*) filter (where r.ethnicity is null and r.kind <> 'FOREIGN') as missing,
                            count(*) filter (where coalesce(r.verified_at, r.created_at) >= :verifiedBefore) as verified,
                            coalesce(sum(m.members), 0) as members,
                            coalesce(sum(m.on_time), 0) as on_time
                        from resident r
                        left join lateral (
                            select count(*) as members, count(*) filter (where g.next_due_on >= :today) as on_time
                            from person_group_member g where g.resident_id = r.id and g.ended_at is null) m on true
                        where r.grid_code like :prefix || '%' and r.retired_at is null
                        group by r.grid_code""")
                .param("prefix", prefix)
                .param("verifiedBefore", verifiedBefore.atOffset(ZoneOffset.UTC))
                .param("today", today)
                .query((rs, n) -> new org.gridgov.registry.GridRecordQuality(
                        rs.getString("grid_code"),
                        rs.getLong("residents"),
                        rs.getLong("required"),
                        rs.getLong("missing"),
                        rs.getLong("verified"),
                        rs.getLong("members"),
                        rs.getLong("on_time")))
                .list();
    }

    long countGrids(DataScope scope) {
        return jdbc.sql("select count(distinct grid_code) from resident where grid_code like :prefix || '%'"
                        + " and retired_at is null and " + DataScope.inGrids("grid_code"))
                .param("prefix", scope.prefix())
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .query(Long.class)
                .single();
    }

    /** Marks a resident's record as confirmed by someone who saw the person (on a visit, at the door). */
    boolean confirm(long residentId, DataScope scope, Instant at) {
        return jdbc.sql("update resident set verified_at = :at where id = :id and grid_code like :prefix || '%'"
                                + " and retired_at is null and " + DataScope.inGrids("grid_code"))
                        .param("id", residentId)
                        .param("prefix", scope.prefix())
                        .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                        .param("at", at.atOffset(ZoneOffset.UTC))
                        .update()
                == 1;
    }
}
