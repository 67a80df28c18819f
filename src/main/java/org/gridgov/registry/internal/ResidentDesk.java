package org.gridgov.registry.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridgov.audit.AuditAction;
import org.gridgov.audit.AuditEntry;
import org.gridgov.audit.AuditLog;
import org.gridgov.audit.AuditResult;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.PersonalData;
import org.gridgov.common.PersonalDataKind;
import org.gridgov.common.ProblemException;
import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.region.RegionApi;
import org.gridgov.registry.ResidentKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the resident register for the signed-in caller: adds, changes (field by field into the history), moves to
 * another grid, retires with a reason, finds, and opens a masked value for a stated purpose under audit.
 */
@Service
@Transactional
public class ResidentDesk {

    static final String ENTITY = "resident";

    private final ResidentScope scope;
    private final ResidentRepository residents;
    private final ResidentRules rules;
    private final PersonalData personalData;
    private final CodeSets codes;
    private final RegionApi regions;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final RegistryHistory history;
    private final Clock clock;

    ResidentDesk(
            ResidentScope scope,
            ResidentRepository residents,
            ResidentRules rules,
            PersonalData personalData,
            CodeSets codes,
            RegionApi regions,
            CurrentUsers users,
            AuditLog audit,
            RegistryHistory history,
            Clock clock) {
        this.scope = scope;
        this.residents = residents;
        this.rules = rules;
        this.personalData = personalData;
        this.codes = codes;
        this.regions = regions;
        this.users = users;
        this.audit = audit;
        this.history = history;
        this.clock = clock;
    }

    public ResidentView create(ResidentDraft draft) {
        var checked = checked(draft);
        var row = sealed(0, checked, 0);
        if (row.idNumberHash() != null
                && residents.idOfNumber(row.idNumberHash()).isPresent()) {
            throw duplicate();
        }
        var now = clock.instant();
        long id;
        try {
            id = residents.insert(row, now);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw duplicate();
        }
        history.registered(ENTITY, id, checked.gridCode(), now);
        return view(scope.visible(id));
    }

    /** Changes a resident; a changed grid is a move (the person keeps their record). */
    public ResidentView update(long id, ResidentDraft draft) {
        var user = users.require();
        var before = scope.visible(id);
        if (before.retiredAt() != null) {
            throw ProblemException.conflict("人员已注销，不能修改", "The resident is retired");
        }
        RegistryHistory.version(draft.version());
        var checked = checked(withHiddenValuesKept(draft, before, user));
        var after = sealed(id, checked, before.version());
        if (after.idNumberHash() != null) {
            var holder = residents.idOfNumber(after.idNumberHash());
            if (holder.isPresent() && holder.get() != id) {
                throw duplicate();
            }
        }
        var now = clock.instant();
        if (draft.version() != before.version() || !residents.update(after, draft.version(), now)) {
            throw ProblemException.conflict("人员信息已被他人修改，请刷新后重试", "The resident changed meanwhile; reload");
        }
        var changes = differences(before, after);
        history.changed(ENTITY, id, checked.gridCode(), changes, null, now);
        if (!before.gridCode().equals(after.gridCode())) {
            // The old grid must still show that the person left, so the move is also written under it.
            history.changed(
                    ENTITY,
                    id,
                    before.gridCode(),
                    List.of(new ChangeLog.Change("gridCode", before.gridCode(), after.gridCode())),
                    "迁出 moved out",
                    now);
        }
        return view(residents.find(id, scope.data()).orElseThrow());
    }

