package org.gridgov.team.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.gridgov.audit.AuditAction;
import org.gridgov.audit.AuditEntry;
import org.gridgov.audit.AuditLog;
import org.gridgov.audit.AuditResult;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.PersonalData;
import org.gridgov.common.PersonalDataKind;
import org.gridgov.common.ProblemException;
import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.team.Ending;
import org.gridgov.team.MemberCommand;
import org.gridgov.team.Position;
import org.gridgov.team.TeamMember;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the rosters (花名册) of the grids in the caller's scope: adds a member, changes one as a new version from a day
 * on, ends one's service, and reads a roster as it stood on any day, a member's versions, and a phone in full for a
 * stated purpose under audit. Nothing stored is overwritten but the end day of the version a change or a leaving ends.
 */
@Service
@Transactional
class RosterDesk {

    static final String MEMBER = "team-member";

    private final TeamScope scope;
    private final RosterRepository members;
    private final PositionRepository positions;
    private final PersonalData personalData;
    private final AreaNames grids;
    private final TeamAccounts accounts;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final TeamDays days;
    private final Clock clock;

    RosterDesk(
            TeamScope scope,
            RosterRepository members,
            PositionRepository positions,
            PersonalData personalData,
            AreaNames grids,
            TeamAccounts accounts,
            CurrentUsers users,
            AuditLog audit,
            TeamDays days,
            Clock clock) {
        this.scope = scope;
        this.members = members;
        this.positions = positions;
        this.personalData = personalData;
        this.grids = grids;
        this.accounts = accounts;
        this.users = users;
        this.audit = audit;
        this.days = days;
        this.clock = clock;
    }

    /** Every position, in the order a roster lists them. */
    @Transactional(readOnly = true)
    PageResult<Position> positions() {
        var all = positions.all();
        return PageResult.of(all, new PageQuery(0, Math.max(1, all.size())), all.size());
    }

    /** The members of a grid's team on a day (default today), by position, phones masked. */
    @Transactional(readOnly = true)
    PageResult<TeamMember> roster(String gridCode, LocalDate on, PageQuery page) {
        String grid = scope.grid(gridCode);
        LocalDate day = FormFields.day("on", on, days.today());
        String name = grids.on(grid, day);
        var rows = members.roster(grid, day, scope.data(), page);
        long total = rows.size() < page.size() && (!rows.isEmpty() || page.offset() == 0)
                ? page.offset() + rows.size()
                : members.countRoster(grid, day, scope.data());
        var byCode = positionsByCode();
        return PageResult.of(
                rows.stream().map(r -> view(r, code -> name, byCode)).toList(), page, total);
    }

    /** Adds a member to a current grid's team: their first version, from {@code validFrom} (default today). */
    TeamMember add(String gridCode, MemberCommand command) {
        var user = users.require();
        String grid = scope.grid(gridCode);
        if (!grids.current(grid)) {
            throw TeamScope.noSuchGrid();
        }
        var checked = MemberRules.check(command, command.phone(), positionsByCode(), true, days.today());
        var account = checked.userId() == null ? null : accounts.linkable(checked.userId());
        String name = checked.name() != null ? checked.name() : account.realName();
        members.lock(grid);
        requireFree(grid, checked, 0);
        var phone = seal(checked.phone());
        long id = members.insert(RosterRow.first(
                grid,
                checked.position().code(),
                checked.employment(),
                name,
                phone == null ? null : phone.ciphertext(),
                phone == null ? null : phone.lookupHash(),
                checked.duties(),
                checked.userId(),
                checked.from(),
                checked.to(),
                checked.note(),
                clock.instant(),
                user.id(),
                user.realName()));
        return view(visible(id));
    }

