package org.gridgov.registry.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridgov.audit.AuditAction;
import org.gridgov.audit.AuditEntry;
import org.gridgov.audit.AuditLog;
import org.gridgov.audit.AuditResult;
import org.gridgov.common.FieldProblem;
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
            Clock clock) {
        this.scope = scope;
        this.residents = residents;
        this.rules = rules;
        this.personalData = personalData;
        this.codes = codes;
        this.regions = regions;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    public ResidentView create(ResidentDraft draft) {
        var user = users.require();
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
        residents.appendChanges(
                ENTITY,
                id,
                checked.gridCode(),
                List.of(new ResidentRepository.Change("*", null, "登记 registered")),
                user.id(),
                user.realName(),
                null,
                now);
        return view(scope.visible(id));
    }

    /** Changes a resident; a changed grid is a move (the person keeps their record). */
    public ResidentView update(long id, ResidentDraft draft) {
        var user = users.require();
        var before = scope.visible(id);
        if (before.retiredAt() != null) {
            throw ProblemException.conflict("人员已注销，不能修改", "The resident is retired");
        }
        if (draft.version() == null) {
            throw ProblemException.invalid("version", "required", "须提供版本号", "version is required");
        }
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
        residents.appendChanges(ENTITY, id, checked.gridCode(), changes, user.id(), user.realName(), null, now);
        if (!before.gridCode().equals(after.gridCode())) {
            // The old grid must still show that the person left, so the move is also written under it.
            residents.appendChanges(
                    ENTITY,
                    id,
                    before.gridCode(),
                    List.of(new ResidentRepository.Change("gridCode", before.gridCode(), after.gridCode())),
                    user.id(),
                    user.realName(),
                    "迁出 moved out",
                    now);
        }
        return view(residents.find(id, scope.prefix()).orElseThrow());
    }

    /**
     * The form was filled from a masked view: a value sent back exactly as it was shown means "unchanged", and a field
     * the caller may not see (宗教信仰 without special:read) keeps what is stored.
     */
    private ResidentDraft withHiddenValuesKept(ResidentDraft d, ResidentRow before, CurrentUser user) {
        String idNumber = d.idNumber();
        if (before.idNumber() != null
                && Objects.equals(idNumber, masked(PersonalDataKind.ID_NUMBER, before.idNumber()))) {
            idNumber = personalData.open(PersonalDataKind.ID_NUMBER, before.idNumber());
        }
        String phone = d.phone();
        if (before.phone() != null && Objects.equals(phone, masked(PersonalDataKind.PHONE, before.phone()))) {
            phone = personalData.open(PersonalDataKind.PHONE, before.phone());
        }
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
        var user = users.require();
        var before = scope.visible(id);
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw ProblemException.invalid("reason", "required", "须说明注销原因（不超过 200 字）", "a reason is required");
        }
        if (version == null) {
            throw ProblemException.invalid("version", "required", "须提供版本号", "version is required");
        }
        var now = clock.instant();
        if (!residents.retire(id, version, reason.strip(), now)) {
            throw ProblemException.conflict("人员已注销或已被他人修改", "The resident is retired already or changed meanwhile");
        }
        residents.appendChanges(
                ENTITY,
                id,
                before.gridCode(),
                List.of(new ResidentRepository.Change("retiredAt", null, now.toString())),
                user.id(),
                user.realName(),
                reason.strip(),
                now);
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
        return PageResult.of(rows, page, residents.count(filter));
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
                scope.prefix(),
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
    public PageResult<ResidentRepository.ChangeRow> history(long id, PageQuery page) {
        scope.visible(id);
        return PageResult.of(
                residents.changes(ENTITY, id, scope.prefix(), page),
                page,
                residents.countChanges(ENTITY, id, scope.prefix()));
    }

    private ResidentRules.Checked checked(ResidentDraft draft) {
        var outcome = rules.check(draft);
        if (!outcome.ok()) {
            throw ProblemException.invalid(outcome.problems());
        }
        if (!scope.covers(outcome.resident().gridCode())) {
            throw ProblemException.unprocessable(
                    "网格不在您的管辖范围内",
                    "The grid lies outside your scope",
                    List.of(new FieldProblem("gridCode", "outside-scope", "超出管辖范围", "outside your scope")));
        }
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
    private List<ResidentRepository.Change> differences(ResidentRow a, ResidentRow b) {
        var out = new ArrayList<ResidentRepository.Change>();
        Map<String, Object[]> fields = new LinkedHashMap<>();
        fields.put("gridCode", new Object[] {a.gridCode(), b.gridCode()});
        fields.put("name", new Object[] {a.name(), b.name()});
        fields.put("sex", new Object[] {a.sex(), b.sex()});
        fields.put("ethnicity", new Object[] {a.ethnicity(), b.ethnicity()});
        fields.put("birthDate", new Object[] {a.birthDate(), b.birthDate()});
        fields.put("registeredRegion", new Object[] {a.registeredRegion(), b.registeredRegion()});
        fields.put("registeredAddress", new Object[] {a.registeredAddress(), b.registeredAddress()});
        fields.put("currentAddress", new Object[] {a.currentAddress(), b.currentAddress()});
        fields.put("houseId", new Object[] {a.houseId(), b.houseId()});
        fields.put("householdId", new Object[] {a.householdId(), b.householdId()});
        fields.put("relationToHead", new Object[] {a.relationToHead(), b.relationToHead()});
        fields.put("education", new Object[] {a.education(), b.education()});
        fields.put("politicalStatus", new Object[] {a.politicalStatus(), b.politicalStatus()});
        fields.put("religion", new Object[] {a.religion(), b.religion()});
        fields.put("occupation", new Object[] {a.occupation(), b.occupation()});
        fields.put("employer", new Object[] {a.employer(), b.employer()});
        fields.put("kind", new Object[] {a.kind(), b.kind()});
        fields.put("tags", new Object[] {a.tags(), b.tags()});
        fields.forEach((field, pair) -> {
            if (!Objects.equals(pair[0], pair[1])) {
                out.add(new ResidentRepository.Change(field, text(pair[0]), text(pair[1])));
            }
        });
        if (!java.util.Arrays.equals(a.idNumberHash(), b.idNumberHash())) {
            out.add(new ResidentRepository.Change(
                    "idNumber",
                    masked(PersonalDataKind.ID_NUMBER, a.idNumber()),
                    masked(PersonalDataKind.ID_NUMBER, b.idNumber())));
        }
        if (!java.util.Arrays.equals(a.phoneHash(), b.phoneHash())) {
            out.add(new ResidentRepository.Change(
                    "phone", masked(PersonalDataKind.PHONE, a.phone()), masked(PersonalDataKind.PHONE, b.phone())));
        }
        var detailsA = new LinkedHashMap<>(a.kindDetails());
        var detailsB = new LinkedHashMap<>(b.kindDetails());
        // Sealed values differ on every seal: a document number counts as changed only when its plain text does.
        String docA = detailsA.remove("documentNumber");
        String docB = detailsB.remove("documentNumber");
        if (!Objects.equals(detailsA, detailsB)) {
            out.add(new ResidentRepository.Change("kindDetails", detailsA.toString(), detailsB.toString()));
        }
        if (!Objects.equals(openDocument(docA), openDocument(docB))) {
            out.add(new ResidentRepository.Change("kindDetails.documentNumber", "***", "***"));
        }
        return out;
    }

    private String openDocument(String base64) {
        return base64 == null
                ? null
                : personalData.open(
                        PersonalDataKind.ID_NUMBER,
                        java.util.Base64.getDecoder().decode(base64));
    }

    private String masked(PersonalDataKind kind, byte[] sealed) {
        return sealed == null ? null : personalData.mask(kind, personalData.open(kind, sealed));
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
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
