package org.gridgov.registry.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.ProblemException;
import org.gridgov.identity.CurrentUsers;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deployment's own registers ("N" registers: 退役军人, 志愿者…) without a release: a center operator defines one
 * with its fields, changes or retires it, and whoever keeps the resident register adds, changes and retires entries
 * for the people of their scope, each checked against the definition. Every change goes to the history.
 */
@Service
@Transactional
public class RegisterDesk {

    static final String TYPE_ENTITY = "REGISTER_TYPE";
    static final String ENTRY_ENTITY = "REGISTER_ENTRY";

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final Pattern FIELD = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");
    private static final int MAX_FIELDS = 50;

    /** A definition's name and fields as checked, either for a new register or for a change. */
    private record Definition(String name, List<FieldDefinition> fields) {}

    private final ResidentScope scope;
    private final RegisterRepository registers;
    private final FieldChecks checks;
    private final RegistryHistory history;
    private final CurrentUsers users;
    private final GridNames gridNames;
    private final Clock clock;

    RegisterDesk(
            ResidentScope scope,
            RegisterRepository registers,
            FieldChecks checks,
            RegistryHistory history,
            CurrentUsers users,
            GridNames gridNames,
            Clock clock) {
        this.scope = scope;
        this.registers = registers;
        this.checks = checks;
        this.history = history;
        this.users = users;
        this.gridNames = gridNames;
        this.clock = clock;
    }

    /** The registers defined, by code; retired ones only when asked for. */
    @Transactional(readOnly = true)
    public PageResult<RegisterType> types(boolean includeRetired, PageQuery page) {
        return PageResult.of(registers.types(includeRetired, page), page, registers.countTypes(includeRetired));
    }

    public RegisterType define(RegisterTypeDraft draft) {
        var problems = new ArrayList<FieldProblem>();
        String code = ResidentRules.trim(draft.code());
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(new FieldProblem(
                    "code", "format", "代码须为大写字母开头的字母、数字或下划线（2–40 位）", "code is A-Z, 0-9, _ (2 to 40)"));
        }
        var definition = checked(draft, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        var now = clock.instant();
        String actor = users.require().realName();
        long id;
        try {
            id = registers.insertType(code, definition.name(), definition.fields(), actor, now);
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("该代码的登记簿已存在", "A register with this code exists already");
        }
        history.registered(TYPE_ENTITY, id, scope.data().prefix(), now);
        return find(id, RegisterRepository.Lock.NONE);
    }

