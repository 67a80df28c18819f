package org.gridgov.event.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Skip-level rules (越级) and the copies (抄送) they make. */
@Repository
@ScopedData(tables = {"skip_level_rule", "event_copy"})
class SkipLevelRepository {

    private final JdbcClient jdbc;

    SkipLevelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a report of this category and urgency goes, and who gets a copy. */
    record SkipLevel(String targetLevel, List<String> copyOrgs) {}

    /** The rule of the category itself, else of its major. */
    Optional<SkipLevel> rule(String categoryCode, String majorCode, String urgency) {
        return jdbc.sql("""
                        select target_level, copy_orgs from skip_level_rule
                        where urgency = :urgency and category_code in (:category, :major)
                        order by case when category_code = :category then 0 else 1 end limit 1""")
                .param("urgency", urgency)
                .param("category", categoryCode)
                .param("major", majorCode)
                .query((rs, n) -> new SkipLevel(rs.getString("target_level"), strings(rs.getArray("copy_orgs"))))
                .optional();
    }

    void copy(long eventId, String organizationCode, Instant at) {
        jdbc.sql("insert into event_copy (event_id, organization_code, copied_at) values (:event, :org, :at)"
                        + " on conflict do nothing")
                .param("event", eventId)
                .param("org", organizationCode)
                .param("at", Timestamp.from(at))
                .update();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
