package org.gridgov.registry.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * with its fields, and whoever keeps the resident register adds entries for the people of their scope, each checked
 * against the definition.
 */
@Service
@Transactional
public class RegisterDesk {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final Pattern FIELD = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");
    private static final int MAX_FIELDS = 50;

    private final ResidentScope scope;
    private final RegisterRepository registers;
    private final FieldChecks checks;
    private final CurrentUsers users;
    private final Clock clock;

    RegisterDesk(
            ResidentScope scope, RegisterRepository registers, FieldChecks checks, CurrentUsers users, Clock clock) {
        this.scope = scope;
        this.registers = registers;
        this.checks = checks;
        this.users = users;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResult<RegisterType> types(PageQuery page) {
        return PageResult.of(registers.types(page), page, registers.countTypes());
    }

    public RegisterType define(RegisterTypeDraft draft) {
        var problems = new ArrayList<FieldProblem>();
        String code = ResidentRules.trim(draft.code());
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(new FieldProblem(
                    "code", "format", "代码须为大写字母开头的字母、数字或下划线（2–40 位）", "code is A-Z, 0-9, _ (2 to 40)"));
        }
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
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        try {
            long id = registers.insertType(code, name, clean, users.require().realName(), clock.instant());
            return registers.type(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("该代码的登记簿已存在", "A register with this code exists already");
        }
    }

    private FieldDefinition checkedField(
            String at, FieldDefinition f, java.util.Set<String> names, List<FieldProblem> problems) {
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

    /** Entries of the caller's scope, or of one resident of it (404 for a resident outside it). */
    @Transactional(readOnly = true)
    public PageResult<RegisterEntryView> entries(long type, Long residentId, PageQuery page) {
        var register = find(type);
        Long resident = residentId == null ? null : scope.visible(residentId).id();
        String prefix = scope.prefix();
        return PageResult.of(
                registers.entries(register.id(), null, resident, prefix, page),
                page,
                registers.countEntries(type, resident, prefix));
    }

    public RegisterEntryView add(long type, RegisterEntryDraft draft) {
        var register = find(type);
        if (draft.residentId() == null) {
            throw ProblemException.invalid("residentId", "required", "须选择人员", "a resident is required");
        }
        var values = checks.checked("values", register.fields(), draft.values());
        var resident = scope.visible(draft.residentId());
        var user = users.require();
        long id = registers.insertEntry(
                register.id(), resident.id(), values, user.id(), user.realName(), clock.instant());
        return registers
                .entries(register.id(), id, null, scope.prefix(), PageQuery.of(0, 1))
                .getFirst();
    }

    private RegisterType find(long type) {
        return registers.type(type).orElseThrow(() -> ProblemException.notFound("登记簿不存在", "No such register"));
    }
}
