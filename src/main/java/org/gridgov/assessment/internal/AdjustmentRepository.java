package org.gridgov.assessment.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.assessment.Adjustment;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 加分 / 扣分 requests and their decisions. */
@Repository
@ScopedData(tables = {"assessment_adjustment"})
class AdjustmentRepository {

    private static final String COLUMNS = """
            id, period, subject, subject_name, points, reason, status, entered_by, entered_name, entered_at,
            decider_name, decision_note, decided_at""";

    private final JdbcClient jdbc;

    AdjustmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            String county,
            String period,
            Scoring.Subject subject,
            double points,
            String reason,
            long by,
            String byName,
            Instant at) {
        return jdbc.sql("""
                        insert into assessment_adjustment (county_code, period, subject, subject_name, region_code,
                            points, reason, entered_by, entered_name, entered_at)
                        values (:county, :period, :subject, :name, :region, :points, :reason, :by, :byName, :at)
                        returning id""")
                .param("county", county)
                .param("period", period)
                .param("subject", subject.key())
                .param("name", subject.name())
                .param("region", subject.regionCode())
                .param("points", points)
                .param("reason", reason)
                .param("by", by)
                .param("byName", byName)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    Optional<Adjustment> find(String county, long id) {
        return jdbc.sql("select " + COLUMNS + " from assessment_adjustment where county_code = :county and id = :id")
                .param("county", county)
                .param("id", id)
                .query((rs, n) -> adjustment(rs))
                .optional();
    }

    record Stored(String county, long enteredBy, Adjustment adjustment) {}

    /** An adjustment under a region prefix (the caller's scope), locked for a decision. */
    Optional<Stored> forDecision(long id, String scopePrefix) {
        return jdbc.sql("select county_code, " + COLUMNS + """
                         from assessment_adjustment
                        where id = :id and region_code like :scope || '%' for update""")
                .param("id", id)
                .param("scope", scopePrefix)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getLong("entered_by"), adjustment(rs)))
                .optional();
    }

    boolean decide(String county, long id, String status, long by, String name, String note, Instant at) {
        return jdbc.sql("""
                        update assessment_adjustment set status = :status, decided_by = :by, decider_name = :name,
                            decision_note = :note, decided_at = :at
                        where county_code = :county and id = :id and status = 'PENDING'""")
                        .param("status", status)
                        .param("by", by)
                        .param("name", name)
                        .param("note", note)
                        .param("at", Timestamp.from(at))
                        .param("county", county)
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Approved points per subject of a county's period. */
    Map<String, Double> approved(String county, String period) {
        var map = new HashMap<String, Double>();
        jdbc.sql("""
                        select subject, sum(points) from assessment_adjustment
                        where county_code = :county and period = :period and status = 'APPROVED' group by subject""").param("county", county).param("period", period).query(rs -> {
            map.put(rs.getString(1), rs.getDouble(2));
        });
        return map;
    }

    /** Adjustments of subjects under a region prefix, newest first; null filters do not narrow. */
    List<Adjustment> list(String prefix, String period, String subject, String status, PageQuery page) {
        return jdbc.sql("select " + COLUMNS + " from assessment_adjustment where " + FILTER
                        + " order by entered_at desc, id desc limit :limit offset :offset")
                .param("prefix", prefix)
                .param("period", period)
                .param("subject", subject)
                .param("status", status)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> adjustment(rs))
                .list();
    }

    long count(String prefix, String period, String subject, String status) {
        return jdbc.sql("select count(*) from assessment_adjustment where " + FILTER)
                .param("prefix", prefix)
                .param("period", period)
                .param("subject", subject)
                .param("status", status)
                .query(Long.class)
                .single();
    }

    /** The subject's region (a worker's area, a department's region) lies under the prefix. */
    private static final String FILTER = """
            county_code like left(:prefix, 6) || '%' and region_code like :prefix || '%'
            and (cast(:period as text) is null or period = :period)
            and (cast(:subject as text) is null or subject = :subject)
            and (cast(:status as text) is null or status = :status)""";

    private static Adjustment adjustment(java.sql.ResultSet rs) throws java.sql.SQLException {
        var decided = rs.getTimestamp("decided_at");
        return new Adjustment(
                rs.getLong("id"),
                rs.getString("period"),
                rs.getString("subject"),
                rs.getString("subject_name"),
                rs.getDouble("points"),
                rs.getString("reason"),
                rs.getString("status"),
                rs.getString("entered_name"),
                rs.getTimestamp("entered_at").toInstant(),
                rs.getString("decider_name"),
                rs.getString("decision_note"),
                decided == null ? null : decided.toInstant());
    }
}
