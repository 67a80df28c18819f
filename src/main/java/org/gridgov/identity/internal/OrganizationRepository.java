package org.gridgov.identity.internal;

import java.util.List;
import java.util.Optional;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Centers and departments. */
@ScopedData(tables = {"organization"})
@Repository
class OrganizationRepository {

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A center or department; {@code level} follows from the length of its region code. */
    record OrganizationRow(long id, String code, String name, String kind, String regionCode, Long parentId) {}

    Optional<OrganizationRow> findByCode(String code) {
        return jdbc.sql("select id, code, name, kind, region_code, parent_id from organization where code = :code")
                .param("code", code)
                .query(OrganizationRow.class)
                .optional();
    }

    Optional<OrganizationRow> findById(long id) {
        return jdbc.sql("select id, code, name, kind, region_code, parent_id from organization where id = :id")
                .param("id", id)
                .query(OrganizationRow.class)
                .optional();
    }

    /** Organizations of regions under {@code scopePrefix}, children of {@code parentId} (top level when null). */
    List<OrganizationRow> children(Long parentId, String scopePrefix, PageQuery page) {
        return jdbc.sql("select id, code, name, kind, region_code, parent_id from organization"
                        + " where region_code like :scope || '%' and "
                        + (parentId == null ? "parent_id is null" : "parent_id = :parent")
                        + " order by region_code, kind, code limit :limit offset :offset")
                .param("scope", scopePrefix)
                .param("parent", parentId)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(OrganizationRow.class)
                .list();
    }

    long countChildren(Long parentId, String scopePrefix) {
        return jdbc.sql("select count(*) from organization where region_code like :scope || '%' and "
                        + (parentId == null ? "parent_id is null" : "parent_id = :parent"))
                .param("scope", scopePrefix)
                .param("parent", parentId)
                .query(Long.class)
                .single();
    }

    /** Centers and stations whose region contains the code, the closest (longest region code) first. */
    List<OrganizationRow> centersCovering(String code) {
        return jdbc.sql("select id, code, name, kind, region_code, parent_id from organization"
                        + " where kind in ('CENTER', 'STATION') and active and :code like region_code || '%'"
                        + " order by length(region_code) desc, code")
                .param("code", code)
                .query(OrganizationRow.class)
                .list();
    }

    long insert(String code, String name, String kind, String regionCode, Long parentId) {
        return jdbc.sql("""
                        insert into organization (code, name, kind, region_code, parent_id)
                        values (:code, :name, :kind, :region, :parent) returning id""")
                .param("code", code)
                .param("name", name)
                .param("kind", kind)
                .param("region", regionCode)
                .param("parent", parentId)
                .query(Long.class)
                .single();
    }
}
