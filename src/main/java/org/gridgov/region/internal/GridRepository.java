package org.gridgov.region.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.gridgov.common.DataScope;
import org.gridgov.common.LikePattern;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.gridgov.region.DedicatedKind;
import org.gridgov.region.GridType;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionNode;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Grid versions and the adjustments that made them. */
@ScopedData(tables = {"grid", "grid_adjustment"})
@Repository
class GridRepository {

    private static final String COLUMNS = """
            id, code, name, type, dedicated_kind, level, village_code, parent_grid_code, boundary, area_m2,
            valid_from, valid_to, created_by, ended_by""";

    private final JdbcClient jdbc;

    GridRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A version to insert; the database assigns its id. */
    record NewGrid(
            String code,
            String name,
            GridType type,
            DedicatedKind dedicatedKind,
            int level,
            String villageCode,
            String parentGridCode,
            Geometry boundary) {}

    Optional<GridVersion> findCurrent(String code) {
        return jdbc.sql("select " + COLUMNS + " from grid where code = :code and valid_to is null")
                .param("code", code)
                .query(GridRepository::row)
                .optional();
    }

    /** The names of the current versions of these grids, without loading their outlines. */
    java.util.Map<String, String> currentNames(java.util.Collection<String> codes) {
        var names = new java.util.HashMap<String, String>();
        if (!codes.isEmpty()) {
            jdbc.sql("select code, name from grid where code = any(:codes) and valid_to is null")
                    .param("codes", codes.toArray(String[]::new))
                    .query(rs -> {
                        names.put(rs.getString(1), rs.getString(2));
                    });
        }
        return names;
    }

    /** Locks the current version against concurrent adjustments until the transaction ends. */
    Optional<GridVersion> lockCurrent(String code) {
        return jdbc.sql("select " + COLUMNS + " from grid where code = :code and valid_to is null for update")
                .param("code", code)
                .query(GridRepository::row)
                .optional();
    }

    Optional<GridVersion> findVersion(long id) {
        return jdbc.sql("select " + COLUMNS + " from grid where id = :id")
                .param("id", id)
                .query(GridRepository::row)
                .optional();
    }

    /** The version that was current at {@code instant}, if the grid existed then. */
    Optional<GridVersion> findAt(String code, Instant instant) {
        return jdbc.sql("select " + COLUMNS + " from grid where code = :code and valid_from <= :at"
                        + " and (valid_to is null or valid_to > :at) order by valid_from desc limit 1")
                .param("code", code)
                .param("at", Timestamp.from(instant))
                .query(GridRepository::row)
                .optional();
    }

    boolean codeEverUsed(String code) {
        return jdbc.sql("select exists (select 1 from grid where code = :code)")
                .param("code", code)
                .query(Boolean.class)
                .single();
    }

    List<GridVersion> versions(String code, PageQuery page) {
        return jdbc.sql("select " + COLUMNS + " from grid where code = :code order by valid_from desc, id desc"
                        + " limit :limit offset :offset")
                .param("code", code)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(GridRepository::row)
                .list();
    }

    long countVersions(String code) {
        return jdbc.sql("select count(*) from grid where code = :code")
                .param("code", code)
                .query(Long.class)
                .single();
    }

    /**
     * Current grids of one level whose code starts with {@code prefix}: all grids under a region or grid; with
     * {@code grids} (patterns of {@link DataScope#gridPatterns()}) only those among them.
     */
    List<GridVersion> currentUnder(String prefix, String[] grids, int level, PageQuery page) {
        return jdbc.sql("select " + COLUMNS + " from grid where valid_to is null and level = :level"
                        + " and code like :prefix || '%' and " + DataScope.inGrids("code")
                        + " order by code limit :limit offset :offset")
                .param("prefix", prefix)
                .param(DataScope.GRIDS_PARAMETER, grids)
                .param("level", level)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(GridRepository::row)
                .list();
    }

    long countCurrentUnder(String prefix, String[] grids, int level) {
        return jdbc.sql("select count(*) from grid where valid_to is null and level = :level"
                        + " and code like :prefix || '%' and " + DataScope.inGrids("code"))
                .param("prefix", prefix)
                .param(DataScope.GRIDS_PARAMETER, grids)
                .param("level", level)
                .query(Long.class)
                .single();
    }

    /** Streams every current grid under a prefix, all levels, for exports that must not hold them all in memory. */
    void forEachCurrentUnder(String prefix, String[] grids, Consumer<GridVersion> action) {
        try (var rows = jdbc
                .sql("select " + COLUMNS + " from grid where valid_to is null" + " and code like :prefix || '%' and "
                        + DataScope.inGrids("code") + " order by level, code")
                .param("prefix", prefix)
                .param(DataScope.GRIDS_PARAMETER, grids)
                .withFetchSize(500)
                .query(GridRepository::row)
                .stream()) {
            rows.forEach(action);
        }
    }