    /**
     * Changes a member from {@code effectiveFrom} (default today) on: the latest version ends that day and a new one
     * begins. A form sent back unchanged changes nothing. A change on the day the latest version began corrects it:
     * that version then ends where it began and stays in the history only.
     */
    TeamMember change(long memberId, MemberCommand command) {
        var user = users.require();
        var head = visible(memberId);
        String phoneMeant = personalData.keptIfMasked(PersonalDataKind.PHONE, command.phone(), head.phone());
        var checked = MemberRules.check(command, phoneMeant, positionsByCode(), false, days.today());
        if (command.version() != head.version()) {
            throw changedMeanwhile();
        }
        if (head.validTo() != null && !checked.from().isBefore(head.validTo())) {
            throw ProblemException.conflict(
                    "该成员已于 " + head.validTo() + " 离任，不能再变更", "The member left on " + head.validTo());
        }
        if (checked.from().isBefore(head.validFrom())) {
            throw ProblemException.unprocessable(
                    "变更生效日期不能早于当前版本的开始日期 " + head.validFrom(),
                    "The change cannot take effect before the current version began, " + head.validFrom(),
                    List.of(new FieldProblem(
                            "effectiveFrom",
                            "before-version",
                            "变更生效日期须不早于 " + head.validFrom(),
                            "effectiveFrom must be on or after " + head.validFrom())));
        }
        if (!grids.current(head.gridCode())) {
            throw ProblemException.conflict("该网格已撤销，队伍不能再变更", "The grid was retired; its team is kept as it was");
        }
        var account = checked.userId() == null ? null : accounts.linkable(checked.userId());
        String name = checked.name() != null ? checked.name() : account.realName();
        var phone = seal(checked.phone());
        byte[] phoneHash = phone == null ? null : phone.lookupHash();
        if (unchanged(head, checked, name, phoneHash)) {
            return view(head);
        }
        lockHead(head);
        requireFree(head.gridCode(), checked, memberId);
        var now = clock.instant();
        members.end(head.countyCode(), head.id(), checked.from(), now, user.id(), user.realName(), checked.note());
        members.insert(RosterRow.first(
                        head.gridCode(),
                        checked.position().code(),
                        checked.employment(),
                        name,
                        phone == null ? null : phone.ciphertext(),
                        phoneHash,
                        checked.duties(),
                        checked.userId(),
                        checked.from(),
                        checked.to(),
                        checked.note(),
                        now,
                        user.id(),
                        user.realName())
                .numbered(head.memberId(), head.version() + 1));
        return view(visible(memberId));
    }

    /** Ends a member's service on a day (default today), with the reason: their latest version ends then. */
    TeamMember leave(long memberId, Ending ending) {
        var user = users.require();
        var head = visible(memberId);
        if (ending.version() == null) {
            throw ProblemException.invalid("version", "required", "版本号必填（请刷新后重试）", "version is required");
        }
        if (ending.version() != head.version()) {
            throw changedMeanwhile();
        }
        var checked = Endings.check(
                ending, head.validFrom(), head.validTo(), days.today(), new String[] {"该成员", "The member"});
        lockHead(head);
        members.end(
                head.countyCode(),
                head.id(),
                checked.on(),
                clock.instant(),
                user.id(),
                user.realName(),
                checked.reason());
        return view(visible(memberId));
    }

    /** A member's latest version. */
    @Transactional(readOnly = true)
    TeamMember get(long memberId) {
        return view(visible(memberId));
    }

    /** Every version of a member, the latest first. */
    @Transactional(readOnly = true)
    PageResult<TeamMember> history(long memberId, PageQuery page) {
        visible(memberId);
        var rows = members.history(memberId, scope.county(), scope.data(), page);
        long total = members.countHistory(memberId, scope.county(), scope.data());
        return PageResult.of(views(rows), page, total);
    }

    /**
     * The query of a search of members on a day (default today) under a region of the caller's scope; every part
     * optional: {@code name} as a fragment, {@code phone} exact (through its lookup hash), {@code positionCode}.
     */
    record SearchQuery(String region, String name, String phone, String positionCode, LocalDate on) {}

    /** One page of a search; a search by phone looks for a person by who they are, and is audited with it masked. */
    @Transactional(readOnly = true)
    PageResult<TeamMember> search(SearchQuery q, PageQuery page) {
        String region = scope.region(q.region());
        var fields = new FormFields();
        String name = fields.text("name", q.name(), MemberRules.NAME, false, "姓名", "name");
        String phone = fields.text("phone", q.phone(), 30, false, "联系电话", "phone");
        String position = fields.text("positionCode", q.positionCode(), 32, false, "岗位", "positionCode");
        if (position != null && !positionsByCode().containsKey(position)) {
            fields.add(
                    "positionCode", "unknown-value", "没有这个岗位：" + position, "positionCode has no position " + position);
        }
        byte[] phoneHash = null;
        if (phone != null) {
            try {
                phoneHash = personalData.lookupHash(PersonalDataKind.PHONE, phone);
            } catch (IllegalArgumentException notAPhone) {
                fields.add("phone", "format", "联系电话格式有误", "phone is not a phone number");
            }
        }
        LocalDate day = fields.date("on", q.on(), days.today(), "日期", "on");
        fields.refuseIfAny();
        var filter = new RosterRepository.Filter(scope.data(), scope.county(), region, name, phoneHash, position, day);
        var rows = members.search(filter, page);
        long total = members.count(filter);
        if (phone != null) {
            var user = users.require();
            audit.record(entry(AuditAction.VIEW_PERSONAL, user)
                    .object(MEMBER, null)
                    .detail("phone=" + personalData.mask(PersonalDataKind.PHONE, phone) + " rows=" + total)
                    .build());
        }
        return PageResult.of(views(rows), page, total);
    }

    /** What an unmasked view answers: the member's phone in full. */
    record Unmasked(String phone) {}

