package org.gridgov.registry.internal;

import static org.gridgov.common.LikePattern.like;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.gridgov.common.BatchInsert;
import org.gridgov.common.DataScope;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A table of registry records kept alike (houses, places, organizations): inserted in batches, changed under the
 * version the caller read, and read only within the caller's scope (region prefix and grids), bound against the
 * grid code. A subclass brings its table's statements, the conditions of its own filters and the mapping of its
 * fields.
 *
 * @param <F> a record's own fields
 * @param <X> the filter of a search
 */
@Repository
@ScopedData(tables = {"house", "place", "registry_organization"})
abstract class RecordTable<F extends RecordTable.InGrid, X extends RecordTable.Filter> {

    /** The fields of a record placed in one grid. */
    interface InGrid {
        String gridCode();
    }

    /** What every search filters on beside the table's own filters; every filter optional, values always bound. */
    interface Filter {
        DataScope scope();

        String gridCode();

        boolean includeRetired();
    }

    record Row<F>(long id, F fields, RecordState state) {}

    final JdbcClient jdbc;
    final NamedParameterJdbcTemplate named;
    private final String table;
    private final String columns;
    private final String where;
    private final String insert;
    private final String update;

    /**
     * @param columns the columns a row maps from, {@link RecordState#COLUMNS} among them
     * @param conditions the table's own filters, each a line {@code and (...)}
     * @param insert the insert of one record, naming {@code :id} and {@code :at} beside the fields' parameters
     * @param update the change of one record, guarded by {@code :id}, {@code :version} and not being retired
     */
    RecordTable(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate named,
            String table,
            String columns,
            String conditions,
            String insert,
            String update) {
        this.jdbc = jdbc;
        this.named = named;
        this.table = table;
        this.columns = columns;
        this.where =
                " where grid_code like :prefix || '%' and " + DataScope.inGrids("grid_code") + """
                   and (cast(:grid as text) is null or grid_code like :grid || '%')
                """ + conditions + """
                   and (:includeRetired or retired_at is null)
                """;
        this.insert = insert;
        this.update = update;
    }

    /** The parameters of a record's own fields, named alike in both statements. */
    abstract MapSqlParameterSource params(F fields);

    abstract F fields(ResultSet rs) throws SQLException;

    /** Binds the parameters of the table's own filters. */
    abstract JdbcClient.StatementSpec bindOwn(JdbcClient.StatementSpec spec, X filter);

    long insert(F fields, Instant now) {
        return insertAll(List.of(fields), now).getFirst();
    }

    /** Inserts records as one batch; their ids in the order given. */
    List<Long> insertAll(List<F> records, Instant now) {
        return BatchInsert.insert(
                jdbc, named, table, insert, records, r -> params(r).addValue("at", ts(now)));
    }

    /** Writes a changed record if nobody changed it since {@code version}; false when somebody did. */
    boolean update(long id, F fields, int version, Instant now) {
        return jdbc.sql(update)
                        .paramSource(params(fields)
                                .addValue("id", id)
                                .addValue("version", version)
                                .addValue("at", ts(now)))
                        .update()
                == 1;
    }

    Optional<Row<F>> find(long id, DataScope scope) {
        return jdbc.sql("select " + columns + " from " + table + " where id = :id and grid_code like :prefix || '%'"
                        + " and " + DataScope.inGrids("grid_code"))
                .param("id", id)
                .param("prefix", scope.prefix())
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .query(this::row)
                .optional();
    }

    List<Row<F>> search(X f, PageQuery page) {
        return bind(
                        jdbc.sql("select " + columns + " from " + table + where
                                + " order by id desc limit :limit offset :offset"),
                        f)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(this::row)
                .list();
    }

    /** Every record matching a filter, oldest first, read through a cursor so that any number fits in memory. */
    void forEach(X f, Consumer<Row<F>> each) {
        bind(jdbc.sql("select " + columns + " from " + table + where + " order by id"), f)
                .withFetchSize(1000)
                .query(rs -> {
                    each.accept(row(rs, 0));
                });
    }

    long count(X f) {
        return bind(jdbc.sql("select count(*) from " + table + where), f)
                .query(Long.class)
                .single();
    }

    /** Whether the table holds any record at all, in any region: the demo data fills only an empty one. */
    boolean any() {
        return jdbc.sql("select exists (select 1 from " + table + ")")
                .query(Boolean.class)
                .single();
    }

    static java.time.OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, X f) {
        return bindOwn(
                spec.param("prefix", f.scope().prefix())
                        .param(DataScope.GRIDS_PARAMETER, f.scope().gridPatterns())
                        .param("grid", like(f.gridCode()))
                        .param("includeRetired", f.includeRetired()),
                f);
    }

    private Row<F> row(ResultSet rs, int n) throws SQLException {
        return new Row<>(rs.getLong("id"), fields(rs), RecordState.of(rs));
    }
}
