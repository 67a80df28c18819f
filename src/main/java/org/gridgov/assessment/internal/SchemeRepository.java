package org.gridgov.assessment.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.assessment.Indicator;
import org.gridgov.assessment.SubjectType;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The scoring schemes, versioned by the period they take effect from; a deployment-wide one where a region has none. */
@Repository
@ScopedData(tables = "assessment_scheme")
class SchemeRepository {

    /** The columns every query reads, in the order {@link #scheme} maps them; each query continues on a new line. */
    private static final String SELECT = "select id, region_code, subject_type, effective_from, weights::text, "
            + "penalties::text, excellent_min, good_min, pass_min, excellent_share, report_quota, vetoes::text, created_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SchemeRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The scheme for a subject type in a region for a period starting on {@code first}: of the region or the closest
     * region above it that has one (the deployment's, region ''), the latest taking effect on or before that day.
     */
    Optional<Scheme> effective(SubjectType type, String regionCode, LocalDate first) {
        return jdbc.sql(SELECT + """

                        from assessment_scheme
                        where subject_type = :type and :region like region_code || '%' and effective_from <= :first
                        order by length(region_code) desc, effective_from desc limit 1""")
                .param("type", type.name())
                .param("region", regionCode)
                .param("first", Date.valueOf(first))
                .query((rs, n) -> scheme(rs))
                .optional();
    }

    /** A version of a scheme with the moment it was saved. */
    record Saved(Scheme scheme, Instant at) {}

    /**
     * One page of the versions that may apply to a region: its own and those of the regions above it down to the
     * deployment's, latest first and, from the same month, the closer region's first.
     */
    List<Saved> versions(SubjectType type, String regionCode, PageQuery page) {
        return jdbc.sql(SELECT + """

                        from assessment_scheme
                        where subject_type = :type and :region like region_code || '%'
                        order by effective_from desc, length(region_code) desc limit :size offset :offset""")
                .param("type", type.name())
                .param("region", regionCode)
                .param("size", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new Saved(scheme(rs), rs.getTimestamp(13).toInstant()))
                .list();
    }

    long countVersions(SubjectType type, String regionCode) {
        return jdbc.sql("""
                        select count(*) from assessment_scheme
                        where subject_type = :type and :region like region_code || '%'""")
                .param("type", type.name())
                .param("region", regionCode)
                .query(Long.class)
                .single();
    }

    /** Adds a version of a region's scheme; one taking effect from the same day replaces it. */
    void save(Scheme s, long by, Instant at) {
        jdbc.sql("""
                        insert into assessment_scheme (region_code, subject_type, effective_from, weights, penalties,
                            excellent_min, good_min, pass_min, excellent_share, report_quota, vetoes, created_by,
                            created_at)
                        values (:region, :type, :from, cast(:weights as jsonb), cast(:penalties as jsonb), :excellent,
                            :good, :pass, :share, :quota, cast(:vetoes as jsonb), :by, :at)
                        on conflict (region_code, subject_type, effective_from) do update set
                            weights = excluded.weights, penalties = excluded.penalties,
                            excellent_min = excluded.excellent_min, good_min = excluded.good_min,
                            pass_min = excluded.pass_min, excellent_share = excluded.excellent_share,
                            report_quota = excluded.report_quota, vetoes = excluded.vetoes,
                            created_by = excluded.created_by, created_at = excluded.created_at""")
                .param("region", s.regionCode())
                .param("type", s.subjectType().name())
                .param("from", Date.valueOf(s.effectiveFrom()))
                .param("weights", json.writeValueAsString(s.weights()))
                .param("penalties", json.writeValueAsString(s.penalties()))
                .param("excellent", s.excellentMin())
                .param("good", s.goodMin())
                .param("pass", s.passMin())
                .param("share", s.excellentShare())
                .param("quota", s.reportQuota())
                .param("vetoes", json.writeValueAsString(s.vetoes()))
                .param("by", by)
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    private Scheme scheme(ResultSet rs) throws SQLException {
        return new Scheme(
                rs.getLong(1),
                rs.getString(2),
                SubjectType.valueOf(rs.getString(3)),
                rs.getDate(4).toLocalDate(),
                indicators(rs.getString(5)),
                indicators(rs.getString(6)),
                rs.getDouble(7),
                rs.getDouble(8),
                rs.getDouble(9),
                rs.getObject(10) == null ? null : rs.getDouble(10),
                rs.getInt(11),
                json.readValue(rs.getString(12), new TypeReference<List<Scheme.Veto>>() {}));
    }

    private Map<Indicator, Double> indicators(String text) {
        Map<String, Double> raw = json.readValue(text, new TypeReference<Map<String, Double>>() {});
        var map = new EnumMap<Indicator, Double>(Indicator.class);
        raw.forEach((k, v) -> map.put(Indicator.valueOf(k), v));
        return map;
    }
}
