package org.gridgov.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import org.gridgov.common.RequestIds;
import org.gridgov.identity.CurrentUsers;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the people of the caller's scope in special groups and service recipient groups: registers them with their
 * group's fields, changes and ends a registration, records follow-ups (走访/帮扶) that move the due date on, and lists
 * who is overdue and the three ledgers (三本台账). A category is fixed by the endpoint, so that a record of one is
 * never reached through the other's permission.
 */
@Service
@Transactional
public class GroupDesk {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Set<String> FOLLOW_UP_KINDS = Set.of("VISIT", "HELP", "PHONE");
    static final int MAX_CONTENT = 2000;

    /** The three ledgers (三本台账) by the name in the path, each the groups whose type lists it. */
    public enum Ledger {
        LIVELIHOOD,
        HARDSHIP,
        STABILITY;

        static Ledger of(String name) {
            for (var l : values()) {
                if (l.name().equalsIgnoreCase(name)) {
                    return l;
                }
            }
            throw ProblemException.notFound("没有这本台账", "No such ledger");
        }
    }

    /** The filters of a group list, all optional: group, attention level, only overdue, grid prefix, name prefix. */
    public record MemberQuery(String group, String attentionLevel, Boolean overdue, String gridCode, String name) {}

    private final GroupScope scope;
    private final ResidentScope residents;
    private final MemberRepository members;
    private final GroupCatalog catalog;
    private final FieldChecks checks;
    private final PersonalData personalData;
    private final SealedFields sealedFields;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final GridNames gridNames;
    private final PersonalReads reads;
    private final VisitRepository visits;
    private final Clock clock;