    /**
     * The form was filled from a masked view: a value sent back exactly as it was shown means "unchanged", and a field
     * the caller may not see (宗教信仰 without special:read) keeps what is stored.
     */
    private ResidentDraft withHiddenValuesKept(ResidentDraft d, ResidentRow before, CurrentUser user) {
        String idNumber = personalData.keptIfMasked(PersonalDataKind.ID_NUMBER, d.idNumber(), before.idNumber());
        String phone = personalData.keptIfMasked(PersonalDataKind.PHONE, d.phone(), before.phone());
        var details = d.kindDetails() == null ? null : new LinkedHashMap<>(d.kindDetails());
        String storedDocument = openDocument(before.kindDetails().get("documentNumber"));
        if (details != null
                && storedDocument != null
                && Objects.equals(
                        details.get("documentNumber"), personalData.mask(PersonalDataKind.ID_NUMBER, storedDocument))) {
            details.put("documentNumber", storedDocument);
        }
        String religion = user.can(Permissions.SPECIAL_READ) ? d.religion() : before.religion();
        return new ResidentDraft(
                d.gridCode(),
                d.name(),
                idNumber,
                d.sex(),
                d.ethnicity(),
                d.birthDate(),
                d.registeredRegion(),
                d.registeredAddress(),
                d.currentAddress(),
                d.houseId(),
                d.householdId(),
                d.relationToHead(),
                phone,
                d.education(),
                d.politicalStatus(),
                religion,
                d.occupation(),
                d.employer(),
                d.kind(),
                details,
                d.tags(),
                d.version());
    }

    /** Retires a resident (deceased, moved away for good, entered in error): logical, with a reason. */
    public ResidentView retire(long id, Integer version, String reason) {
        var before = scope.visible(id);
        String why = RegistryHistory.reason(reason);
        int seen = RegistryHistory.version(version);
        var now = clock.instant();
        if (!residents.retire(id, seen, why, now)) {
            throw ProblemException.conflict("人员已注销或已被他人修改", "The resident is retired already or changed meanwhile");
        }
        history.retired(ENTITY, id, before.gridCode(), why, now);
        return view(scope.visible(id));
    }

    /** Every code set with its values in order, for forms and import templates. */
    @Transactional(readOnly = true)
    public Map<String, List<CodeValue>> codes() {
        return codes.list();
    }

    @Transactional(readOnly = true)
    public ResidentView get(long id) {
        return view(scope.visible(id));
    }

    /**
     * The query of a resident search; every part optional, all parts must hold: {@code idNumber} and {@code phone}
     * exact (through their lookup hashes), {@code name} as a prefix, {@code nameContains} as a fragment,
     * {@code address} as a prefix of the current or house address, {@code gridCode} as a prefix (a village code finds
     * its grids); retired residents only with {@code includeRetired}. Bound from the query parameters of the search and of the export alike.
     */
    public record SearchQuery(
            String idNumber,
            String name,
            String nameContains,
            String phone,
            String gridCode,
            ResidentKind kind,
            String tag,
            String address,
            Boolean includeRetired) {}

    @Transactional(readOnly = true)
    public PageResult<ResidentView> search(SearchQuery q, PageQuery page) {
        var filter = filter(q);
        var user = users.require();
        var rows =
                residents.search(filter, page).stream().map(r -> view(r, user)).toList();
        // A short page is the last one, so it tells the total by itself: a find by ID number or phone, the most
        // frequent search, then costs one query instead of two.
        boolean last = rows.size() < page.size() && (!rows.isEmpty() || page.offset() == 0);
        long total = last ? page.offset() + rows.size() : residents.count(filter);
        return PageResult.of(rows, page, total);
    }

    /** Every resident a search finds in the caller's scope, masked, one at a time through a cursor. */
    @Transactional(readOnly = true)
    public void forEachFound(SearchQuery q, java.util.function.Consumer<ResidentView> each) {
        var filter = filter(q);
        var user = users.require();
        residents.forEach(filter, r -> each.accept(view(r, user)));
    }

    ResidentRepository.Filter filter(SearchQuery q) {
        String fragment = ResidentRules.trim(q.nameContains());
        String phone = ResidentRules.trim(q.phone());
        String id = ResidentRules.trim(q.idNumber());
        return new ResidentRepository.Filter(
                scope.data(),
                id == null ? null : personalData.lookupHash(PersonalDataKind.ID_NUMBER, id),
                phone == null ? null : personalData.lookupHash(PersonalDataKind.PHONE, phone),
                ResidentRules.trim(q.name()),
                fragment == null ? null : NameGrams.query(fragment),
                fragment == null ? null : fragment.toLowerCase(java.util.Locale.ROOT),
                ResidentRules.trim(q.gridCode()),
                q.kind() == null ? null : q.kind().name(),
                ResidentRules.trim(q.tag()),
                ResidentRules.trim(q.address()),
                Boolean.TRUE.equals(q.includeRetired()));
    }

