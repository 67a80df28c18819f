package org.gridgov.common;

import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inserts many rows of one table as one JDBC batch. Their ids are drawn from the table's sequence first, so that each
 * record knows its id (for its history line, for the rows that point at it) without relying on the order in which a
 * multi-row insert returns them, which PostgreSQL does not promise.
 */
public final class BatchInsert {

    private BatchInsert() {}

    /**
     * Inserts every row with the statement, which names the id {@code :id}; answers the ids in the order of the rows.
     */
    public static <T> List<Long> insert(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate named,
            String table,
            String sql,
            List<T> rows,
            Function<T, MapSqlParameterSource> params) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql(
                        "select nextval(pg_get_serial_sequence(:table, 'id')) from generate_series(1, :n) order by 1")
                .param("table", table)
                .param("n", rows.size())
                .query(Long.class)
                .list();
        var sources = new SqlParameterSource[rows.size()];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = params.apply(rows.get(i)).addValue("id", ids.get(i));
        }
        named.batchUpdate(sql, sources);
        return ids;
    }

    /**
     * Inserts every row with the statement into a table keyed by the rows' own values, which needs no id; answers
     * how many rows each insert added (0 for one an {@code on conflict do nothing} skipped), in the order of the rows.
     */
    public static <T> int[] insertKeyed(
            NamedParameterJdbcTemplate named, String sql, List<T> rows, Function<T, MapSqlParameterSource> params) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        var sources = new SqlParameterSource[rows.size()];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = params.apply(rows.get(i));
        }
        return named.batchUpdate(sql, sources);
    }
}