    GroupDesk(
            GroupScope scope,
            ResidentScope residents,
            MemberRepository members,
            GroupCatalog catalog,
            FieldChecks checks,
            PersonalData personalData,
            SealedFields sealedFields,
            CurrentUsers users,
            AuditLog audit,
            GridNames gridNames,
            PersonalReads reads,
            VisitRepository visits,
            Clock clock) {
        this.scope = scope;
        this.residents = residents;
        this.members = members;
        this.catalog = catalog;
        this.checks = checks;
        this.personalData = personalData;
        this.sealedFields = sealedFields;
        this.users = users;
        this.audit = audit;
        this.gridNames = gridNames;
        this.reads = reads;
        this.visits = visits;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<GroupType> types(GroupCategory category) {
        return catalog.list(category);
    }

    @Transactional(readOnly = true)
    public PageResult<MemberView> search(GroupCategory category, MemberQuery q, PageQuery page) {
        var filter = new MemberRepository.Filter(
                scope.data(),
                category.name(),
                null,
                ResidentRules.trim(q.group()),
                ResidentRules.trim(q.attentionLevel()),
                Boolean.TRUE.equals(q.overdue()) ? today() : null,
                ResidentRules.trim(q.gridCode()),
                ResidentRules.trim(q.name()),
                null,
                false);
        return page(filter, page);
    }

    /**
     * The people of the caller's scope (a grid worker's own grids) whose next follow-up was due before today, in
     * either category, soonest due first.
     */
    @Transactional(readOnly = true)
    public PageResult<MemberView> overdue(PageQuery page) {
        var filter =
                new MemberRepository.Filter(scope.data(), null, null, null, null, today(), null, null, null, false);
        return page(filter, page);
    }

    /**
     * One ledger of the caller's scope: the people of the groups that list it, each with their latest follow-up.
     * Audited as a read of personal data, with the page and how many people the ledger holds.
     */
    @Transactional(readOnly = true)
    public PageResult<MemberView> ledger(String name, PageQuery page) {
        var ledger = Ledger.of(name);
        var filter = new MemberRepository.Filter(
                scope.data(), null, ledger.name(), null, null, null, null, null, null, false);
        var found = page(filter, page);
        reads.found(
                "ledger",
                "ledger=" + ledger.name().toLowerCase(java.util.Locale.ROOT) + " page=" + page.page() + " shown="
                        + found.content().size(),
                found.totalElements());
        return found;
    }

    private PageResult<MemberView> page(MemberRepository.Filter filter, PageQuery page) {
        var today = today();
        var found = members.search(filter, page);
        var names = gridNames.lookup(found.stream().map(MemberRow::gridCode).toList());
        var disclosure = Disclosure.of(users.require());
        var rows = found.stream()
                .map(r -> view(r, today, false, disclosure, names))
                .toList();
        return PageResult.of(rows, page, members.count(filter));
    }

    @Transactional(readOnly = true)
    public MemberView get(GroupCategory category, long id) {
        var row = visible(category, id);
        return view(row, today(), true, Disclosure.of(users.require()), gridNames.lookup(List.of(row.gridCode())));
    }

    /**
     * One registration as a person opens it; opening a special-group record is audited (VIEW_SENSITIVE) with who and
     * which record, since its fields are sensitive personal information.
     */
    public MemberView open(GroupCategory category, long id) {
        var view = get(category, id);
        if (category == GroupCategory.SPECIAL) {
            var user = users.require();
            audit.record(AuditEntry.builder(AuditAction.VIEW_SENSITIVE, AuditResult.SUCCESS)
                    .userId(user.id())
                    .username(user.username())
                    .roles(user.rolesText())
                    .organization(user.organizationCode())
                    .object("special-group-member", String.valueOf(id))
                    .detail(view.groupCode() + " resident " + view.residentId())
                    .build());
        } else {
            reads.opened("service-recipient", id);
        }
        return view;
    }

    /**
     * The groups a resident of the caller's scope is in now, without their fields; special groups only for callers
     * who may read them.
     */
    @Transactional(readOnly = true)
    public List<MemberView> ofResident(long residentId) {
        var resident = residents.visible(residentId);
        var category = users.require().can(Permissions.SPECIAL_READ) ? null : GroupCategory.SERVICE.name();
        var filter =
                new MemberRepository.Filter(scope.data(), category, null, null, null, null, null, null, null, false);
        var today = today();
        var found = members.ofResident(filter, resident.id());
        var names = gridNames.lookup(found.stream().map(MemberRow::gridCode).toList());
        var disclosure = Disclosure.of(users.require());
        return found.stream().map(r -> view(r, today, false, disclosure, names)).toList();
    }

    public MemberView register(GroupCategory category, MemberDraft draft) {
        var problems = new ArrayList<FieldProblem>();
        if (draft.residentId() == null) {
            problems.add(new FieldProblem("residentId", "required", "须选择人员", "a resident is required"));
        }
        var type = catalog.find(draft.groupCode()).filter(t -> t.category() == category);
        if (type.isEmpty()) {
            problems.add(new FieldProblem("groupCode", "unknown", "没有这个类别", "no such group"));
        }
        var checked = checked(type.orElse(null), draft, problems);
        var resident = residents.visible(draft.residentId());
        if (resident.retiredAt() != null) {
            throw ProblemException.conflict("人员已注销", "The resident is retired");
        }
        var stored = sealedFields.split(type.get().code(), checked.details());
        long id;
        try {
            id = members.insert(
                    resident.id(),
                    type.get().code(),
                    stored.plain(),
                    stored.sealed(),
                    checked.level(),
                    checked.frequency(),
                    today(),
                    clock.instant());
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("该人员已在此类别中登记", "The resident is registered in this group already");
        }
        return get(category, id);
    }

    public MemberView change(GroupCategory category, long id, MemberDraft draft) {
        var before = visible(category, id);
        if (before.endedAt() != null) {
            throw ProblemException.conflict("登记已结束，不能修改", "The registration has ended");
        }
        var problems = new ArrayList<FieldProblem>();
        if (draft.version() == null) {
            problems.add(new FieldProblem("version", "required", "须提供版本号", "version is required"));
        }
        var checked = checked(catalog.find(before.groupCode()).orElseThrow(), draft, problems);
        var details = Disclosure.of(users.require()).keptIfMasked(checked.details(), sealedFields.open(before));
        var stored = sealedFields.split(before.groupCode(), details);
        if (draft.version() != before.version()
                || !members.update(
                        id,
                        stored.plain(),
                        stored.sealed(),
                        checked.level(),
                        checked.frequency(),
                        draft.version(),
                        clock.instant())) {
            throw ProblemException.conflict("登记信息已被他人修改，请刷新后重试", "The registration changed meanwhile; reload");
        }
        return get(category, id);
    }

    /** Ends a registration (correction finished, moved on, entered in error), with a reason; the record stays. */
    public MemberView end(GroupCategory category, long id, Integer version, String reason) {
        visible(category, id);
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw ProblemException.invalid("reason", "required", "须说明结束原因（不超过 200 字）", "a reason is required");
        }
        if (!members.end(id, RegistryHistory.version(version), reason.strip(), clock.instant())) {
            throw ProblemException.conflict("登记已结束或已被他人修改", "The registration ended or changed meanwhile");
        }
        return get(category, id);
    }

    @Transactional(readOnly = true)
    public PageResult<FollowUpView> followUps(GroupCategory category, long id, PageQuery page) {
        visible(category, id);
        var disclosure = Disclosure.of(users.require());
        return PageResult.of(
                members.followUps(id, scope.data(), page).stream()
                        .map(f -> new FollowUpView(
                                f.id(),
                                f.doneOn(),
                                f.kind(),
                                disclosure.text(f.content()),
                                f.actorName(),
                                f.createdAt()))
                        .toList(),
                page,
                members.countFollowUps(id));
    }

