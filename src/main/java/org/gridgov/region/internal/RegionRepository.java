package org.gridgov.region.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.gridgov.common.LikePattern;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.gridgov.region.GridType;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionNode;
import org.gridgov.region.RegionRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The administrative regions, current rows only unless said otherwise. */
@ScopedData(tables = {"region", "grid"})
@Repository
class RegionRepository {

    /** Whether a region has anything below it in the tree: child regions, or grids under a village. */
    private static final String HAS_CHILDREN = """
            (exists (select 1 from region c where c.parent_code = r.code and c.valid_to is null)
             or exists (select 1 from grid g where g.village_code = r.code and g.level = 1 and g.valid_to is null))
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    RegionRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    record RegionRow(
            String code,
            String name,
            RegionLevel level,
            String parentCode,
            LocalDate validFrom,
            LocalDate validTo,
            String successorCode,
            byte[] boundary) {}

    Optional<RegionRow> findCurrent(String code) {
        return jdbc.sql("""
                        select code, name, level, parent_code, valid_from, valid_to, successor_code, boundary
                        from region where code = :code and valid_to is null""").param("code", code).query(RegionRepository::row).optional();
    }

    boolean hasChildren(String code) {
        return jdbc.sql("select " + HAS_CHILDREN + " from (select cast(:code as varchar) as code) r")
                .param("code", code)
                .query(Boolean.class)
                .single();
    }

    /** Current regions among the given codes, top-down (shorter codes are higher in the tree). */
    List<RegionRef> findRefs(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select code, name, level from region
                        where code in (:codes) and valid_to is null order by length(code), code""")
                .param("codes", codes)
                .query((rs, n) -> new RegionRef(
                        rs.getString("code"), rs.getString("name"), RegionLevel.valueOf(rs.getString("level"))))
                .list();
    }

    List<RegionNode> children(String parentCode, PageQuery page) {
        return jdbc.sql("select r.code, r.name, r.level, r.parent_code, " + HAS_CHILDREN + " as has_children"
                        + " from region r where r.parent_code = :parent and r.valid_to is null"
                        + " order by r.code limit :limit offset :offset")
                .param("parent", parentCode)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(RegionRepository::node)
                .list();
    }

    long countChildren(String parentCode) {
        return jdbc.sql("select count(*) from region where parent_code = :parent and valid_to is null")
                .param("parent", parentCode)
                .query(Long.class)
                .single();
    }

    /** Regions under {@code rootCode} whose name contains {@code fragment}, nearer the root first. */
    List<RegionNode> searchByName(String rootCode, String fragment, PageQuery page) {
        return jdbc.sql("select r.code, r.name, r.level, r.parent_code, " + HAS_CHILDREN + " as has_children"
                        + " from region r where r.valid_to is null and r.code like :root || '%'"
                        + " and r.name like '%' || :fragment || '%' escape '\\'"
                        + " order by length(r.code), r.code limit :limit offset :offset")
                .param("root", rootCode)
                .param("fragment", LikePattern.escaped(fragment))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(RegionRepository::node)
                .list();
    }

    long countByName(String rootCode, String fragment) {
        return jdbc.sql("""
                        select count(*) from region where valid_to is null and code like :root || '%'
                        and name like '%' || :fragment || '%' escape '\\'""")
                .param("root", rootCode)
                .param("fragment", LikePattern.escaped(fragment))
                .query(Long.class)
                .single();
    }

    long countCurrent() {
        return jdbc.sql("select count(*) from region where valid_to is null")
                .query(Long.class)
                .single();
    }

    void insertAll(List<RegionRow> rows) {
        batch.batchUpdate("""
                insert into region (code, name, level, parent_code, valid_from, valid_to, successor_code, boundary)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", rows, 1000, (ps, r) -> {
            ps.setString(1, r.code());
            ps.setString(2, r.name());
            ps.setString(3, r.level().name());
            ps.setString(4, r.parentCode());
            ps.setObject(5, r.validFrom());
            ps.setObject(6, r.validTo());
            ps.setString(7, r.successorCode());
            ps.setBytes(8, r.boundary());
        });
    }

    /** Ends the current row of a code; false when there is none (someone else ended it first). */
    boolean end(String code, LocalDate validTo, String successorCode) {
        return jdbc.sql("update region set valid_to = :validTo, successor_code = :successor"
                                + " where code = :code and valid_to is null")
                        .param("validTo", validTo)
                        .param("successor", successorCode)
                        .param("code", code)
                        .update()
                == 1;
    }

    /** Every dated row of a code, newest first. */
    List<RegionRow> versions(String code, PageQuery page) {
        return jdbc.sql("""
                        select code, name, level, parent_code, valid_from, valid_to, successor_code, boundary
                        from region where code = :code order by valid_from desc limit :limit offset :offset""")
                .param("code", code)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(RegionRepository::row)
                .list();
    }

    long countVersions(String code) {
        return jdbc.sql("select count(*) from region where code = :code")
                .param("code", code)
                .query(Long.class)
                .single();
    }

    /** Current townships and villages under a root, with their stored outlines (null where none was given). */
    List<RegionRow> currentTownshipsAndVillages(String rootCode) {
        return jdbc.sql("""
                        select code, name, level, parent_code, valid_from, valid_to, successor_code, boundary
                        from region where valid_to is null and code like :root || '%'
                          and level in ('TOWNSHIP', 'VILLAGE') order by code""")
                .param("root", rootCode)
                .query(RegionRepository::row)
                .list();
    }

    /**
     * Changes whenever a region under the root is added, renamed, retired or given an outline: rows are only added
     * (a rename adds a dated row), ended, or filled in.
     */
    String revision(String rootCode) {
        return jdbc.sql("""
                        select count(*)::text || '/' || count(valid_to)::text || '/' || count(boundary)::text
                        from region where code like :root || '%'""").param("root", rootCode).query(String.class).single();
    }

    void updateBoundary(String code, byte[] boundary) {
        jdbc.sql("update region set boundary = :boundary where code = :code and valid_to is null")
                .param("boundary", boundary)
                .param("code", code)
                .update();
    }

    private static RegionRow row(ResultSet rs, int n) throws SQLException {
        return new RegionRow(
                rs.getString("code"),
                rs.getString("name"),
                RegionLevel.valueOf(rs.getString("level")),
                rs.getString("parent_code"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getString("successor_code"),
                rs.getBytes("boundary"));
    }

    private static RegionNode node(ResultSet rs, int n) throws SQLException {
        return new RegionNode(
                rs.getString("code"),
                rs.getString("name"),
                RegionLevel.valueOf(rs.getString("level")),
                rs.getString("parent_code"),
                rs.getBoolean("has_children"),
                (GridType) null);
    }
}
