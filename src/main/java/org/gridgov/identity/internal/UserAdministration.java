package org.gridgov.identity.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gridgov.common.CurrentScope;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.PersonalData;
import org.gridgov.common.PersonalDataKind;
import org.gridgov.common.ProblemException;
import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.Role;
import org.gridgov.identity.ScopeKind;
import org.gridgov.region.RegionApi;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps accounts: the system administrator creates and edits them, the security administrator grants roles, and
 * nobody grants roles to themselves. Every account and every change stays inside the actor's own scope.
 */
@Service
@Transactional
public class UserAdministration {

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final PasswordPolicy passwords;
    private final PersonalData personalData;
    private final TokenService tokens;
    private final Auditing audit;
    private final Clock clock;
    private final CurrentScope scope;
    private final RegionApi regions;
    private final AccountSessions sessions;
    private final IdentitySettings settings;

    UserAdministration(
            UserRepository users,
            OrganizationRepository organizations,
            PasswordPolicy passwords,
            PersonalData personalData,
            TokenService tokens,
            Auditing audit,
            Clock clock,
            CurrentScope scope,
            RegionApi regions,
            AccountSessions sessions,
            IdentitySettings settings) {
        this.users = users;
        this.organizations = organizations;
        this.passwords = passwords;
        this.personalData = personalData;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.scope = scope;
        this.regions = regions;
        this.sessions = sessions;
        this.settings = settings;
    }

    /** An account as an administrator sees it; the phone masked unless the viewer may see it. */
    public record UserView(
            long id,
            String username,
            String realName,
            String phone,
            String organizationCode,
            String organizationName,
            ScopeKind scopeKind,
            String scopeCode,
            List<String> gridCodes,
            Set<Role> roles,
            String status,
            boolean locked) {}

    public record UserDraft(
            String username,
            String realName,
            String phone,
            String organizationCode,
            ScopeKind scopeKind,
            String scopeCode,
            List<String> gridCodes,
            String initialPassword) {}

    public PageResult<UserView> list(CurrentUser actor, String fragment, PageQuery page) {
        String prefix = scope.regionPrefix();
        String f = fragment == null || fragment.isBlank() ? null : fragment.trim();
        return PageResult.of(
                users.list(prefix, f, page).stream().map(this::view).toList(), page, users.count(prefix, f));
    }

    public UserView get(CurrentUser actor, long id) {
        return view(visible(actor, id));
    }

