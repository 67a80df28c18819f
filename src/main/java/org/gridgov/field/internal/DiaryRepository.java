package org.gridgov.field.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gridgov.common.DataScope;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Field diary entries. An author's own are read by account; anyone else's only through a scope, bound as the region
 * prefix and grids of the caller against the entry's grid, and the county whenever it is known.
 */
@Repository
@ScopedData(tables = {"field_diary"})
class DiaryRepository {

    private static final String COLUMNS = """
            county_code, id, user_id, author_name, grid_code, day, seen, done, lon, lat, request_id, version, created_at,
            updated_at""";

    private static final String IN_SCOPE = " and (cast(:county as text) is null or county_code = :county)"
            + " and grid_code like :prefix || '%' and " + DataScope.inGrids("grid_code");

    /** An entry's row. */
    record DiaryRow(
            String county,
            long id,
            long userId,
            String authorName,
            String gridCode,
            LocalDate day,
            String seen,
            String done,
            Double lon,
            Double lat,
            String requestId,
            int version,
            Instant createdAt,
            Instant updatedAt) {}

    private static final RowMapper<DiaryRow> ROW = (rs, n) -> new DiaryRow(
            rs.getString("county_code"),
            rs.getLong("id"),
            rs.getLong("user_id"),
            rs.getString("author_name"),
            rs.getString("grid_code"),
            rs.getObject("day", LocalDate.class),
            rs.getString("seen"),
            rs.getString("done"),
            rs.getObject("lon", Double.class),
            rs.getObject("lat", Double.class),
            rs.getString("request_id"),
            rs.getInt("version"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());

    private static final String INSERT =
            "insert into field_diary (county_code, user_id, author_name, grid_code, day, seen, done, lon, lat,"
                    + " request_id, version, created_at, updated_at) values (:county, :user, :author, :grid, :day,"
                    + " :seen, :done, :lon, :lat, :request, 1, :at, :at)";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    DiaryRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    Optional<DiaryRow> byRequest(String county, long userId, String requestId) {
        return jdbc.sql("select " + COLUMNS
                        + " from field_diary where county_code = :county and user_id = :user and request_id = :request")
                .param("county", county)
                .param("user", userId)
                .param("request", requestId)
                .query(ROW)
                .optional();
    }

    Optional<DiaryRow> ofDay(String county, long userId, LocalDate day) {
        return jdbc.sql("select " + COLUMNS
                        + " from field_diary where county_code = :county and user_id = :user and day = :day")
                .param("county", county)
                .param("user", userId)
                .param("day", Date.valueOf(day))
                .query(ROW)
                .optional();
    }

    /** The author's own entry. */
    Optional<DiaryRow> own(String county, long userId, long id) {
        return jdbc.sql("select " + COLUMNS
                        + " from field_diary where county_code = :county and user_id = :user and id = :id")
                .param("county", county)
                .param("user", userId)
                .param("id", id)
                .query(ROW)
                .optional();
    }

    /** An entry whose grid lies in the caller's scope. */
    Optional<DiaryRow> inScope(long id, String county, String prefix, DataScope scope) {
        return jdbc.sql("select " + COLUMNS + " from field_diary where id = :id" + IN_SCOPE)
                .param("id", id)
                .param("county", county)
                .param("prefix", prefix)
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .query(ROW)
                .optional();
    }

    /** Inserts the entry unless the author sent its request id or wrote of that day before; empty then. */
    Optional<DiaryRow> insert(DiaryRow entry) {
        return jdbc.sql(INSERT + " on conflict do nothing returning " + COLUMNS)
                .paramSource(params(entry))
                .query(ROW)
                .optional();
    }

    void insertAll(List<DiaryRow> entries) {
        named.batchUpdate(INSERT, entries.stream().map(DiaryRepository::params).toArray(MapSqlParameterSource[]::new));
    }

    private static MapSqlParameterSource params(DiaryRow entry) {
        return new MapSqlParameterSource()
                .addValue("county", entry.county())
                .addValue("user", entry.userId())
                .addValue("author", entry.authorName())
                .addValue("grid", entry.gridCode())
                .addValue("day", Date.valueOf(entry.day()))
                .addValue("seen", entry.seen())
                .addValue("done", entry.done())
                .addValue("lon", entry.lon())
                .addValue("lat", entry.lat())
                .addValue("request", entry.requestId())
                .addValue("at", Timestamp.from(entry.createdAt()));
    }

    /** Changes the text and place of the author's entry made from {@code version}; false when it moved on. */
    boolean change(DiaryRow entry, int version, Instant at) {
        return jdbc.sql("""
                        update field_diary set seen = :seen, done = :done, lon = :lon, lat = :lat,
                          version = version + 1, updated_at = :at
                        where county_code = :county and id = :id and user_id = :user and version = :version""")
                        .param("seen", entry.seen())
                        .param("done", entry.done())
                        .param("lon", entry.lon())
                        .param("lat", entry.lat())
                        .param("at", Timestamp.from(at))
                        .param("county", entry.county())
                        .param("id", entry.id())
                        .param("user", entry.userId())
                        .param("version", version)
                        .update()
                == 1;
    }

    List<DiaryRow> ownPage(String county, long userId, LocalDate from, LocalDate to, PageQuery page) {
        return jdbc.sql("select " + COLUMNS + " from field_diary where county_code = :county and user_id = :user"
                        + " and day between :since and :until order by day desc, id desc limit :limit offset :offset")
                .param("county", county)
                .param("user", userId)
                .param("since", Date.valueOf(from))
                .param("until", Date.valueOf(to))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(ROW)
                .list();
    }

    long ownCount(String county, long userId, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from field_diary where county_code = :county and user_id = :user"
                        + " and day between :since and :until")
                .param("county", county)
                .param("user", userId)
                .param("since", Date.valueOf(from))
                .param("until", Date.valueOf(to))
                .query(Long.class)
                .single();
    }

