package org.gridgov.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.gridgov.common.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit_log table: appends under the chain lock, the chain in id order, and searches. */
@Repository
class AuditRepository {

    /**
     * Key of the transaction-scoped advisory lock that serializes appends across all nodes ("audit" in ASCII); only
     * this module may use it.
     */
    static final long CHAIN_LOCK = 0x6175646974L;

    private static final String COLUMNS = """
            id, recorded_at, user_id, username, roles, organization, action, object_type, object_id, result,
            purpose, detail, client_address, input_problems, prev_hash, hash""";

    /** Every filter is optional: a null parameter matches all rows, and values are always bound, never spliced. */
    private static final String FILTER = """
            where (cast(:from as timestamptz) is null or recorded_at >= cast(:from as timestamptz))
              and (cast(:to as timestamptz) is null or recorded_at < cast(:to as timestamptz))
              and (cast(:username as text) is null or username = cast(:username as text))
              and (cast(:action as text) is null or action = cast(:action as text))
              and (cast(:objectType as text) is null or object_type = cast(:objectType as text))
              and (cast(:objectId as text) is null or object_id = cast(:objectId as text))
              and (cast(:result as text) is null or result = cast(:result as text))""";

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for, then holds until commit, the right to append; the caller must be in a transaction. */
    void lockChain() {
        jdbc.sql("select 1 from pg_advisory_xact_lock(:key)")
                .param("key", CHAIN_LOCK)
                .query(Integer.class)
                .single();
    }

    /** Whether this connection's role is a superuser or holds UPDATE, DELETE or TRUNCATE (as the owner does). */
    boolean mayBeChangedByCurrentRole() {
        return jdbc.sql("select current_setting('is_superuser') = 'on'"
                        + " or has_table_privilege('audit_log', 'UPDATE, DELETE, TRUNCATE')")
                .query(Boolean.class)
                .single();
    }

    Optional<byte[]> lastHash() {
        return jdbc.sql("select hash from audit_log order by id desc limit 1")
                .query((rs, n) -> rs.getBytes("hash"))
                .optional();
    }

    long nextId() {
        return jdbc.sql("select nextval(pg_get_serial_sequence('audit_log', 'id'))")
                .query(Long.class)
                .single();
    }

    void insert(ChainRow row) {
        jdbc.sql("insert into audit_log (" + COLUMNS + ") values (:id, :recordedAt, :userId, :username, :roles,"
                        + " :organization, :action, :objectType, :objectId, :result, :purpose, :detail,"
                        + " :clientAddress, :inputProblems, :prevHash, :hash)")
                .param("id", row.id())
                .param("recordedAt", row.recordedAt().atOffset(ZoneOffset.UTC))
                .param("userId", row.userId())
                .param("username", row.username())
                .param("roles", row.roles())
                .param("organization", row.organization())
                .param("action", row.action())
                .param("objectType", row.objectType())
                .param("objectId", row.objectId())
                .param("result", row.result())
                .param("purpose", row.purpose())
                .param("detail", row.detail())
                .param("clientAddress", row.clientAddress())
                .param("inputProblems", row.inputProblems())
                .param("prevHash", row.prevHash())
                .param("hash", row.hash())
                .update();
    }

    /**
     * The whole chain in id order, fetched in batches so that a long log does not have to fit in memory; the
     * stream holds a cursor and must be closed inside the caller's transaction.
     */
    Stream<ChainRow> chain(int fetchSize) {
        return jdbc
                .sql("select " + COLUMNS + " from audit_log order by id")
                .withFetchSize(fetchSize)
                .query(AuditRepository::row)
                .stream();
    }

    List<ChainRow> search(SearchFilter filter, PageQuery page) {
        return bind(
                        jdbc.sql("select " + COLUMNS + " from audit_log " + FILTER
                                + " order by recorded_at desc, id desc limit :limit offset :offset"),
                        filter)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(AuditRepository::row)
                .list();
    }

    long count(SearchFilter filter) {
        return bind(jdbc.sql("select count(*) from audit_log " + FILTER), filter)
                .query(Long.class)
                .single();
    }

    /** Search values as the table stores them. */
    record SearchFilter(
            OffsetDateTime from,
            OffsetDateTime to,
            String username,
            String action,
            String objectType,
            String objectId,
            String result) {}

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, SearchFilter filter) {
        return statement
                .param("from", filter.from())
                .param("to", filter.to())
                .param("username", filter.username())
                .param("action", filter.action())
                .param("objectType", filter.objectType())
                .param("objectId", filter.objectId())
                .param("result", filter.result());
    }

    private static ChainRow row(ResultSet rs, int n) throws SQLException {
        return new ChainRow(
                rs.getLong("id"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
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
                rs.getString("input_problems"),
                rs.getBytes("prev_hash"),
                rs.getBytes("hash"));
    }
}
