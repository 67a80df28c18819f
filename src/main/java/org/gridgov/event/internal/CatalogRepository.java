package org.gridgov.event.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridgov.common.PageQuery;
import org.gridgov.event.Step;
import org.gridgov.event.TimeUnitKind;
import org.gridgov.event.Urgency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The event category catalog: its versions, categories, time-limit rules and responsibilities; read-only. */
@Repository
class CatalogRepository {

    private final JdbcClient jdbc;

    CatalogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record VersionRow(int id, String name, Instant publishedAt, long categories) {}

    record CategoryRow(
            String code,
            String name,
            String parentCode,
            String kind,
            String domain,
            String standardRef,
            boolean localExtension) {

        boolean isMajor() {
            return parentCode == null;
        }
    }

    record RuleRow(
            String categoryCode,
            Urgency urgency,
            String areaClass,
            Step step,
            int amount,
            TimeUnitKind unit,
            boolean autoEscalate) {}

    record ResponsibilityRow(String categoryCode, String regionLevel, String organizationCode) {}

    /** The highest version published at or before {@code now}. */
    Optional<Integer> currentVersionId(Instant now) {
        return jdbc.sql("select id from catalog_version where published_at <= :now order by id desc limit 1")
                .param("now", Timestamp.from(now))
                .query(Integer.class)
                .optional();
    }

    List<CategoryRow> categories(int versionId) {
        return jdbc.sql("""
                        select code, name, parent_code, kind, domain, standard_ref, local_extension
                        from event_category where version_id = :version order by code""")
                .param("version", versionId)
                .query((rs, n) -> new CategoryRow(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("parent_code"),
                        rs.getString("kind"),
                        rs.getString("domain"),
                        rs.getString("standard_ref"),
                        rs.getBoolean("local_extension")))
                .list();
    }

    List<RuleRow> rules(int versionId) {
        return jdbc.sql("""
                        select category_code, urgency, area_class, step, amount, unit, auto_escalate
                        from time_limit_rule where version_id = :version order by id""")
                .param("version", versionId)
                .query(CatalogRepository::rule)
                .list();
    }

    List<ResponsibilityRow> responsibilities(int versionId) {
        return jdbc.sql("""
                        select category_code, region_level, organization_code
                        from responsibility where version_id = :version order by id""")
                .param("version", versionId)
                .query((rs, n) -> new ResponsibilityRow(
                        rs.getString("category_code"), rs.getString("region_level"), rs.getString("organization_code")))
                .list();
    }

    /** Versions newest first, with how many categories each holds. */
    List<VersionRow> versions(PageQuery page) {
        return jdbc.sql("""
                        select v.id, v.name, v.published_at,
                               (select count(*) from event_category c where c.version_id = v.id) as categories
                        from catalog_version v order by v.id desc limit :limit offset :offset""")
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new VersionRow(
                        rs.getInt("id"),
                        rs.getString("name"),
                        instant(rs.getTimestamp("published_at")),
                        rs.getLong("categories")))
                .list();
    }

    long countVersions() {
        return jdbc.sql("select count(*) from catalog_version")
                .query(Long.class)
                .single();
    }

    private static RuleRow rule(ResultSet rs, int n) throws SQLException {
        return new RuleRow(
                rs.getString("category_code"),
                Urgency.valueOf(rs.getString("urgency")),
                rs.getString("area_class"),
                Step.valueOf(rs.getString("step")),
                rs.getInt("amount"),
                TimeUnitKind.valueOf(rs.getString("unit")),
                rs.getBoolean("auto_escalate"));
    }

    private static Instant instant(Timestamp time) {
        return time == null ? null : time.toInstant();
    }
}