    public UserView create(CurrentUser actor, UserDraft draft) {
        var errors = new ArrayList<FieldProblem>();
        if (draft.username() == null || !draft.username().matches("[A-Za-z0-9._-]{3,64}")) {
            errors.add(new FieldProblem(
                    "username", "format", "用户名须为 3 到 64 位字母、数字或 ._-", "username: 3-64 of letters, digits, . _ -"));
        } else if (users.exists(draft.username())) {
            errors.add(new FieldProblem("username", "taken", "用户名已存在", "username is taken"));
        }
        if (draft.realName() == null
                || draft.realName().isBlank()
                || draft.realName().length() > 50) {
            errors.add(new FieldProblem("realName", "required", "须填写真实姓名", "realName is required"));
        }
        var kind = draft.scopeKind() == null ? ScopeKind.REGION : draft.scopeKind();
        String scopeCode = draft.scopeCode() == null ? scope.regionPrefix() : draft.scopeCode();
        if (!scopeCode.startsWith(scope.regionPrefix())) {
            errors.add(new FieldProblem(
                    "scopeCode", "outside-scope", "数据范围超出您自己的管辖范围", "scopeCode lies outside your own scope"));
        }
        var org = draft.organizationCode() == null
                ? null
                : organizations.findByCode(draft.organizationCode()).orElse(null);
        if (draft.organizationCode() != null
                && (org == null || !org.regionCode().startsWith(scope.regionPrefix()))) {
            errors.add(new FieldProblem("organizationCode", "unknown", "组织不存在", "unknown organization"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        passwords.check("initialPassword", draft.initialPassword(), draft.username());
        var phone = draft.phone() == null || draft.phone().isBlank()
                ? null
                : personalData.seal(PersonalDataKind.PHONE, draft.phone());
        long id = users.insert(
                new NewUser(
                        draft.username(),
                        draft.realName().trim(),
                        phone == null ? null : phone.ciphertext(),
                        phone == null ? null : phone.lookupHash(),
                        org == null ? null : org.id(),
                        kind,
                        scopeCode,
                        passwords.hash(draft.initialPassword()),
                        passwords.mustChange(),
                        Set.of(),
                        draft.gridCodes() == null ? List.of() : draft.gridCodes()),
                clock.instant());
        return view(users.findById(id).orElseThrow());
    }

    /**
     * Grants exactly these roles, never to oneself, and only roles one account may hold together: one administrator
     * role alone, or business roles (三权分立, {@link RoleCombinations}).
     */
    public UserView assignRoles(CurrentUser actor, long id, Set<Role> roles) {
        if (roles == null) {
            throw ProblemException.invalid("roles", "required", "须给出角色列表（可为空）", "roles is required (may be empty)");
        }
        var user = visible(actor, id);
        if (user.id() == actor.id()) {
            throw ProblemException.unprocessable(
                    "不能给自己授予或收回角色",
                    "You cannot change your own roles",
                    List.of(new FieldProblem("roles", "self", "不能修改自己的角色", "cannot change own roles")));
        }
        var granted = EnumSet.noneOf(Role.class);
        granted.addAll(roles);
        RoleCombinations.check(granted);
        users.replaceRoles(id, granted);
        tokens.revokeAll(id);
        audit.permissionChange(actor, id, "roles " + user.roles() + " -> " + granted);
        return view(users.findById(id).orElseThrow());
    }

    /**
     * Sets where an account's data scope reaches and which grids a grid worker covers (兼管多格); the scope must lie
     * inside the administrator's own, and every grid inside the new scope.
     */
    public UserView setScope(CurrentUser actor, long id, ScopeKind kind, String scopeCode, List<String> gridCodes) {
        var user = visible(actor, id);
        var errors = new ArrayList<FieldProblem>();
        if (kind == null) {
            errors.add(new FieldProblem("scopeKind", "required", "须给出数据范围类型", "scopeKind is required"));
        }
        if (scopeCode == null || !scopeCode.startsWith(scope.regionPrefix())) {
            errors.add(new FieldProblem(
                    "scopeCode", "outside-scope", "数据范围超出您自己的管辖范围", "scopeCode lies outside your own scope"));
        }
        var grids = gridCodes == null ? List.<String>of() : List.copyOf(gridCodes);
        for (int i = 0; i < grids.size(); i++) {
            String grid = grids.get(i);
            if (scopeCode == null
                    || !grid.startsWith(scopeCode)
                    || regions.currentGrid(grid).isEmpty()) {
                errors.add(new FieldProblem(
                        "gridCodes[" + i + "]",
                        "unknown",
                        "网格 " + grid + " 不存在或不在数据范围内",
                        "grid " + grid + " does not exist or lies outside the scope"));
            }
        }
        if (kind == ScopeKind.GRIDS && grids.isEmpty()) {
            errors.add(new FieldProblem("gridCodes", "required", "网格员须至少负责一个网格", "a GRIDS scope needs grids"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        users.updateScope(id, kind, scopeCode, grids);
        tokens.revokeAll(id);
        audit.permissionChange(
                actor,
                id,
                "scope " + user.scopeKind() + " " + user.scopeCode() + " " + user.gridCodes() + " -> " + kind + " "
                        + scopeCode + " " + grids);
        return view(users.findById(id).orElseThrow());
    }

    public UserView setStatus(CurrentUser actor, long id, String status) {
        if (!"ACTIVE".equals(status) && !"DISABLED".equals(status)) {
            throw ProblemException.invalid(
                    "status", "unknown-value", "状态须为 ACTIVE 或 DISABLED", "status: ACTIVE or DISABLED");
        }
        var user = visible(actor, id);
        users.setStatus(id, status);
        if ("DISABLED".equals(status)) {
            tokens.revokeAll(id);
        }
        return view(users.findById(id).orElseThrow());
    }

    /**
     * Unlocks an account and sets a password the user must change at the next sign-in; every session and token of
     * the account ends, since whoever held them may be why the password was reset.
     */
    public void resetPassword(CurrentUser actor, long id, String password) {
        var user = visible(actor, id);
        passwords.check("password", password, user.username());
        users.setPassword(id, passwords.hash(password), passwords.mustChange(), clock.instant());
        users.setTotpSecret(id, null);
        users.recordSuccess(id);
        tokens.revokeAll(id);
        sessions.endAllBut(user.username(), null);
    }

    /**
     * Changes the signed-in user's own password after checking the old one; a wrong old password counts toward the
     * lock-out as a failed sign-in does. Afterwards only the sign-in that made the change goes on: its browser
     * session ({@code keepSessionId}) or its bearer token family ({@code keepAccessToken}); every other session and
     * token of the account ends.
     */
    // A refusal must not roll back the failure it counted.
    @Transactional(noRollbackFor = ProblemException.class)
    public void changeOwnPassword(
            CurrentUser user, String oldPassword, String newPassword, String keepSessionId, String keepAccessToken) {
        var row = users.findById(user.id()).orElseThrow();
        reauthenticate(row, "oldPassword", passwords.matches(oldPassword, row.passwordHash()), "password change");
        passwords.check("newPassword", newPassword, row.username());
        if (passwords.matches(newPassword, row.passwordHash())) {
            throw ProblemException.invalid(
                    "newPassword", "unchanged", "新密码不能与原密码相同", "the new password equals the old");
        }
        passwords.checkNotReused(
                "newPassword", newPassword, users.recentPasswordHashes(user.id(), PasswordPolicy.REMEMBERED));
        users.recordSuccess(user.id());
        var now = clock.instant();
        users.setPassword(user.id(), passwords.hash(newPassword), now, now);
        tokens.revokeAllBut(user.id(), keepAccessToken);
        sessions.endAllBut(row.username(), keepSessionId);
    }

    /**
     * Turns on the second factor after checking the password, and the current code when one is enrolled already (a
     * new phone must not replace the old one on the password alone); wrong answers count toward the lock-out.
     */
    @Transactional(noRollbackFor = ProblemException.class)
    public IdentityAuth.TotpEnrollment enrollTotp(CurrentUser user, String password, String code) {
        var row = users.findById(user.id()).orElseThrow();
        reauthenticate(row, "password", passwords.matches(password, row.passwordHash()), "second factor enrolment");
        if (row.totpSecret() != null) {
            reauthenticate(
                    row, "code", Totp.verify(row.totpSecret(), code, clock.instant()), "second factor enrolment");
        }
        users.recordSuccess(user.id());
        String secret = Totp.newSecret();
        users.setTotpSecret(user.id(), secret);
        String uri = "otpauth://totp/GridGov:" + row.username() + "?secret=" + secret + "&issuer=GridGov";
        return new IdentityAuth.TotpEnrollment(secret, uri);
    }

    /**
     * A signed-in user proving again who they are: refused while the account is locked, and a wrong answer counts
     * toward the same lock-out as a failed sign-in, so that a taken-over session cannot guess the password. Only a
     * complete success (every answer right) clears the count.
     */
    private void reauthenticate(UserRow row, String field, boolean correct, String what) {
        var now = clock.instant();
        if (row.lockedAt(now)) {
            audit.loginFailed(row, row.username(), "locked (" + what + ")", null);
            throw ProblemException.invalid(
                    field,
                    "locked",
                    "失败次数过多，账户已临时锁定，请稍后再试",
                    "too many failures: the account is locked for a while; try again later");
        }
        if (!correct) {
            users.recordFailure(row.id(), settings.maxFailedLogins(), now.plus(settings.lockDuration()));
            audit.loginFailed(row, row.username(), "wrong " + field + " (" + what + ")", null);
            throw "code".equals(field)
                    ? ProblemException.invalid(field, "wrong", "动态口令不正确", "the one-time code is wrong")
                    : ProblemException.invalid(
                            field,
                            "wrong",
                            "oldPassword".equals(field) ? "原密码不正确" : "密码不正确",
                            "oldPassword".equals(field) ? "the old password is wrong" : "the password is wrong");
        }
    }

    /** The phone number in full, for a viewer who may see it and says why; audited. */
    public String unmaskPhone(CurrentUser actor, long id, String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw ProblemException.invalid("purpose", "required", "查看完整号码须说明用途", "a purpose is required");
        }
        var user = visible(actor, id);
        audit.unmask(actor, "user.phone", String.valueOf(id), purpose.trim());
        return user.phoneCipher() == null ? null : personalData.open(PersonalDataKind.PHONE, user.phoneCipher());
    }

    private UserRow visible(CurrentUser actor, long id) {
        return users.findById(id)
                .filter(u -> u.scopeCode().startsWith(scope.regionPrefix()))
                .orElseThrow(() -> ProblemException.notFound("用户不存在", "No such user"));
    }

    private UserView view(UserRow user) {
        String phone = personalData.masked(PersonalDataKind.PHONE, user.phoneCipher());
        boolean locked = user.lockedUntil() != null && user.lockedUntil().isAfter(clock.instant());
        return new UserView(
                user.id(),
                user.username(),
                user.realName(),
                phone,
                user.organizationCode(),
                user.organizationName(),
                user.scopeKind(),
                user.scopeCode(),
                user.gridCodes(),
                user.roles(),
                user.status(),
                locked);
    }
}
