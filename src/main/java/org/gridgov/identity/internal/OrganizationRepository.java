package org.gridgov.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.gridgov.common.LikePattern;
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

    List<OrganizationRow> findByCodes(Collection<String> codes) {
        return jdbc.sql(
                        "select id, code, name, kind, region_code, parent_id from organization where code = any(:codes)")
                .param("codes", codes.toArray(String[]::new))
                .query(OrganizationRow.class)
                .list();
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

    /**
     * Where work may be dispatched from {@code :from}: active departments in the scope or of the county of {@code
     * :from}, and active centers and stations in the scope at a lower level than {@code :from} (a longer region
     * code); never {@code :from} itself. {@code :code} narrows it to one organization, {@code :name} to a fragment of
     * the name or the start of the code; null ones do not narrow.
     */
    private static final String DISPATCH_TARGETS = """
             from organization where active and code <> :from
               and ((kind = 'DEPARTMENT' and (region_code like :scope || '%'
                        or region_code = (select left(f.region_code, 6) from organization f where f.code = :from)))
                    or (kind in ('CENTER', 'STATION') and region_code like :scope || '%'
                        and length(region_code) > (select length(f.region_code) from organization f where f.code = :from)))
               and (cast(:code as text) is null or code = :code)
               and (cast(:name as text) is null
                    or name like '%' || :name || '%' escape '\\' or code like :name || '%' escape '\\')
            """;

    /** A page of {@link #DISPATCH_TARGETS}, the codes in {@code preferred} first, then by level, kind and code. */
    List<OrganizationRow> dispatchTargets(DispatchFilter filter, List<String> preferred, PageQuery page) {
        return bind(
                        jdbc.sql("select id, code, name, kind, region_code, parent_id" + DISPATCH_TARGETS
                                + " order by code = any(:preferred) desc, length(region_code), kind, code"
                                + " limit :limit offset :offset"),
                        filter)
                .param("preferred", preferred.toArray(String[]::new))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(OrganizationRow.class)
                .list();
    }

    long countDispatchTargets(DispatchFilter filter) {
        return bind(jdbc.sql("select count(*)" + DISPATCH_TARGETS), filter)
                .query(Long.class)
                .single();
    }

    /** The values {@link #DISPATCH_TARGETS} binds; {@code code} and {@code name} may be null. */
    record DispatchFilter(String from, String scopePrefix, String code, String name) {}

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DispatchFilter f) {
        return spec.param("from", f.from())
                .param("scope", f.scopePrefix())
                .param("code", f.code())
                .param("name", LikePattern.like(f.name()));
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
