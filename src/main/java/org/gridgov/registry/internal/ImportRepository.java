package org.gridgov.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.gridgov.common.DataScope;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Import jobs and their rejected rows. A job is read by whoever started it or by anyone whose scope covers the
 * prefix it ran under, unless that scope is a set of grids, which a job's prefix does not tell; all bound, never
 * spliced.
 */
@Repository
@ScopedData(tables = {"registry_import", "registry_import_rejection"})
class ImportRepository {

    private static final String VISIBLE =
            " where id = :id and (started_by = :user or (scope_prefix like :prefix || '%' and cast(:"
                    + DataScope.GRIDS_PARAMETER + " as text[]) is null))";

    private final JdbcClient jdbc;

    ImportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long start(String kind, String fileName, long userId, String userName, String prefix, Instant at) {
        return jdbc.sql("""
                        insert into registry_import (kind, file_name, started_by, started_by_name, scope_prefix,
                            status, started_at, alive_at)
                        values (:kind, :file, :user, :userName, :prefix, 'RUNNING', :at, :at) returning id""")
                .param("kind", kind)
                .param("file", fileName)
                .param("user", userId)
                .param("userName", userName)
                .param("prefix", prefix)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    /** Adds to the counts of a running job, and marks it alive. */
    void progress(ImportScope job, int read, int accepted, int rejected, Instant at) {
        jdbc.sql("""
                        update registry_import set total_rows = total_rows + :read, accepted = accepted + :accepted,
                            rejected = rejected + :rejected, alive_at = :at
                        where id = :id and scope_prefix = :prefix and status = 'RUNNING'""")
                .param("id", job.importId())
                .param("prefix", job.prefix())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("read", read)
                .param("accepted", accepted)
                .param("rejected", rejected)
                .update();
    }

    void finish(ImportScope job, ImportStatus status, String failure, Instant at) {
        jdbc.sql("""
                        update registry_import set status = :status, failure = :failure, finished_at = :at
                        where id = :id and scope_prefix = :prefix and status = 'RUNNING'""")
                .param("id", job.importId())
                .param("prefix", job.prefix())
                .param("status", status.name())
                .param("failure", failure)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * Ends as failed every running job not alive since the cutoff: its node stopped (a restart, a crash) and nothing
     * will finish it. Accepted chunks stay written; the counts say how far it came.
     */
    int failStalled(Instant cutoff, String failure, Instant at) {
        return jdbc.sql("""
                        update registry_import set status = 'FAILED', failure = :failure, finished_at = :at
                        where status = 'RUNNING' and alive_at < :cutoff""")
                .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .param("failure", failure)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    void reject(ImportScope job, List<ImportRejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        int n = rejections.size();
        var rows = new Integer[n];
        String[] names = new String[n], ids = new String[n], fields = new String[n], codes = new String[n];
        String[] messages = new String[n], messagesEn = new String[n];
        for (int i = 0; i < n; i++) {
            var r = rejections.get(i);
            rows[i] = r.rowNumber();
            names[i] = r.label();
            ids[i] = r.key();
            fields[i] = r.field();
            codes[i] = r.code();
            messages[i] = r.message();
            messagesEn[i] = r.messageEn();
        }
        jdbc.sql("""
                        insert into registry_import_rejection (import_id, row_number, label, row_key, field,
                            code, message, message_en)
                        select :id, row_number, name, id_number, field, code, message, message_en
                        from unnest(cast(:rows as integer[]), cast(:names as text[]), cast(:ids as text[]),
                            cast(:fields as text[]), cast(:codes as text[]), cast(:messages as text[]),
                            cast(:messagesEn as text[]))
                            as t(row_number, name, id_number, field, code, message, message_en)""")
                .param("id", job.importId())
                .param("rows", rows)
                .param("names", names)
                .param("ids", ids)
                .param("fields", fields)
                .param("codes", codes)
                .param("messages", messages)
                .param("messagesEn", messagesEn)
                .update();
    }

    Optional<ImportView> find(long id, long userId, DataScope scope) {
        return jdbc.sql("""
                        select id, kind, file_name, started_by_name, status, total_rows, accepted, rejected, failure,
                            started_at, finished_at
                        from registry_import""" + VISIBLE)
                .param("id", id)
                .param("user", userId)
                .param("prefix", scope.prefix())
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .query(ImportRepository::map)
                .optional();
    }

    List<ImportRejection> rejections(long id, PageQuery page) {
        return jdbc.sql("""
                        select row_number, label, row_key, field, code, message, message_en
                        from registry_import_rejection where import_id = :id
                        order by row_number, id limit :limit offset :offset""")
                .param("id", id)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(ImportRepository::rejection)
                .list();
    }

    long countRejections(long id) {
        return jdbc.sql("select count(*) from registry_import_rejection where import_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    /** Every rejection of a job in row order, through a cursor. */
    void forEachRejection(long id, Consumer<ImportRejection> each) {
        jdbc.sql("""
                        select row_number, label, row_key, field, code, message, message_en
                        from registry_import_rejection where import_id = :id order by row_number, id""").param("id", id).withFetchSize(1000).query(rs -> {
            each.accept(rejection(rs, 0));
        });
    }

    private static ImportRejection rejection(ResultSet rs, int n) throws SQLException {
        return new ImportRejection(
                rs.getInt(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7));
    }

    private static ImportView map(ResultSet rs, int n) throws SQLException {
        return new ImportView(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("file_name"),
                rs.getString("started_by_name"),
                ImportStatus.valueOf(rs.getString("status")),
                rs.getInt("total_rows"),
                rs.getInt("accepted"),
                rs.getInt("rejected"),
                rs.getString("failure"),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
