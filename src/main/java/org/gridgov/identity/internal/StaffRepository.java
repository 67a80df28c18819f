package org.gridgov.identity.internal;

import static org.gridgov.common.LikePattern.like;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.gridgov.identity.AccountRef;
import org.gridgov.identity.GridWorkerRef;
import org.gridgov.identity.OrganizationRef;
import org.gridgov.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Grid workers, staff accounts and departments of a region, for figures per person and per department. */
@Repository
@ScopedData(tables = {"app_user", "user_role", "user_grid", "organization"})
class StaffRepository {

    private final JdbcClient jdbc;

    StaffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<GridWorkerRef> gridWorkersUnder(String prefix) {
        return jdbc.sql("""
                        select u.id, u.real_name, u.scope_code,
                            array(select g.grid_code from user_grid g where g.user_id = u.id order by g.grid_code)
                        from app_user u
                        where u.status = 'ACTIVE'
                          and exists (select 1 from user_role r where r.user_id = u.id and r.role = 'GRID_WORKER')
                          and (u.scope_code like :prefix || '%'
                               or exists (select 1 from user_grid g where g.user_id = u.id
                                          and g.grid_code like :prefix || '%'))
                        order by u.id""")
                .param("prefix", prefix)
                .query((rs, n) ->
                        new GridWorkerRef(rs.getLong(1), rs.getString(2), rs.getString(3), strings(rs.getArray(4))))
                .list();
    }

    Optional<GridWorkerRef> gridWorker(long id) {
        return jdbc.sql("""
                        select u.id, u.real_name, u.scope_code,
                            array(select g.grid_code from user_grid g where g.user_id = u.id order by g.grid_code)
                        from app_user u
                        where u.id = :id and u.status = 'ACTIVE'
                          and exists (select 1 from user_role r where r.user_id = u.id and r.role = 'GRID_WORKER')""")
                .param("id", id)
                .query((rs, n) ->
                        new GridWorkerRef(rs.getLong(1), rs.getString(2), rs.getString(3), strings(rs.getArray(4))))
                .optional();
    }

    /** Staff accounts: neither the three administrators, who keep no business, nor residents. */
    private static final String STAFF = """
            u.status = 'ACTIVE'
              and not exists (select 1 from user_role r where r.user_id = u.id
                              and r.role in ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'RESIDENT'))""";

    private static final String ACCOUNT = """
            select u.id, u.real_name, o.name as organization_name, u.scope_code,
                array(select r.role from user_role r where r.user_id = u.id order by r.role) as roles,
                array(select g.grid_code from user_grid g where g.user_id = u.id order by g.grid_code) as grids
            from app_user u left join organization o on o.id = u.organization_id
            where
            """ + STAFF;

    private static final String UNDER = """
             and (u.scope_code like :prefix || '%'
                  or exists (select 1 from user_grid g where g.user_id = u.id and g.grid_code like :prefix || '%'))
             and (cast(:name as text) is null or u.real_name like '%' || :name || '%')
            """;

    Optional<AccountRef> account(long id) {
        return jdbc.sql(ACCOUNT + " and u.id = :id")
                .param("id", id)
                .query(StaffRepository::account)
                .optional();
    }

    List<AccountRef> accountsUnder(String prefix, String name, PageQuery page) {
        return jdbc.sql(ACCOUNT + UNDER + " order by u.real_name, u.id limit :limit offset :offset")
                .param("prefix", prefix)
                .param("name", like(name))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(StaffRepository::account)
                .list();
    }

    long countAccountsUnder(String prefix, String name) {
        return jdbc.sql("select count(*) from app_user u where\n" + STAFF + UNDER)
                .param("prefix", prefix)
                .param("name", like(name))
                .query(Long.class)
                .single();
    }

    private static AccountRef account(ResultSet rs, int n) throws SQLException {
        var roles = new java.util.HashSet<Role>();
        for (String role : strings(rs.getArray("roles"))) {
            roles.add(Role.valueOf(role));
        }
        return new AccountRef(
                rs.getLong("id"),
                rs.getString("real_name"),
                rs.getString("organization_name"),
                rs.getString("scope_code"),
                roles,
                strings(rs.getArray("grids")));
    }

    List<OrganizationRef> departmentsUnder(String prefix) {
        return jdbc.sql("""
                        select code, name, kind, region_code from organization
                        where active and kind = 'DEPARTMENT' and region_code like :prefix || '%' order by code""")
                .param("prefix", prefix)
                .query((rs, n) ->
                        new OrganizationRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
