package org.gridgov.assessment.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridgov.assessment.Figure;
import org.gridgov.assessment.SubjectType;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Closed periods and their frozen results, per county. */
@Repository
@ScopedData(tables = {"assessment_period", "assessment_result"})
class ResultRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final JsonMapper json;

    ResultRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, JsonMapper json) {
        this.jdbc = jdbc;
        this.named = named;
        this.json = json;
    }

    record Closing(String countyCode, String period, Instant closedAt, String closerName) {}

    Optional<Closing> closing(String county, String period) {
        return jdbc.sql("""
                        select county_code, period, closed_at, closer_name from assessment_period
                        where county_code = :county and period = :period""")
                .param("county", county)
                .param("period", period)
                .query((rs, n) -> new Closing(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .optional();
    }

    /** Marks a period closed; false when it already was (by another request or node). */
    boolean close(String county, String period, Long by, String name, Instant at) {
        return jdbc.sql("""
                        insert into assessment_period (county_code, period, closed_at, closed_by, closer_name)
                        values (:county, :period, :at, :by, :name) on conflict do nothing""")
                        .param("county", county)
                        .param("period", period)
                        .param("at", Timestamp.from(at))
                        .param("by", by, java.sql.Types.BIGINT)
                        .param("name", name)
                        .update()
                == 1;
    }

    /** Keeps the results of a closing, as one batch. */
    void saveAll(String county, String period, List<Scoring.Counted> counted) {
        var rows = counted.stream()
                .map(c -> new MapSqlParameterSource()
                        .addValue("county", county)
                        .addValue("period", period)
                        .addValue("subject", c.subject().key())
                        .addValue("type", c.subject().type().name())
                        .addValue("name", c.subject().name())
                        .addValue("region", c.subject().regionCode())
                        .addValue("base", c.base())
                        .addValue("veto", c.veto())
                        .addValue("figures", json.writeValueAsString(c.figures())))
                .toArray(SqlParameterSource[]::new);
        named.batchUpdate("""
                insert into assessment_result (county_code, period, subject, subject_type, name, region_code,
                    base_score, veto, figures)
                values (:county, :period, :subject, :type, :name, :region, :base, :veto, cast(:figures as jsonb))""", rows);
    }

    List<Scoring.Counted> results(String county, String period, SubjectType type) {
        return jdbc.sql("""
                        select subject, name, region_code, base_score, veto, figures::text from assessment_result
                        where county_code = :county and period = :period and subject_type = :type
                        order by subject""")
                .param("county", county)
                .param("period", period)
                .param("type", type.name())
                .query((rs, n) -> {
                    String key = rs.getString(1);
                    var subject = new Scoring.Subject(
                            key, type, key.substring(key.indexOf(':') + 1), rs.getString(2), rs.getString(3), 0);
                    double base = rs.getDouble(4);
                    Double baseScore = rs.wasNull() ? null : base;
                    List<Figure> figures = json.readValue(rs.getString(6), new TypeReference<List<Figure>>() {});
                    return new Scoring.Counted(subject, figures, baseScore, rs.getString(5));
                })
                .list();
    }
}