    /** What an unmasked view answers: the plain values the caller asked for. */
    public record Unmasked(String idNumber, String phone, String documentNumber) {}

    /** Opens a resident's personal data for a stated purpose; audited, and only for roles allowed to unmask. */
    public Unmasked unmask(long id, String purpose) {
        var user = users.require();
        if (purpose == null || purpose.isBlank() || purpose.length() > 200) {
            throw ProblemException.invalid("purpose", "required", "查看明文须说明用途（不超过 200 字）", "a purpose is required");
        }
        var r = scope.visible(id);
        audit.record(AuditEntry.builder(AuditAction.UNMASK, AuditResult.SUCCESS)
                .userId(user.id())
                .username(user.username())
                .roles(user.rolesText())
                .organization(user.organizationCode())
                .object("resident", String.valueOf(id))
                .purpose(purpose.strip())
                .build());
        return new Unmasked(
                r.idNumber() == null ? null : personalData.open(PersonalDataKind.ID_NUMBER, r.idNumber()),
                r.phone() == null ? null : personalData.open(PersonalDataKind.PHONE, r.phone()),
                r.kindDetails().get("documentNumber") == null
                        ? null
                        : personalData.open(
                                PersonalDataKind.ID_NUMBER,
                                java.util.Base64.getDecoder()
                                        .decode(r.kindDetails().get("documentNumber"))));
    }

    @Transactional(readOnly = true)
    public PageResult<ChangeRow> history(long id, PageQuery page) {
        scope.visible(id);
        return history.page(ENTITY, id, page);
    }

    private ResidentRules.Checked checked(ResidentDraft draft) {
        var outcome = rules.check(draft);
        if (!outcome.ok()) {
            throw ProblemException.invalid(outcome.problems());
        }
        scope.requireCovers(outcome.resident().gridCode());
        return outcome.resident();
    }

    ResidentRow sealed(long id, ResidentRules.Checked c, int version) {
        var sealedId = c.idNumber() == null
                ? null
                : personalData.seal(PersonalDataKind.ID_NUMBER, c.idNumber().value());
        var sealedPhone = c.phone() == null ? null : personalData.seal(PersonalDataKind.PHONE, c.phone());
        var details = new LinkedHashMap<>(c.kindDetails());
        if (details.containsKey("documentNumber")) {
            // A passport number identifies a person as an ID number does: sealed the same way, kept as text in JSON.
            details.put(
                    "documentNumber",
                    java.util.Base64.getEncoder()
                            .encodeToString(personalData
                                    .seal(PersonalDataKind.ID_NUMBER, details.get("documentNumber"))
                                    .ciphertext()));
        }
        return new ResidentRow(
                id,
                c.gridCode(),
                c.name(),
                sealedId == null ? null : sealedId.ciphertext(),
                sealedId == null ? null : sealedId.lookupHash(),
                c.sex(),
                c.ethnicity(),
                c.birthDate(),
                c.registeredRegion(),
                c.registeredAddress(),
                c.currentAddress(),
                c.houseId(),
                c.householdId(),
                c.relationToHead(),
                sealedPhone == null ? null : sealedPhone.ciphertext(),
                sealedPhone == null ? null : sealedPhone.lookupHash(),
                c.education(),
                c.politicalStatus(),
                c.religion(),
                c.occupation(),
                c.employer(),
                c.kind(),
                details,
                c.tags(),
                null,
                null,
                null,
                version,
                null,
                null);
    }

