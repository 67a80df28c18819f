package org.gridgov.identity.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gridgov.common.ScopedData;
import org.gridgov.identity.GridWorkerRef;
import org.gridgov.identity.OrganizationRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Grid workers and departments of a region, for figures per person and per department. */
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
