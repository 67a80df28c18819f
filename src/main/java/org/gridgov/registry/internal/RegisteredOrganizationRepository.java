package org.gridgov.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.gridgov.common.DataScope;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Non-public economic and social organizations (组织) of the grids; every read binds the caller's region prefix against
 * the grid code, except the check that a credit code is free, which must see the whole country.
 */
@Repository
@ScopedData(tables = {"registry_organization"})
class RegisteredOrganizationRepository
        extends RecordTable<
                RegisteredOrganizationRepository.OrganizationFields, RegisteredOrganizationRepository.Filter> {

    /** An organization's own fields, the legal representative's phone sealed. */
    record OrganizationFields(
            String gridCode,
            String name,
            String kind,
            String creditCode,
            String legalRepresentativeName,
            byte[] legalRepresentativePhone,
            String address,
            Integer employees)
            implements RecordTable.InGrid {}

    /** Every filter is optional; values are always bound. */
    record Filter(DataScope scope, String gridCode, String name, String kind, String creditCode, boolean includeRetired)
            implements RecordTable.Filter {}

    private static final String COLUMNS = "id, grid_code, name, kind, credit_code, legal_representative_name,"
            + " legal_representative_phone, address, employees, " + RecordState.COLUMNS;

    private static final String CONDITIONS = """
               and (cast(:name as text) is null or strpos(name, :name) > 0)
               and (cast(:kind as text) is null or kind = :kind)
               and (cast(:creditCode as text) is null or credit_code = :creditCode)
            """;

    private static final String INSERT = """
            insert into registry_organization (id, grid_code, name, kind, credit_code, legal_representative_name,
                legal_representative_phone, address, employees, verified_at, created_at, updated_at)
            values (:id, :grid, :name, :kind, :creditCode, :legal, :phone, :address, :employees,
                :at, :at, :at)""";

    private static final String UPDATE = """
            update registry_organization set grid_code = :grid, name = :name, kind = :kind,
                credit_code = :creditCode, legal_representative_name = :legal,
                legal_representative_phone = :phone, address = :address, employees = :employees,
                verified_at = :at, updated_at = :at, version = version + 1
            where id = :id and version = :version and retired_at is null""";

    RegisteredOrganizationRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        super(jdbc, named, "registry_organization", COLUMNS, CONDITIONS, INSERT, UPDATE);
    }

    /** Which active organization holds a credit code, in any region: one code is one organization. */
    /** Which of the credit codes a live organization holds already, in one query. */
    Set<String> takenCodes(List<String> creditCodes) {
        return Set.copyOf(jdbc.sql(
                        "select credit_code from registry_organization where credit_code = any(:codes) and retired_at is null")
                .param("codes", creditCodes.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    @Override
    JdbcClient.StatementSpec bindOwn(JdbcClient.StatementSpec spec, Filter f) {
        return spec.param("name", f.name()).param("kind", f.kind()).param("creditCode", f.creditCode());
    }

    @Override
    MapSqlParameterSource params(OrganizationFields o) {
        return new MapSqlParameterSource()
                .addValue("grid", o.gridCode())
                .addValue("name", o.name())
                .addValue("kind", o.kind())
                .addValue("creditCode", o.creditCode())
                .addValue("legal", o.legalRepresentativeName())
                .addValue("phone", o.legalRepresentativePhone())
                .addValue("address", o.address())
                .addValue("employees", o.employees());
    }

    @Override
    OrganizationFields fields(ResultSet rs) throws SQLException {
        return new OrganizationFields(
                rs.getString("grid_code"),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getString("credit_code"),
                rs.getString("legal_representative_name"),
                rs.getBytes("legal_representative_phone"),
                rs.getString("address"),
                rs.getObject("employees", Integer.class));
    }
}
