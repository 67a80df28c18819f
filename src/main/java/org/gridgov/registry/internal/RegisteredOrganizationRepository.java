package org.gridgov.registry.internal;

import static org.gridgov.common.LikePattern.like;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.gridgov.common.BatchInsert;
import org.gridgov.common.PageQuery;
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
class RegisteredOrganizationRepository {

    /** An organization's own fields, the legal representative's phone sealed. */
    record OrganizationFields(
            String gridCode,
            String name,
            String kind,
            String creditCode,
            String legalRepresentativeName,
            byte[] legalRepresentativePhone,
            String address,
            Integer employees) {}

    record OrganizationRow(long id, OrganizationFields fields, RecordState state) {}

    /** Every filter is optional; values are always bound. */
    record Filter(
            String prefix, String gridCode, String name, String kind, String creditCode, boolean includeRetired) {}

    private static final String COLUMNS = "id, grid_code, name, kind, credit_code, legal_representative_name,"
            + " legal_representative_phone, address, employees, " + RecordState.COLUMNS;

    private static final String WHERE = """
             where grid_code like :prefix || '%'
               and (cast(:grid as text) is null or grid_code like :grid || '%')
               and (cast(:name as text) is null or strpos(name, :name) > 0)
               and (cast(:kind as text) is null or kind = :kind)
               and (cast(:creditCode as text) is null or credit_code = :creditCode)
               and (:includeRetired or retired_at is null)
            """;

    private final JdbcClient jdbc;

    private final NamedParameterJdbcTemplate named;

    RegisteredOrganizationRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    long insert(OrganizationFields o, Instant now) {
        return insertAll(List.of(o), now).getFirst();
    }

    /** Inserts organizations as one batch; their ids in the order given. */
    List<Long> insertAll(List<OrganizationFields> organizations, Instant now) {
        return BatchInsert.insert(
                jdbc,
                named,
                "registry_organization",
                """
                insert into registry_organization (id, grid_code, name, kind, credit_code, legal_representative_name,
                    legal_representative_phone, address, employees, verified_at, created_at, updated_at)
                values (:id, :grid, :name, :kind, :creditCode, :legal, :phone, :address, :employees,
                    :at, :at, :at)""",
                organizations,
                o -> params(o).addValue("at", now.atOffset(ZoneOffset.UTC)));
    }

    boolean update(long id, OrganizationFields o, int version, Instant now) {
        return jdbc.sql("""
                        update registry_organization set grid_code = :grid, name = :name, kind = :kind,
                            credit_code = :creditCode, legal_representative_name = :legal,
                            legal_representative_phone = :phone, address = :address, employees = :employees,
                            verified_at = :at, updated_at = :at, version = version + 1
                        where id = :id and version = :version and retired_at is null""")
                        .paramSource(params(o)
                                .addValue("id", id)
                                .addValue("version", version)
                                .addValue("at", now.atOffset(ZoneOffset.UTC)))
                        .update()
                == 1;
    }

    /** Which active organization holds a credit code, in any region: one code is one organization. */
    Optional<Long> holderOf(String creditCode) {
        return jdbc.sql("select id from registry_organization where credit_code = :code and retired_at is null")
                .param("code", creditCode)
                .query(Long.class)
                .optional();
    }

    Optional<OrganizationRow> find(long id, String prefix) {
        return jdbc.sql("select " + COLUMNS
                        + " from registry_organization where id = :id and grid_code like :prefix || '%'")
                .param("id", id)
                .param("prefix", prefix)
                .query(RegisteredOrganizationRepository::map)
                .optional();
    }

    List<OrganizationRow> search(Filter f, PageQuery page) {
        return bind(
                        jdbc.sql("select " + COLUMNS + " from registry_organization" + WHERE
                                + " order by id desc limit :limit offset :offset"),
                        f)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(RegisteredOrganizationRepository::map)
                .list();
    }

    /** Every record matching a filter, oldest first, read through a cursor so that any number fits in memory. */
    void forEach(Filter f, java.util.function.Consumer<OrganizationRow> each) {
        bind(jdbc.sql("select " + COLUMNS + " from registry_organization" + WHERE + " order by id"), f)
                .withFetchSize(1000)
                .query(rs -> {
                    each.accept(map(rs, 0));
                });
    }

    long count(Filter f) {
        return bind(jdbc.sql("select count(*) from registry_organization" + WHERE), f)
                .query(Long.class)
                .single();
    }

    boolean anyOrganization() {
        return jdbc.sql("select exists (select 1 from registry_organization)")
                .query(Boolean.class)
                .single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
        return spec.param("prefix", f.prefix())
                .param("grid", like(f.gridCode()))
                .param("name", f.name())
                .param("kind", f.kind())
                .param("creditCode", f.creditCode())
                .param("includeRetired", f.includeRetired());
    }

    private static MapSqlParameterSource params(OrganizationFields o) {
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

    private static OrganizationRow map(ResultSet rs, int n) throws SQLException {
        return new OrganizationRow(
                rs.getLong("id"),
                new OrganizationFields(
                        rs.getString("grid_code"),
                        rs.getString("name"),
                        rs.getString("kind"),
                        rs.getString("credit_code"),
                        rs.getString("legal_representative_name"),
                        rs.getBytes("legal_representative_phone"),
                        rs.getString("address"),
                        rs.getObject("employees", Integer.class)),
                RecordState.of(rs));
    }
}