    /** The fields that differ, personal data compared by lookup hash and shown masked. */
    private List<ChangeLog.Change> differences(ResidentRow a, ResidentRow b) {
        var diff = new Diff()
                .field("gridCode", a.gridCode(), b.gridCode())
                .field("name", a.name(), b.name())
                .field("sex", a.sex(), b.sex())
                .field("ethnicity", a.ethnicity(), b.ethnicity())
                .field("birthDate", a.birthDate(), b.birthDate())
                .field("registeredRegion", a.registeredRegion(), b.registeredRegion())
                .field("registeredAddress", a.registeredAddress(), b.registeredAddress())
                .field("currentAddress", a.currentAddress(), b.currentAddress())
                .field("houseId", a.houseId(), b.houseId())
                .field("householdId", a.householdId(), b.householdId())
                .field("relationToHead", a.relationToHead(), b.relationToHead())
                .field("education", a.education(), b.education())
                .field("politicalStatus", a.politicalStatus(), b.politicalStatus())
                .field("religion", a.religion(), b.religion())
                .field("occupation", a.occupation(), b.occupation())
                .field("employer", a.employer(), b.employer())
                .field("kind", a.kind(), b.kind())
                .field("tags", a.tags(), b.tags());
        if (!java.util.Arrays.equals(a.idNumberHash(), b.idNumberHash())) {
            diff.add(new ChangeLog.Change(
                    "idNumber",
                    masked(PersonalDataKind.ID_NUMBER, a.idNumber()),
                    masked(PersonalDataKind.ID_NUMBER, b.idNumber())));
        }
        if (!java.util.Arrays.equals(a.phoneHash(), b.phoneHash())) {
            diff.add(new ChangeLog.Change(
                    "phone", masked(PersonalDataKind.PHONE, a.phone()), masked(PersonalDataKind.PHONE, b.phone())));
        }
        var detailsA = new LinkedHashMap<>(a.kindDetails());
        var detailsB = new LinkedHashMap<>(b.kindDetails());
        // Sealed values differ on every seal: a document number counts as changed only when its plain text does.
        String docA = detailsA.remove("documentNumber");
        String docB = detailsB.remove("documentNumber");
        diff.field("kindDetails", detailsA, detailsB);
        if (!Objects.equals(openDocument(docA), openDocument(docB))) {
            diff.add(new ChangeLog.Change("kindDetails.documentNumber", "***", "***"));
        }
        return diff.changes();
    }

    private String openDocument(String base64) {
        return base64 == null
                ? null
                : personalData.open(
                        PersonalDataKind.ID_NUMBER,
                        java.util.Base64.getDecoder().decode(base64));
    }

    private String masked(PersonalDataKind kind, byte[] sealed) {
        return personalData.masked(kind, sealed);
    }

    ResidentView view(ResidentRow r) {
        return view(r, users.require());
    }

    ResidentView view(ResidentRow r, CurrentUser user) {
        var details = new LinkedHashMap<>(r.kindDetails());
        if (details.containsKey("documentNumber")) {
            details.put(
                    "documentNumber",
                    personalData.mask(PersonalDataKind.ID_NUMBER, openDocument(details.get("documentNumber"))));
        }
        return new ResidentView(
                r.id(),
                r.gridCode(),
                r.name(),
                masked(PersonalDataKind.ID_NUMBER, r.idNumber()),
                r.sex(),
                r.ethnicity(),
                r.ethnicity() == null
                        ? null
                        : codes.name("ETHNICITY", r.ethnicity()).orElse(null),
                r.birthDate(),
                r.registeredRegion(),
                r.registeredRegion() == null
                        ? null
                        : regions.divisionName(r.registeredRegion()).orElse(null),
                r.registeredAddress(),
                r.currentAddress(),
                r.houseId(),
                r.householdId(),
                r.relationToHead(),
                masked(PersonalDataKind.PHONE, r.phone()),
                r.education(),
                r.politicalStatus(),
                // 宗教信仰 is sensitive personal information (PIPL art. 28): shown only to those who keep special groups.
                user.can(Permissions.SPECIAL_READ) ? r.religion() : null,
                r.occupation(),
                r.employer(),
                r.kind(),
                r.kind().label(),
                details,
                r.tags(),
                r.verifiedAt(),
                r.updatedAt(),
                r.version(),
                r.retiredAt(),
                r.retiredReason());
    }

    private static ProblemException duplicate() {
        return ProblemException.conflict("该身份证号已登记", "A resident with this ID number is registered already");
    }
}