    /** Tree nodes for the current grids directly under a village (level 1) or under a grid, among {@code grids}. */
    List<RegionNode> childNodes(String parentCode, boolean underVillage, String[] grids, PageQuery page) {
        return jdbc.sql("select g.code, g.name, g.level, g.type, " + hasChildGrids() + " as has_children"
                        + " from grid g where g.valid_to is null and "
                        + (underVillage ? "g.village_code = :parent and g.level = 1" : "g.parent_grid_code = :parent")
                        + " and " + DataScope.inGrids("g.code") + " order by g.code limit :limit offset :offset")
                .param("parent", parentCode)
                .param(DataScope.GRIDS_PARAMETER, grids)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> node(rs, parentCode))
                .list();
    }

    long countChildNodes(String parentCode, boolean underVillage, String[] grids) {
        return jdbc.sql("select count(*) from grid g where g.valid_to is null and "
                        + (underVillage ? "g.village_code = :parent and g.level = 1" : "g.parent_grid_code = :parent")
                        + " and " + DataScope.inGrids("g.code"))
                .param("parent", parentCode)
                .param(DataScope.GRIDS_PARAMETER, grids)
                .query(Long.class)
                .single();
    }

    boolean hasChildGrids(String code) {
        return jdbc.sql("select exists (select 1 from grid where parent_grid_code = :code and valid_to is null)")
                .param("code", code)
                .query(Boolean.class)
                .single();
    }

    /** Grids whose names contain the fragment; offset and limit need not fall on a page boundary. */
    List<RegionNode> searchByName(DataScope scope, String fragment, long offset, int limit) {
        return jdbc.sql("select g.code, g.name, g.level, g.type, g.village_code, g.parent_grid_code, "
                        + hasChildGrids() + " as has_children"
                        + " from grid g where g.valid_to is null and g.code like :root || '%'"
                        + " and " + DataScope.inGrids("g.code")
                        + " and g.name like '%' || :fragment || '%' escape '\\'"
                        + " order by g.level, g.code limit :limit offset :offset")
                .param("root", scope.prefix())
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .param("fragment", LikePattern.escaped(fragment))
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> node(
                        rs,
                        rs.getString("parent_grid_code") != null
                                ? rs.getString("parent_grid_code")
                                : rs.getString("village_code")))
                .list();
    }

    long countByName(DataScope scope, String fragment) {
        return jdbc.sql("select count(*) from grid where valid_to is null and code like :root || '%'"
                        + " and " + DataScope.inGrids("code")
                        + " and name like '%' || :fragment || '%' escape '\\'")
                .param("root", scope.prefix())
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .param("fragment", LikePattern.escaped(fragment))
                .query(Long.class)
                .single();
    }

    /**
     * Current grids of a level whose bounding boxes meet {@code envelope}: the candidates a new outline may overlap.
     */
    List<GridVersion> currentNear(Envelope envelope, int level) {
        return jdbc.sql(
                        "select " + COLUMNS + " from grid where valid_to is null and level = :level"
                                + " and max_lon >= :minLon and min_lon <= :maxLon and max_lat >= :minLat and min_lat <= :maxLat")
                .param("level", level)
                .param("minLon", envelope.getMinX())
                .param("maxLon", envelope.getMaxX())
                .param("minLat", envelope.getMinY())
                .param("maxLat", envelope.getMaxY())
                .query(GridRepository::row)
                .list();
    }

    /** The codes of the current grids (level 1) under a prefix, in code order. */
    List<String> currentCodesUnder(String prefix) {
        return jdbc.sql("select code from grid where valid_to is null and level = 1 and code like :prefix || '%'"
                        + " order by code")
                .param("prefix", prefix)
                .query(String.class)
                .list();
    }

    /** Every code ever given under a prefix (retired ones too), so that a code is never handed out twice. */
    List<String> codesLike(String prefix, int length) {
        return jdbc.sql("select distinct code from grid where code like :prefix || '%' and length(code) = :length")
                .param("prefix", prefix)
                .param("length", length)
                .query(String.class)
                .list();
    }

    long insert(NewGrid grid, Instant validFrom, long adjustmentId) {
        var env = grid.boundary().getEnvelopeInternal();
        return jdbc.sql("""
                        insert into grid (code, name, type, dedicated_kind, level, village_code, parent_grid_code,
                            boundary, min_lon, min_lat, max_lon, max_lat, area_m2, valid_from, created_by)
                        values (:code, :name, :type, :kind, :level, :village, :parent, :boundary, :minLon, :minLat,
                            :maxLon, :maxLat, :area, :validFrom, :adjustment)
                        returning id""")
                .param("code", grid.code())
                .param("name", grid.name())
                .param("type", grid.type().name())
                .param(
                        "kind",
                        grid.dedicatedKind() == null
                                ? null
                                : grid.dedicatedKind().name())
                .param("level", grid.level())
                .param("village", grid.villageCode())
                .param("parent", grid.parentGridCode())
                .param("boundary", Geo.toWkb(grid.boundary()))
                .param("minLon", env.getMinX())
                .param("minLat", env.getMinY())
                .param("maxLon", env.getMaxX())
                .param("maxLat", env.getMaxY())
                .param("area", Geo.areaSquareMetres(grid.boundary()))
                .param("validFrom", Timestamp.from(validFrom))
                .param("adjustment", adjustmentId)
                .query(Long.class)
                .single();
    }

    /** Ends a current version; false when another change ended it first. */
    boolean end(long versionId, Instant validTo, long adjustmentId) {
        return jdbc.sql("update grid set valid_to = :validTo, ended_by = :adjustment"
                                + " where id = :id and valid_to is null")
                        .param("validTo", Timestamp.from(validTo))
                        .param("adjustment", adjustmentId)
                        .param("id", versionId)
                        .update()
                == 1;
    }

    /** @param successorCode the grid that took over a retired grid's records, or null */
    long insertAdjustment(String kind, Instant effectiveAt, Instant recordedAt, String reason, String successorCode) {
        return jdbc.sql("""
                        insert into grid_adjustment (kind, effective_at, recorded_at, reason, successor_code)
                        values (:kind, :effectiveAt, :recordedAt, :reason, :successor) returning id""")
                .param("kind", kind)
                .param("successor", successorCode)
                .param("effectiveAt", Timestamp.from(effectiveAt))
                .param("recordedAt", Timestamp.from(recordedAt))
                .param("reason", reason)
                .query(Long.class)
                .single();
    }

    void recordAdjustmentCodes(long id, List<String> sourceCodes, List<String> resultCodes) {
        jdbc.sql("update grid_adjustment set source_codes = :sources, result_codes = :results where id = :id")
                .param("sources", sourceCodes.toArray(String[]::new))
                .param("results", resultCodes.toArray(String[]::new))
                .param("id", id)
                .update();
    }

    /** Adjustments that made or ended a grid under {@code prefix}; with {@code grids}, one of those grids. */
    List<GridAdjustmentRecord> adjustments(String prefix, String[] grids, PageQuery page) {
        return jdbc.sql("select id, kind, effective_at, recorded_at, reason, source_codes, result_codes, successor_code"
                        + " from grid_adjustment a" + ADJUSTMENT_IN_SCOPE
                        + " order by id desc limit :limit offset :offset")
                .param("prefix", prefix)
                .param(DataScope.GRIDS_PARAMETER, grids)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new GridAdjustmentRecord(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getTimestamp("effective_at").toInstant(),
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("reason"),
                        strings(rs.getArray("source_codes")),
                        strings(rs.getArray("result_codes")),
                        rs.getString("successor_code")))
                .list();
    }

    long countAdjustments(String prefix, String[] grids) {
        return jdbc.sql("select count(*) from grid_adjustment a" + ADJUSTMENT_IN_SCOPE)
                .param("prefix", prefix)
                .param(DataScope.GRIDS_PARAMETER, grids)
                .query(Long.class)
                .single();
    }

    private static final String ADJUSTMENT_IN_SCOPE =
            " where exists (select 1 from unnest(a.source_codes || a.result_codes) c where c like :prefix || '%' and "
                    + DataScope.inGrids("c") + ")";

    /** Grows with every adjustment; a node compares it to know whether its locate index is stale. */
    long revision() {
        return jdbc.sql("select coalesce(max(id), 0) from grid_adjustment")
                .query(Long.class)
                .single();
    }

    /** Streams every current grid, for building the locate index. */
    void forEachCurrent(Consumer<GridVersion> action) {
        try (var rows = jdbc
                .sql("select " + COLUMNS + " from grid where valid_to is null")
                .withFetchSize(2000)
                .query(GridRepository::row)
                .stream()) {
            rows.forEach(action);
        }
    }

    private static String hasChildGrids() {
        return "exists (select 1 from grid c where c.parent_grid_code = g.code and c.valid_to is null)";
    }

    private static RegionNode node(ResultSet rs, String parentCode) throws SQLException {
        return new RegionNode(
                rs.getString("code"),
                rs.getString("name"),
                RegionLevel.ofGridLevel(rs.getInt("level")),
                parentCode,
                rs.getBoolean("has_children"),
                GridType.valueOf(rs.getString("type")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static GridVersion row(ResultSet rs, int n) throws SQLException {
        var validTo = rs.getTimestamp("valid_to");
        var kind = rs.getString("dedicated_kind");
        Long endedBy = rs.getObject("ended_by", Long.class);
        return new GridVersion(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                GridType.valueOf(rs.getString("type")),
                kind == null ? null : DedicatedKind.valueOf(kind),
                rs.getInt("level"),
                rs.getString("village_code"),
                rs.getString("parent_grid_code"),
                Geo.fromWkb(rs.getBytes("boundary")),
                rs.getDouble("area_m2"),
                rs.getTimestamp("valid_from").toInstant(),
                validTo == null ? null : validTo.toInstant(),
                rs.getLong("created_by"),
                endedBy);
    }
}