    /** Records a follow-up and answers the registration with its new due date. */
    public MemberView addFollowUp(GroupCategory category, long id, FollowUpDraft draft) {
        visible(category, id);
        var user = users.require();
        String requestId = RequestIds.checked(draft.requestId());
        if (requestId != null) {
            var actor = members.followUpActor(id, requestId);
            if (actor.isPresent()) {
                // A resend after a lost answer: the follow-up is there already; only its sender may be told so.
                if (actor.get() != user.id()) {
                    throw ProblemException.conflict(
                            "请求号已被使用", "requestId " + requestId + " was used by another follow-up");
                }
                return get(category, id);
            }
        }
        var problems = new ArrayList<FieldProblem>();
        LocalDate doneOn = null;
        String day = ResidentRules.trim(draft.doneOn());
        if (day == null) {
            problems.add(new FieldProblem("doneOn", "required", "须填写走访日期", "the day is required"));
        } else {
            try {
                doneOn = LocalDate.parse(day);
                if (doneOn.isAfter(today())) {
                    problems.add(new FieldProblem("doneOn", "future", "走访日期不能晚于今天", "the day lies in the future"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("doneOn", "date-format", "日期格式须为 yyyy-MM-dd", "a date yyyy-MM-dd"));
            }
        }
        if (draft.kind() == null || !FOLLOW_UP_KINDS.contains(draft.kind())) {
            problems.add(new FieldProblem("kind", "unknown", "方式须为走访、帮扶或电话", "kind is VISIT, HELP or PHONE"));
        }
        String content = ResidentRules.trim(draft.content());
        if (content == null || content.length() > MAX_CONTENT) {
            problems.add(
                    new FieldProblem("content", "required", "须填写情况（不超过 " + MAX_CONTENT + " 字）", "content is required"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        var followUp = members.addFollowUp(
                id, doneOn, draft.kind(), content, user.id(), user.realName(), clock.instant(), requestId);
        if (followUp.isEmpty()) {
            throw ProblemException.conflict("登记已结束", "The registration has ended");
        }
        // A follow-up is one kind of visit: the visits of the person and of the worker show it too.
        visits.keepFollowUps(followUp.get(), clock.instant());
        return get(category, id);
    }

    private record Checked(java.util.Map<String, String> details, String level, int frequency) {}

    private Checked checked(GroupType type, MemberDraft draft, List<FieldProblem> problems) {
        String level = ResidentRules.trim(draft.attentionLevel());
        if (level == null) {
            problems.add(new FieldProblem("attentionLevel", "required", "须选择关注程度", "attention level is required"));
        } else if (!checks.hasCode("ATTENTION_LEVEL", level)) {
            problems.add(new FieldProblem("attentionLevel", "unknown-value", "没有这个关注程度", "no such attention level"));
        }
        Integer frequency = draft.frequencyDays();
        if (frequency == null && type != null) {
            frequency = type.defaultFrequencyDays();
        }
        if (frequency != null && (frequency < 1 || frequency > 366)) {
            problems.add(new FieldProblem(
                    "frequencyDays", "range", "走访周期须在 1 到 366 天之间", "frequency must be 1 to 366 days"));
        }
        var details = type == null ? null : checks.check("details", type.fields(), draft.details(), problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new Checked(details, level, frequency);
    }

    private MemberRow visible(GroupCategory category, long id) {
        return members.find(id, scope.data())
                .filter(r -> catalog.find(r.groupCode())
                        .map(t -> t.category() == category)
                        .orElse(false))
                .orElseThrow(() -> ProblemException.notFound("登记不存在", "No such registration"));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CHINA);
    }

    private MemberView view(
            MemberRow r,
            LocalDate today,
            boolean withDetails,
            Disclosure disclosure,
            java.util.function.Function<String, String> gridName) {
        var type = catalog.find(r.groupCode()).orElseThrow();
        return new MemberView(
                r.id(),
                r.residentId(),
                r.name(),
                disclosure.idNumber(personalData.masked(PersonalDataKind.ID_NUMBER, r.idNumber())),
                r.gridCode(),
                gridName.apply(r.gridCode()),
                r.groupCode(),
                type.name(),
                type.nameEn(),
                type.category(),
                withDetails ? disclosure.values(sealedFields.open(r)) : java.util.Map.of(),
                r.attentionLevel(),
                checks.codeName("ATTENTION_LEVEL", r.attentionLevel()),
                r.frequencyDays(),
                r.registeredOn(),
                r.lastFollowUpOn(),
                r.nextDueOn(),
                r.endedAt() == null && r.nextDueOn().isBefore(today),
                r.followUps(),
                r.lastFollowUpKind(),
                disclosure.text(r.lastFollowUpContent()),
                r.version(),
                r.endedAt(),
                r.endedReason());
    }
}