    private static final String LIST_FILTER = " where day between :since and :until"
            + " and (cast(:author as bigint) is null or user_id = :author)" + IN_SCOPE;

    List<DiaryRow> page(
            Long author, LocalDate from, LocalDate to, String county, String prefix, DataScope scope, PageQuery page) {
        return jdbc.sql("select " + COLUMNS + " from field_diary" + LIST_FILTER
                        + " order by day desc, grid_code, id desc limit :limit offset :offset")
                .param("author", author)
                .param("since", Date.valueOf(from))
                .param("until", Date.valueOf(to))
                .param("county", county)
                .param("prefix", prefix)
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(ROW)
                .list();
    }

    long count(Long author, LocalDate from, LocalDate to, String county, String prefix, DataScope scope) {
        return jdbc.sql("select count(*) from field_diary" + LIST_FILTER)
                .param("author", author)
                .param("since", Date.valueOf(from))
                .param("until", Date.valueOf(to))
                .param("county", county)
                .param("prefix", prefix)
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .query(Long.class)
                .single();
    }

    /** Entries per subject: {@code key} is a column expression the caller picks from constants, never input. */
    List<FigureCount> entries(String key, LocalDate from, LocalDate to, String county, String prefix, DataScope scope) {
        return jdbc.sql("select " + key + " as key, max(author_name) as name, count(distinct user_id) as workers,"
                        + " count(*) as entries from field_diary where day between :since and :until" + IN_SCOPE
                        + " group by 1")
                .param("since", Date.valueOf(from))
                .param("until", Date.valueOf(to))
                .param("county", county)
                .param("prefix", prefix)
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .query((rs, n) -> new FigureCount(
                        rs.getString("key"), rs.getString("name"), rs.getInt("workers"), rs.getInt("entries")))
                .list();
    }
}
