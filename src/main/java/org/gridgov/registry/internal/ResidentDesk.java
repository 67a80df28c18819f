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
    private final GridNames gridNames;
    private final PersonalReads reads;
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
            GridNames gridNames,
            PersonalReads reads,
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
        this.gridNames = gridNames;
        this.reads = reads;
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
        // A move is one line (gridCode old → new) among the changes, under the new grid: whoever may see the person
        // now reads it, and a reader of both grids reads it once.
        history.changed(ENTITY, id, checked.gridCode(), differences(before, after), null, now);
        return view(residents.find(id, scope.data()).orElseThrow());
    }

    /**
     * The form was filled from a masked view: a value sent back exactly as it was shown means "unchanged", and a field
     * the caller may not see (宗教信仰 without special:read, the birth date without personal:unmask) keeps what is
     * stored. A birth date is kept only where no ID number gives it.
     */
    private ResidentDraft withHiddenValuesKept(ResidentDraft d, ResidentRow before, CurrentUser user) {
        var disclosure = Disclosure.of(user);
        String idNumber = before.idNumber() != null
                        && shownAs(
                                disclosure,
                                personalData.masked(PersonalDataKind.ID_NUMBER, before.idNumber()),
                                d.idNumber())
                ? personalData.open(PersonalDataKind.ID_NUMBER, before.idNumber())
                : d.idNumber();
        String phone = personalData.keptIfMasked(PersonalDataKind.PHONE, d.phone(), before.phone());
        var details = d.kindDetails() == null ? null : new LinkedHashMap<>(d.kindDetails());
        String storedDocument = openDocument(before.kindDetails().get("documentNumber"));
        if (details != null
                && storedDocument != null
                && shownAs(
                        disclosure,
                        personalData.mask(PersonalDataKind.ID_NUMBER, storedDocument),
                        details.get("documentNumber"))) {
            details.put("documentNumber", storedDocument);
        }
        var birthDate = d.birthDate() == null && !disclosure.full() && ResidentRules.trim(idNumber) == null
                ? before.birthDate()
                : d.birthDate();
        String religion = user.can(Permissions.SPECIAL_READ) ? d.religion() : before.religion();
        return new ResidentDraft(
                d.gridCode(),
                d.name(),
                idNumber,
                d.sex(),
                d.ethnicity(),
                birthDate,
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

    /** Whether a value sent back is the masked value as the caller was shown it (or as an unmasking caller is). */
    private static boolean shownAs(Disclosure disclosure, String masked, String sent) {
        return sent != null && (sent.equals(masked) || sent.equals(disclosure.idNumber(masked)));
    }

    /**
     * Retires a resident (deceased, moved away for good, entered in error): logical, with a reason. A record entered in
     * error ({@code inError}) gives up its ID number, so that the person's real record can be registered.
     */
    public ResidentView retire(long id, Integer version, String reason, boolean inError) {
        var before = scope.visible(id);
        String why = RegistryHistory.reason(reason);
        int seen = RegistryHistory.version(version);
        var now = clock.instant();
        if (!residents.retire(id, seen, why, inError, now)) {
            throw ProblemException.conflict("人员已注销或已被他人修改", "The resident is retired already or changed meanwhile");
        }
        var changes = new java.util.ArrayList<ChangeLog.Change>();
        changes.add(new ChangeLog.Change("retiredAt", null, now.toString()));
        if (inError) {
            changes.add(new ChangeLog.Change("retiredInError", null, "true"));
        }
        history.changed(ENTITY, id, before.gridCode(), changes, why, now);
        return view(scope.visible(id));
    }

    /**
     * Takes a retired resident back (the retirement was the mistake, or the person came back), with a reason written
     * to the history. Refused (409) while another record holds the ID number: that one is the person's record.
     */
    public ResidentView reinstate(long id, Integer version, String reason) {
        var before = scope.visible(id);
        String why = RegistryHistory.reason(reason);
        int seen = RegistryHistory.version(version);
        if (before.retiredAt() == null) {
            throw ProblemException.conflict("人员未注销", "The resident is not retired");
        }
        if (before.idNumberHash() != null) {
            var holder = residents.idOfNumber(before.idNumberHash());
            if (holder.isPresent() && holder.get() != id) {
                throw numberTaken();
            }
        }
        var now = clock.instant();
        boolean done;
        try {
            done = residents.reinstate(id, seen, now);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw numberTaken();
        }
        if (!done) {
            throw ProblemException.conflict("人员信息已被他人修改，请刷新后重试", "The resident changed meanwhile; reload");
        }
        var changes = new java.util.ArrayList<ChangeLog.Change>();
        changes.add(new ChangeLog.Change("retiredAt", before.retiredAt().toString(), null));
        if (before.retiredInError()) {
            changes.add(new ChangeLog.Change("retiredInError", "true", null));
        }
        history.changed(ENTITY, id, before.gridCode(), changes, why, now);
        return view(scope.visible(id));
    }

    private static ProblemException numberTaken() {
        return ProblemException.conflict(
                "该身份证号已由另一条人员记录登记，不能恢复此记录", "Another record holds this ID number; this one cannot be reinstated");
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

    /** A resident as a person opens the record; audited as a read of personal data. */
    @Transactional(readOnly = true)
    public ResidentView open(long id) {
        var view = get(id);
        reads.opened(ENTITY, id);
        return view;
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

    /**
     * One page of a search. A search by ID number or phone finds a person by who they are, so it is audited with the
     * number masked and how many it found.
     */
    @Transactional(readOnly = true)
    public PageResult<ResidentView> search(SearchQuery q, PageQuery page) {
        var filter = filter(q);
        var user = users.require();
        var found = residents.search(filter, page);
        var names = gridNames.lookup(found.stream().map(ResidentRow::gridCode).toList());
        var rows = found.stream().map(r -> view(r, user, names)).toList();
        // A short page is the last one, so it tells the total by itself: a find by ID number or phone, the most
        // frequent search, then costs one query instead of two.
        boolean last = rows.size() < page.size() && (!rows.isEmpty() || page.offset() == 0);
        long total = last ? page.offset() + rows.size() : residents.count(filter);
        String byPerson = personCriteria(q);
        if (byPerson != null) {
            reads.found("resident-search", byPerson, total);
        }
        return PageResult.of(rows, page, total);
    }

    /** Every resident a search finds in the caller's scope, masked, one at a time through a cursor. */
    @Transactional(readOnly = true)
    public void forEachFound(SearchQuery q, java.util.function.Consumer<ResidentView> each) {
        var filter = filter(q);
        var user = users.require();
        var names = gridNames.lookup(List.of());
        residents.forEach(filter, r -> each.accept(view(r, user, names)));
    }

    /** Refuses, before a download starts, the filters a search would refuse (400 naming the filter). */
    public void check(SearchQuery q) {
        filter(q);
    }

    Disclosure disclosure() {
        return Disclosure.of(users.require());
    }

    /** What a search asked of a person's identity, masked for the audit log; null when it asked nothing of it. */
    String personCriteria(SearchQuery q) {
        String id = ResidentRules.trim(q.idNumber());
        String phone = ResidentRules.trim(q.phone());
        var parts = new java.util.ArrayList<String>();
        if (id != null) {
            parts.add("idNumber=" + personalData.mask(PersonalDataKind.ID_NUMBER, id));
        }
        if (phone != null) {
            parts.add("phone=" + personalData.mask(PersonalDataKind.PHONE, phone));
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    /** The same, and every other filter given, for the record of an export. */
    String exportCriteria(SearchQuery q) {
        var parts = new java.util.ArrayList<String>();
        String person = personCriteria(q);
        if (person != null) {
            parts.add(person);
        }
        if (ResidentRules.trim(q.name()) != null || ResidentRules.trim(q.nameContains()) != null) {
            parts.add("name=…");
        }
        for (var filter : new String[][] {
            {"gridCode", q.gridCode()},
            {"tag", q.tag()},
            {"kind", q.kind() == null ? null : q.kind().name()}
        }) {
            if (ResidentRules.trim(filter[1]) != null) {
                parts.add(filter[0] + "=" + filter[1].strip());
            }
        }
        if (Boolean.TRUE.equals(q.includeRetired())) {
            parts.add("includeRetired=true");
        }
        return parts.isEmpty() ? "all" : String.join(" ", parts);
    }

    ResidentRepository.Filter filter(SearchQuery q) {
        String fragment = ResidentRules.trim(q.nameContains());
        String phone = SearchFilters.phone(q.phone());
        String id = SearchFilters.idNumber(q.idNumber());
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

    /**
     * A resident's history as the caller may see it: an ID number or birth date changed shows no more of the person
     * than the record itself does ({@link Disclosure#change}). Audited as a read of the person's record.
     */
    @Transactional(readOnly = true)
    public PageResult<ChangeRow> history(long id, PageQuery page) {
        scope.visible(id);
        var disclosure = Disclosure.of(users.require());
        var lines = history.page(ENTITY, id, page);
        reads.opened("resident-history", id);
        return lines.map(disclosure::change);
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
                null,
                false);
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
        return view(r, users.require(), gridNames.lookup(List.of(r.gridCode())));
    }

    /**
     * A resident as this caller may see it ({@link Disclosure}): the ID number and a foreign document number masked
     * to what the caller's permissions allow, the birth date only with personal:unmask and the birth year always.
     */
    ResidentView view(ResidentRow r, CurrentUser user, java.util.function.Function<String, String> gridName) {
        var disclosure = Disclosure.of(user);
        var details = new LinkedHashMap<>(r.kindDetails());
        if (details.containsKey("documentNumber")) {
            details.put(
                    "documentNumber",
                    disclosure.idNumber(personalData.mask(
                            PersonalDataKind.ID_NUMBER, openDocument(details.get("documentNumber")))));
        }
        return new ResidentView(
                r.id(),
                r.gridCode(),
                gridName.apply(r.gridCode()),
                r.name(),
                disclosure.idNumber(masked(PersonalDataKind.ID_NUMBER, r.idNumber())),
                r.sex(),
                r.ethnicity(),
                r.ethnicity() == null
                        ? null
                        : codes.name("ETHNICITY", r.ethnicity()).orElse(null),
                disclosure.birthDate(r.birthDate()),
                Disclosure.birthYear(r.birthDate()),
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
                r.retiredReason(),
                r.retiredInError());
    }

    private static ProblemException duplicate() {
        return ProblemException.conflict("该身份证号已登记", "A resident with this ID number is registered already");
    }
}
