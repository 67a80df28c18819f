package org.gridgov.registry.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.PersonalDataKind;
import org.gridgov.common.ProblemException;
import org.gridgov.region.RegionApi;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the non-public economic and social organizations (组织) of the caller's scope: adds (one record per unified
 * social credit code), changes (into the history), retires with a reason, finds.
 */
@Service
@Transactional
public class RegisteredOrganizationDesk
        extends RecordDesk<
                RegisteredOrganizationRepository.OrganizationFields,
                RegisteredOrganizationRepository.Filter,
                RegisteredOrganizationDesk.OrganizationQuery,
                RegisteredOrganizationDesk.OrganizationDraft,
                RegisteredOrganizationDesk.RegisteredOrganizationView,
                RegisteredOrganizationDesk.RegisteredOrganizationView> {

    static final String ENTITY = "organization";

    /** An organization as a form sends it; {@code version} only on change. A phone sent back masked stays as it is. */
    public record OrganizationDraft(
            String gridCode,
            String name,
            String kind,
            String creditCode,
            String legalRepresentativeName,
            String legalRepresentativePhone,
            String address,
            Integer employees,
            Integer version)
            implements RecordDesk.Draft {}

    /** An organization as the console shows it, the phone masked. */
    public record RegisteredOrganizationView(
            long id,
            String gridCode,
            String gridName,
            String name,
            String kind,
            String kindName,
            String creditCode,
            String legalRepresentativeName,
            String legalRepresentativePhone,
            String address,
            Integer employees,
            Instant verifiedAt,
            Instant updatedAt,
            int version,
            Instant retiredAt,
            String retiredReason) {}

    /** The query of an organization search; every part optional: grid prefix, name fragment, kind, exact code. */
    public record OrganizationQuery(
            String gridCode, String name, String kind, String creditCode, Boolean includeRetired) {}

    private final RegisteredOrganizationRepository organizations;

    RegisteredOrganizationDesk(
            RegistryScope scope,
            RegisteredOrganizationRepository organizations,
            RegistryHistory history,
            Retirements retirements,
            Phones phones,
            CodeSets codes,
            RegionApi regions,
            GridNames gridNames,
            Clock clock) {
        super(
                new Kind(ENTITY, "组织", "organization", Retirements.Table.ORGANIZATION),
                organizations,
                scope,
                history,
                retirements,
                phones,
                codes,
                regions,
                gridNames,
                clock);
        this.organizations = organizations;
    }

    @Override
    RegisteredOrganizationRepository.Filter filter(OrganizationQuery q) {
        String code = ResidentRules.trim(q.creditCode());
        return new RegisteredOrganizationRepository.Filter(
                scope.data(),
                ResidentRules.trim(q.gridCode()),
                ResidentRules.trim(q.name()),
                ResidentRules.trim(q.kind()),
                code == null ? null : code.toUpperCase(Locale.ROOT),
                Boolean.TRUE.equals(q.includeRetired()));
    }

    // One credit code is one organization, in any region: the unique index decides, also between two callers at once.
    @Override
    long insert(RegisteredOrganizationRepository.OrganizationFields fields, Instant now) {
        try {
            return super.insert(fields, now);
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
    }

    @Override
    boolean write(long id, RegisteredOrganizationRepository.OrganizationFields fields, int version, Instant now) {
        try {
            return super.write(id, fields, version, now);
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
    }

    @Override
    RegisteredOrganizationRepository.OrganizationFields checked(
            OrganizationDraft d, RegisteredOrganizationRepository.OrganizationFields before, Fields fields) {
        String grid = fields.grid(d.gridCode());
        String name = fields.text("name", d.name(), "组织名称", 100, true);
        String kind = fields.code("kind", "ORGANIZATION_KIND", d.kind(), "组织类别", true);
        String code = fields.text("creditCode", d.creditCode(), "统一社会信用代码", 18, true);
        if (code != null) {
            code = code.replace(" ", "").toUpperCase(Locale.ROOT);
            var fault = CreditCode.fault(code);
            if (fault != null) {
                fields.problem("creditCode", fault.code, fault.zh, fault.en);
            }
        }
        String legal = fields.text("legalRepresentativeName", d.legalRepresentativeName(), "法定代表人", 50, false);
        String phone = fields.phone(
                "legalRepresentativePhone",
                before == null
                        ? d.legalRepresentativePhone()
                        : phones.keptIfMasked(d.legalRepresentativePhone(), before.legalRepresentativePhone()),
                "法定代表人电话");
        String address = fields.text("address", d.address(), "地址", 200, false);
        if (d.employees() != null && (d.employees() < 0 || d.employees() > 10_000_000)) {
            fields.problem("employees", "range", "从业人数须为 0 或正整数", "employees must be 0 or more");
        }
        return new RegisteredOrganizationRepository.OrganizationFields(
                grid, name, kind, code, legal, phones.seal(phone), address, d.employees());
    }

    @Override
    Diff diff(
            RegisteredOrganizationRepository.OrganizationFields before,
            RegisteredOrganizationRepository.OrganizationFields after) {
        return new Diff()
                .field("gridCode", before.gridCode(), after.gridCode())
                .field("name", before.name(), after.name())
                .field("kind", before.kind(), after.kind())
                .field("creditCode", before.creditCode(), after.creditCode())
                .field("legalRepresentativeName", before.legalRepresentativeName(), after.legalRepresentativeName())
                .personal(
                        "legalRepresentativePhone",
                        PersonalDataKind.PHONE,
                        phones.open(before.legalRepresentativePhone()),
                        phones.open(after.legalRepresentativePhone()))
                .field("address", before.address(), after.address())
                .field("employees", before.employees(), after.employees());
    }

    @Override
    RegisteredOrganizationView listed(
            RecordTable.Row<RegisteredOrganizationRepository.OrganizationFields> row,
            Function<String, String> gridName) {
        return view(row, gridName);
    }

    @Override
    RegisteredOrganizationView shown(
            RecordTable.Row<RegisteredOrganizationRepository.OrganizationFields> row,
            Function<String, String> gridName) {
        return view(row, gridName);
    }

    /** The problem of a credit code a live organization holds already; an import names its row with it. */
    static final FieldProblem DUPLICATE = new FieldProblem(
            "creditCode", "duplicate", "该统一社会信用代码已登记", "an organization with this credit code is registered already");

    private static ProblemException duplicate() {
        return ProblemException.conflict("该统一社会信用代码已登记", "An organization with this credit code is registered already");
    }

    private RegisteredOrganizationView view(
            RecordTable.Row<RegisteredOrganizationRepository.OrganizationFields> row,
            Function<String, String> gridName) {
        var o = row.fields();
        var s = row.state();
        return new RegisteredOrganizationView(
                row.id(),
                o.gridCode(),
                gridName.apply(o.gridCode()),
                o.name(),
                o.kind(),
                codes.name("ORGANIZATION_KIND", o.kind()).orElse(null),
                o.creditCode(),
                o.legalRepresentativeName(),
                phones.masked(o.legalRepresentativePhone()),
                o.address(),
                o.employees(),
                s.verifiedAt(),
                s.updatedAt(),
                s.version(),
                s.retiredAt(),
                s.retiredReason());
    }
}
