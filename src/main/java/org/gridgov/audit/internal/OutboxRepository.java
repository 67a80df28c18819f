package org.gridgov.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit_outbox table: written in business transactions, emptied when requests end and by the sweep. */
@Repository
class OutboxRepository {

    private static final String COLUMNS = """
            user_id, username, roles, organization, action, object_type, object_id, result, purpose, detail,
            client_address, input_problems""";

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OutboxKey insert(String countyCode, CleanEntry e) {
        long id = jdbc.sql("insert into audit_outbox (county_code, " + COLUMNS + ") values (:county, :userId,"
                        + " :username, :roles, :organization, :action, :objectType, :objectId, :result, :purpose,"
                        + " :detail, :clientAddress, :inputProblems) returning id")
                .param("county", countyCode)
                .param("userId", e.userId())
                .param("username", e.username())
                .param("roles", e.roles())
                .param("organization", e.organization())
                .param("action", e.action())
                .param("objectType", e.objectType())
                .param("objectId", e.objectId())
                .param("result", e.result())
                .param("purpose", e.purpose())
                .param("detail", e.detail())
                .param("clientAddress", e.clientAddress())
                .param("inputProblems", e.inputProblems())
                .query(Long.class)
                .single();
        return new OutboxKey(countyCode, id);
    }

    void delete(List<OutboxKey> keys) {
        for (var key : keys) {
            jdbc.sql("delete from audit_outbox where county_code = :county and id = :id")
                    .param("county", key.countyCode())
                    .param("id", key.id())
                    .update();
        }
    }

    /**
     * Rows older than {@code age}, oldest first, locked until the caller's transaction ends; rows another node is
     * sweeping, or a request is just completing, are skipped.
     */
    List<OutboxRow> claimOlderThan(Duration age, int limit) {
        return jdbc.sql("select county_code, id, " + COLUMNS + " from audit_outbox"
                        + " where created_at < clock_timestamp() - make_interval(secs => :seconds)"
                        + " order by created_at, id limit :limit for update skip locked")
                .param("seconds", age.toMillis() / 1000.0)
                .param("limit", limit)
                .query(OutboxRepository::row)
                .list();
    }

    private static OutboxRow row(ResultSet rs, int n) throws SQLException {
        return new OutboxRow(
                new OutboxKey(rs.getString("county_code"), rs.getLong("id")),
                new CleanEntry(
                        rs.getObject("user_id", Long.class),
                        rs.getString("username"),
                        rs.getString("roles"),
                        rs.getString("organization"),
                        rs.getString("action"),
                        rs.getString("object_type"),
                        rs.getString("object_id"),
                        rs.getString("result"),
                        rs.getString("purpose"),
                        rs.getString("detail"),
                        rs.getString("client_address"),
                        rs.getString("input_problems")));
    }
}