    /** A member's phone in full, for a stated purpose; audited, and only for roles allowed to unmask. */
    Unmasked unmask(long memberId, String purpose) {
        var user = users.require();
        if (purpose == null || purpose.isBlank() || purpose.strip().length() > 200) {
            throw ProblemException.invalid(
                    "purpose", "required", "查看明文须说明用途（不超过 200 字）", "a purpose of at most 200 characters is required");
        }
        var head = visible(memberId);
        audit.record(entry(AuditAction.UNMASK, user)
                .object(MEMBER, String.valueOf(memberId))
                .purpose(purpose.strip())
                .build());
        return new Unmasked(head.phone() == null ? null : personalData.open(PersonalDataKind.PHONE, head.phone()));
    }

    private static AuditEntry.Builder entry(AuditAction action, CurrentUser user) {
        return AuditEntry.builder(action, AuditResult.SUCCESS)
                .userId(user.id())
                .username(user.username())
                .roles(user.rolesText())
                .organization(user.organizationCode());
    }

    /** A member's latest version, if their grid lies in the caller's scope; else 404. */
    private RosterRow visible(long memberId) {
        return members.head(memberId, scope.county(), scope.data())
                .orElseThrow(() -> ProblemException.notFound("队伍成员不存在", "No such team member within your scope"));
    }

    /**
     * Refuses (409, naming the field) a one-per-grid position held by someone else at any time of the period, or an
     * account serving the grid twice at once.
     */
    private void requireFree(String grid, MemberRules.Checked checked, long except) {
        var position = checked.position();
        if (position.onePerGrid()) {
            members.holder(grid, position.code(), checked.from(), checked.to(), except)
                    .ifPresent(holder -> {
                        throw new ProblemException(
                                HttpStatus.CONFLICT,
                                "conflict",
                                "该网格此期间已有" + position.name() + "：" + holder,
                                "The grid has a " + position.nameEn() + " in this period already: " + holder,
                                List.of(new FieldProblem(
                                        "positionCode",
                                        "held",
                                        position.name() + "每个网格同时只能有一人",
                                        "one " + position.nameEn() + " per grid at a time")));
                    });
        }
        if (checked.userId() != null
                && members.servedByAccount(grid, checked.userId(), checked.from(), checked.to(), except)) {
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "conflict",
                    "该账号此期间已在本网格队伍中",
                    "The account serves this grid's team in this period already",
                    List.of(new FieldProblem("userId", "serving", "账号已在本网格队伍中", "account serves this grid already")));
        }
    }

    private static boolean unchanged(RosterRow head, MemberRules.Checked c, String name, byte[] phoneHash) {
        return head.positionCode().equals(c.position().code())
                && head.employment() == c.employment()
                && head.name().equals(name)
                && Arrays.equals(head.phoneHash(), phoneHash)
                && Objects.equals(head.duties(), c.duties())
                && Objects.equals(head.userId(), c.userId())
                && Objects.equals(head.validTo(), c.to());
    }

    /**
     * Locks a member's grid and latest version until the transaction ends, refusing (409) when the version read before
     * is no longer the latest as it was.
     */
    private void lockHead(RosterRow head) {
        members.lock(head.gridCode());
        var locked = members.lockedHead(head.countyCode(), head.memberId()).orElseThrow();
        if (locked.version() != head.version() || !Objects.equals(locked.validTo(), head.validTo())) {
            throw changedMeanwhile();
        }
    }

    private static ProblemException changedMeanwhile() {
        return ProblemException.conflict("队伍成员已被他人修改，请刷新后重试", "The member changed meanwhile; reload");
    }

    private org.gridgov.common.SealedValue seal(String phone) {
        return phone == null ? null : personalData.seal(PersonalDataKind.PHONE, phone);
    }

    private Map<String, Position> positionsByCode() {
        var map = new LinkedHashMap<String, Position>();
        positions.all().forEach(p -> map.put(p.code(), p));
        return map;
    }

    private List<TeamMember> views(List<RosterRow> rows) {
        var names =
                grids.current(rows.stream().map(RosterRow::gridCode).distinct().toList());
        var byCode = positionsByCode();
        return rows.stream().map(r -> view(r, names::get, byCode)).toList();
    }

    private TeamMember view(RosterRow r) {
        return views(List.of(r)).getFirst();
    }

    /** A version as the console shows it: the phone masked, the position by its names. */
    private TeamMember view(RosterRow r, Function<String, String> gridName, Map<String, Position> positions) {
        var position = positions.get(r.positionCode());
        return new TeamMember(
                r.memberId(),
                r.version(),
                r.gridCode(),
                gridName.apply(r.gridCode()),
                r.positionCode(),
                position == null ? r.positionCode() : position.name(),
                position == null ? r.positionCode() : position.nameEn(),
                r.employment(),
                r.name(),
                personalData.masked(PersonalDataKind.PHONE, r.phone()),
                r.duties(),
                r.userId(),
                r.validFrom(),
                r.validTo(),
                r.note(),
                r.recordedAt(),
                r.recordedByName(),
                r.endedAt(),
                r.endedByName(),
                r.endReason());
    }
}