    /**
     * Changes a register's name and fields; the code stays. A field may be added, relabelled, made required or
     * optional at any time, but its type or code set may change, and it may go, only while no live entry holds a
     * value for it (400 naming {@code fields[i]}, or {@code fields} for a field left out).
     */
    public RegisterType change(long id, RegisterTypeDraft draft) {
        var before = find(id, RegisterRepository.Lock.FOR_CHANGE);
        requireOpen(before);
        int version = RegistryHistory.version(draft.version());
        var problems = new ArrayList<FieldProblem>();
        String code = ResidentRules.trim(draft.code());
        if (code != null && !code.equals(before.code())) {
            problems.add(new FieldProblem("code", "fixed", "登记簿代码不能修改", "the code of a register cannot change"));
        }
        var after = checked(draft, problems);
        refuseChangesOfHeldFields(before, after.fields(), problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        var now = clock.instant();
        String actor = users.require().realName();
        if (version != before.version()
                || !registers.updateType(id, after.name(), after.fields(), version, actor, now)) {
            throw stale();
        }
        var changes = new Diff().field("name", before.name(), after.name());
        fieldChanges(before.fields(), after.fields(), changes);
        history.changed(TYPE_ENTITY, id, scope.data().prefix(), changes.changes(), null, now);
        return find(id, RegisterRepository.Lock.NONE);
    }

    /** Retires a register: it takes no new entries and no changes from now on; its entries stay readable. */
    public RegisterType retire(long id, Integer version, String reason) {
        var before = find(id, RegisterRepository.Lock.FOR_CHANGE);
        String why = RegistryHistory.reason(reason);
        int seen = RegistryHistory.version(version);
        requireOpen(before);
        var now = clock.instant();
        if (!registers.retireType(id, seen, why, users.require().realName(), now)) {
            throw stale();
        }
        history.retired(TYPE_ENTITY, id, scope.data().prefix(), why, now);
        return find(id, RegisterRepository.Lock.NONE);
    }

    /**
     * A register's changes as the caller's part of the tree wrote them: a definition is shared, but each change is
     * logged under the scope of whoever made it.
     */
    @Transactional(readOnly = true)
    public PageResult<ChangeRow> history(long id, PageQuery page) {
        find(id, RegisterRepository.Lock.NONE);
        return history.pageOfShared(TYPE_ENTITY, id, page);
    }

    /** Entries of the caller's scope, or of one resident of it (404 for a resident outside it). */
    @Transactional(readOnly = true)
    public PageResult<RegisterEntryView> entries(long type, Long residentId, boolean includeRetired, PageQuery page) {
        var register = find(type, RegisterRepository.Lock.NONE);
        Long resident = residentId == null ? null : scope.visible(residentId).id();
        var filter = new RegisterRepository.EntryFilter(register.id(), null, resident, scope.data(), includeRetired);
        var found = registers.entries(filter, page);
        var names =
                gridNames.lookup(found.stream().map(RegisterEntryView::gridCode).toList());
        var disclosure = Disclosure.of(users.require());
        return PageResult.of(
                found.stream()
                        .map(e -> e.shownAs(disclosure, names.apply(e.gridCode())))
                        .toList(),
                page,
                registers.countEntries(filter));
    }

    public RegisterEntryView add(long type, RegisterEntryDraft draft) {
        var register = find(type, RegisterRepository.Lock.FOR_ENTRY);
        if (draft.residentId() == null) {
            throw ProblemException.invalid("residentId", "required", "须选择人员", "a resident is required");
        }
        var resident = scope.visible(draft.residentId());
        requireOpen(register);
        var values = checks.checked("values", register.fields(), draft.values());
        var user = users.require();
        var now = clock.instant();
        long id = registers.insertEntry(register.id(), resident.id(), values, user.id(), user.realName(), now);
        history.registered(ENTRY_ENTITY, id, resident.gridCode(), now);
        return entry(register.id(), id);
    }

    /** Changes the values of an entry of the caller's scope; the person stays. */
    public RegisterEntryView changeEntry(long type, long entryId, RegisterEntryDraft draft) {
        var register = find(type, RegisterRepository.Lock.FOR_ENTRY);
        // As stored, not as shown: the history's old values and what a form sent back from a masked view means.
        var before =
                RegistryScope.visible(registers.entry(register.id(), entryId, scope.data()), "登记", "register entry");
        requireOpen(register);
        RecordState.requireActive(before.retiredAt(), "登记");
        int version = RegistryHistory.version(draft.version());
        var values = Disclosure.of(users.require())
                .keptIfMasked(checks.checked("values", register.fields(), draft.values()), before.values());
        var now = clock.instant();
        String actor = users.require().realName();
        if (version != before.version() || !registers.updateEntry(entryId, values, version, actor, now)) {
            throw RecordState.stale("登记", "entry");
        }
        var changes = new Diff();
        register.fields().forEach(f -> changes.field(f.name(), before.values().get(f.name()), values.get(f.name())));
        history.changed(ENTRY_ENTITY, entryId, before.gridCode(), changes.changes(), null, now);
        return entry(register.id(), entryId);
    }

    /** Retires an entry of the caller's scope (entered in error, no longer applies): logical, with a reason. */
    public RegisterEntryView retireEntry(long type, long entryId, Integer version, String reason) {
        var register = find(type, RegisterRepository.Lock.FOR_ENTRY);
        var before = entry(register.id(), entryId);
        requireOpen(register);
        String why = RegistryHistory.reason(reason);
        int seen = RegistryHistory.version(version);
        var now = clock.instant();
        if (!registers.retireEntry(entryId, seen, why, users.require().realName(), now)) {
            throw RecordState.stale("登记", "entry");
        }
        history.retired(ENTRY_ENTITY, entryId, before.gridCode(), why, now);
        return entry(register.id(), entryId);
    }

    @Transactional(readOnly = true)
    public PageResult<ChangeRow> entryHistory(long type, long entryId, PageQuery page) {
        entry(find(type, RegisterRepository.Lock.NONE).id(), entryId);
        return history.page(ENTRY_ENTITY, entryId, page).map(Disclosure.of(users.require())::change);
    }

    /** The name and fields of a draft, each problem added to {@code problems}; the same for a new and a changed one. */
    private Definition checked(RegisterTypeDraft draft, List<FieldProblem> problems) {
        String name = ResidentRules.trim(draft.name());
        if (name == null || name.length() > 100) {
            problems.add(new FieldProblem("name", "required", "须填写名称（不超过 100 字）", "a name is required"));
        }
        var fields = draft.fields() == null ? List.<FieldDefinition>of() : draft.fields();
        if (fields.isEmpty() || fields.size() > MAX_FIELDS) {
            problems.add(new FieldProblem(
                    "fields", "count", "须定义 1 到 " + MAX_FIELDS + " 个字段", "define 1 to " + MAX_FIELDS + " fields"));
        }
        var names = new HashSet<String>();
        var clean = new ArrayList<FieldDefinition>();
        for (int i = 0; i < fields.size(); i++) {
            clean.add(checkedField("fields[" + i + "]", fields.get(i), names, problems));
        }
        return new Definition(name, clean);
    }

    private FieldDefinition checkedField(String at, FieldDefinition f, Set<String> names, List<FieldProblem> problems) {
        if (f == null) {
            problems.add(new FieldProblem(at, "required", "字段定义为空", "empty field definition"));
            return null;
        }
        if (f.name() == null || !FIELD.matcher(f.name()).matches()) {
            problems.add(new FieldProblem(
                    at + ".name", "format", "字段名须为小写字母开头的字母或数字", "name is a-z then letters or digits"));
        } else if (!names.add(f.name())) {
            problems.add(new FieldProblem(at + ".name", "duplicate", "字段名重复", "duplicate field name"));
        }
        String label = ResidentRules.trim(f.label());
        if (label == null || label.length() > 100) {
            problems.add(new FieldProblem(at + ".label", "required", "须填写字段标签", "a label is required"));
        }
        if (f.type() == null || !FieldChecks.TYPES.contains(f.type())) {
            problems.add(new FieldProblem(
                    at + ".type", "unknown", "类型须为 TEXT、DATE、CODE 或 NUMBER", "type is TEXT, DATE, CODE or NUMBER"));
        }
        boolean code = "CODE".equals(f.type());
        if (code && (f.codeSet() == null || !checks.hasCodeSet(f.codeSet()))) {
            problems.add(new FieldProblem(at + ".codeSet", "unknown", "没有这个代码集", "no such code set"));
        }
        String labelEn = ResidentRules.trim(f.labelEn());
        return new FieldDefinition(
                f.name(),
                label,
                labelEn == null ? f.name() : labelEn,
                f.type(),
                code ? f.codeSet() : null,
                Boolean.TRUE.equals(f.required()));
    }

    /**
     * Refuses to drop a field, or to change its type or code set, while a live entry holds a value for it: the value
     * would be lost or no longer fit.
     */
    private void refuseChangesOfHeldFields(
            RegisterType before, List<FieldDefinition> after, List<FieldProblem> problems) {
        var at = new HashMap<String, Integer>();
        for (int i = 0; i < after.size(); i++) {
            if (after.get(i) != null && after.get(i).name() != null) {
                at.putIfAbsent(after.get(i).name(), i);
            }
        }
        var touched = before.fields().stream()
                .filter(f -> !at.containsKey(f.name()) || !sameKind(f, after.get(at.get(f.name()))))
                .map(FieldDefinition::name)
                .toList();
        if (touched.isEmpty()) {
            return;
        }
        var held = registers.fieldsHeld(before.id(), touched);
        for (var f : before.fields()) {
            if (!held.contains(f.name())) {
                continue;
            }
            Integer i = at.get(f.name());
            if (i == null) {
                problems.add(new FieldProblem(
                        "fields",
                        "in-use",
                        "字段“" + f.label() + "”已有登记内容，不能删除",
                        "Field " + f.name() + " holds values in entries and cannot be removed"));
            } else {
                problems.add(new FieldProblem(
                        "fields[" + i + "]",
                        "in-use",
                        "字段“" + f.label() + "”已有登记内容，不能更改类型或代码集",
                        "Field " + f.name() + " holds values in entries; its type and code set cannot change"));
            }
        }
    }

    private static boolean sameKind(FieldDefinition a, FieldDefinition b) {
        return Objects.equals(a.type(), b.type()) && Objects.equals(a.codeSet(), b.codeSet());
    }

    /**
     * One history line per field added, changed or removed, under {@code fields.<name>}, and one {@code fieldOrder}
     * line when the fields kept were put in another order.
     */
    private static void fieldChanges(List<FieldDefinition> before, List<FieldDefinition> after, Diff changes) {
        Map<String, String> old = new LinkedHashMap<>();
        before.forEach(f -> old.put(f.name(), described(f)));
        Map<String, String> now = new LinkedHashMap<>();
        after.forEach(f -> now.put(f.name(), described(f)));
        var names = new LinkedHashSet<>(old.keySet());
        names.addAll(now.keySet());
        names.forEach(name -> changes.field("fields." + name, old.get(name), now.get(name)));
        var kept = old.keySet().stream().filter(now::containsKey).toList();
        var keptNow = now.keySet().stream().filter(old::containsKey).toList();
        changes.field("fieldOrder", String.join(", ", kept), String.join(", ", keptNow));
    }

    /** A field as its history line shows it: 服役军种 / Branch · TEXT · 必填 required. */
    private static String described(FieldDefinition f) {
        return f.label() + " / " + f.labelEn() + " · " + f.type() + (f.codeSet() == null ? "" : " " + f.codeSet())
                + (Boolean.TRUE.equals(f.required()) ? " · 必填 required" : "");
    }

    private RegisterType find(long type, RegisterRepository.Lock lock) {
        return registers.type(type, lock).orElseThrow(() -> ProblemException.notFound("登记簿不存在", "No such register"));
    }

    /** An entry of the register whose person lies in the caller's scope, or a 404 that does not tell more. */
    private RegisterEntryView entry(long type, long entry) {
        var found = RegistryScope.visible(registers.entry(type, entry, scope.data()), "登记", "register entry");
        return found.shownAs(Disclosure.of(users.require()), gridNames.of(found.gridCode()));
    }

    private static void requireOpen(RegisterType register) {
        if (register.retiredAt() != null) {
            throw ProblemException.conflict(
                    "登记簿“" + register.name() + "”已停用，不能新增或修改登记", "The register is retired: no new entries nor changes");
        }
    }

    private static ProblemException stale() {
        return ProblemException.conflict(
                "登记簿已停用或已被他人修改，请刷新后重试", "The register is retired or changed meanwhile; reload");
    }
}
