package org.gridgov.assessment.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.assessment.Figure;
import org.gridgov.assessment.Indicator;
import org.gridgov.assessment.SubjectType;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Closed periods and their frozen results, per county. */
@Repository
@ScopedData(tables = {"assessment_period", "assessment_result"})
class ResultRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ResultRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
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

    /**
     * Keeps the results of a closing in one statement of arrays, one element per subject: a county's thousands of
     * results as a JDBC batch cost a round of parse and execute each, most of a closing's time.
     */
    void saveAll(String county, String period, List<Scoring.Counted> counted) {
        if (counted.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into assessment_result (county_code, period, subject, subject_type, name, region_code,
                            base_score, veto, figures)
                        select :county, :period, r.subject, r.type, r.name, r.region, r.base, r.veto,
                            cast(r.figures as jsonb)
                        from unnest(cast(:subjects as text[]), cast(:types as text[]), cast(:names as text[]),
                            cast(:regions as text[]), cast(:bases as float8[]), cast(:vetoes as text[]),
                            cast(:figures as text[])) as r (subject, type, name, region, base, veto, figures)""")
                .param("county", county)
                .param("period", period)
                .param("subjects", column(counted, c -> c.subject().key()))
                .param("types", column(counted, c -> c.subject().type().name()))
                .param("names", column(counted, c -> c.subject().name()))
                .param("regions", column(counted, c -> c.subject().regionCode()))
                .param("bases", counted.stream().map(Scoring.Counted::base).toArray(Double[]::new))
                .param("vetoes", column(counted, Scoring.Counted::veto))
                .param("figures", column(counted, c -> compact(c.figures())))
                .update();
    }

    /**
     * A subject's figures as kept: one array per indicator of its name and numbers, {@code [indicator, numerator,
     * denominator, value, weight, contribution]}. Labels and kinds come from the indicator when read, so that a
     * result stays small enough to be stored inline rather than compressed out of line: a province keeps some
     * 200,000 of them a month.
     */
    private String compact(List<Figure> figures) {
        var rows = new ArrayList<List<Object>>(figures.size());
        for (var f : figures) {
            var row = new ArrayList<Object>(6);
            row.add(f.indicator().name());
            row.add(f.numerator());
            row.add(f.denominator());
            row.add(f.value());
            row.add(f.weight());
            row.add(f.contribution());
            rows.add(row);
        }
        return json.writeValueAsString(rows);
    }

    private List<Figure> figures(String kept) {
        var figures = new ArrayList<Figure>();
        for (var row : json.readTree(kept)) {
            var indicator = Indicator.valueOf(row.get(0).asString());
            var value = row.get(3);
            figures.add(new Figure(
                    indicator,
                    indicator.label(),
                    indicator.labelEn(),
                    indicator.kind(),
                    row.get(1).asLong(),
                    row.get(2).asLong(),
                    value.isNull() ? null : value.asDouble(),
                    row.get(4).asDouble(),
                    row.get(5).asDouble()));
        }
        return figures;
    }

    private static String[] column(
            List<Scoring.Counted> counted, java.util.function.Function<Scoring.Counted, String> f) {
        return counted.stream().map(f).toArray(String[]::new);
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
                    List<Figure> figures = figures(rs.getString(6));
                    return new Scoring.Counted(subject, figures, baseScore, rs.getString(5));
                })
                .list();
    }
}
