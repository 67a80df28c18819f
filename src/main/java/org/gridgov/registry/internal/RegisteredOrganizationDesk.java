package org.gridgov.registry.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
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
public class RegisteredOrganizationDesk {

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
            Integer version) {}

    /** An organization as the console shows it, the phone masked. */
    public record OrganizationView(
            long id,
            String gridCode,
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

    private final RegistryScope scope;
    private final RegisteredOrganizationRepository organizations;
    private final RegistryHistory history;
    private final Retirements retirements;
    private final Phones phones;
    private final CodeSets codes;
    private final RegionApi regions;
    private final Clock clock;

    RegisteredOrganizationDesk(
            RegistryScope scope,
            RegisteredOrganizationRepository organizations,
            RegistryHistory history,
            Retirements retirements,
            Phones phones,
            CodeSets codes,
            RegionApi regions,
            Clock clock) {
        this.scope = scope;
        this.organizations = organizations;
        this.history = history;
        this.retirements = retirements;
        this.phones = phones;
        this.codes = codes;
        this.regions = regions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResult<OrganizationView> search(OrganizationQuery q, PageQuery page) {
        var filter = filter(q);
        return PageResult.of(
                organizations.search(filter, page).stream().map(this::view).toList(),
                page,
                organizations.count(filter));
    }

    /** Every organization a search finds in the caller's scope, masked, one at a time through a cursor. */
    @Transactional(readOnly = true)
    public void forEachFound(OrganizationQuery q, java.util.function.Consumer<OrganizationView> each) {
        organizations.forEach(filter(q), o -> each.accept(view(o)));
    }

    private RegisteredOrganizationRepository.Filter filter(OrganizationQuery q) {
        String code = ResidentRules.trim(q.creditCode());
        return new RegisteredOrganizationRepository.Filter(
                scope.prefix(),
                ResidentRules.trim(q.gridCode()),
                ResidentRules.trim(q.name()),
                ResidentRules.trim(q.kind()),
                code == null ? null : code.toUpperCase(Locale.ROOT),
                Boolean.TRUE.equals(q.includeRetired()));
    }

    @Transactional(readOnly = true)
    public OrganizationView get(long id) {
        return view(visible(id));
    }

    public OrganizationView create(OrganizationDraft draft) {
        var fields = checked(draft, null);
        requireFree(fields.creditCode(), null);
        var now = clock.instant();
        long id;
        try {
            id = organizations.insert(fields, now);
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
        history.registered(ENTITY, id, fields.gridCode(), now);
        return get(id);
    }

    public OrganizationView update(long id, OrganizationDraft draft) {
        var before = visible(id);
        RecordState.requireActive(before.state(), "组织");
        int version = RegistryHistory.version(draft.version());
        var after = checked(draft, before.fields());
        requireFree(after.creditCode(), id);
        var now = clock.instant();
        try {
            if (version != before.state().version() || !organizations.update(id, after, version, now)) {
                throw RecordState.stale("组织", "organization");
            }
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
        var a = before.fields();
        var changes = new Diff()
                .field("gridCode", a.gridCode(), after.gridCode())
                .field("name", a.name(), after.name())
                .field("kind", a.kind(), after.kind())
                .field("creditCode", a.creditCode(), after.creditCode())
                .field("legalRepresentativeName", a.legalRepresentativeName(), after.legalRepresentativeName())
                .personal(
                        "legalRepresentativePhone",
                        PersonalDataKind.PHONE,
                        phones.open(a.legalRepresentativePhone()),
                        phones.open(after.legalRepresentativePhone()))
                .field("address", a.address(), after.address())
                .field("employees", a.employees(), after.employees())
                .changes();
        history.changed(ENTITY, id, after.gridCode(), changes, null, now);
        return get(id);
    }

    /** Retires an organization (deregistered, moved away, entered in error): logical, with a reason. */
    public OrganizationView retire(long id, Integer version, String reason) {
        var before = visible(id);
        String why = RegistryHistory.reason(reason);
        int seen = RegistryHistory.version(version);
        var now = clock.instant();
        if (!retirements.retire(Retirements.Table.ORGANIZATION, id, seen, why, now)) {
            throw RecordState.stale("组织", "organization");
        }
        history.retired(ENTITY, id, before.fields().gridCode(), why, now);
        return get(id);
    }

    @Transactional(readOnly = true)
    public PageResult<ChangeRow> history(long id, PageQuery page) {
        visible(id);
        return history.page(ENTITY, id, page);
    }

    private void requireFree(String creditCode, Long self) {
        var holder = organizations.holderOf(creditCode);
        if (holder.isPresent() && !holder.get().equals(self)) {
            throw duplicate();
        }
    }

    private RegisteredOrganizationRepository.OrganizationFields checked(
            OrganizationDraft d, RegisteredOrganizationRepository.OrganizationFields before) {
        var fields = new Fields(codes, regions);
        var checked = checked(d, before, fields);
        fields.verify();
        scope.requireCovers(checked.gridCode());
        return checked;
    }

    /** The form's rules on a draft, the problems collected in {@code fields}; an import runs them row by row. */
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

    private RegisteredOrganizationRepository.OrganizationRow visible(long id) {
        return RegistryScope.visible(organizations.find(id, scope.prefix()), "组织", "organization");
    }

    private static ProblemException duplicate() {
        return ProblemException.conflict("该统一社会信用代码已登记", "An organization with this credit code is registered already");
    }

    private OrganizationView view(RegisteredOrganizationRepository.OrganizationRow row) {
        var o = row.fields();
        var s = row.state();
        return new OrganizationView(
                row.id(),
                o.gridCode(),
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
