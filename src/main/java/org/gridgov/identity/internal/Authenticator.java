package org.gridgov.identity.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Set;
import org.gridgov.common.Unscoped;
import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.Role;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Checks a sign-in — password, lock-out after repeated failures, second factor — the same way for the browser's
 * session login and for bearer-token clients, and audits every attempt.
 */
@Unscoped("a sign-in happens before there is a caller with a scope")
@Component
class Authenticator {

    /**
     * Unknown user, wrong password, locked and disabled account all read the same, so that usernames cannot be
     * probed; the audit log keeps the real reason.
     */
    static final String BAD_CREDENTIALS =
            "用户名或密码错误；连续多次失败后账户将临时锁定 / wrong username or password; repeated failures lock the account for a while";

    private final UserRepository users;
    private final PasswordPolicy passwords;
    private final RolePermissions rolePermissions;
    private final IdentitySettings settings;
    private final Auditing audit;
    private final Clock clock;

    Authenticator(
            UserRepository users,
            PasswordPolicy passwords,
            RolePermissions rolePermissions,
            IdentitySettings settings,
            Auditing audit,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.rolePermissions = rolePermissions;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The user, when the credentials are right and the account may sign in.
     *
     * @param totpCode the authenticator app's code; required for users who enrolled one
     * @throws AuthenticationException when the sign-in is refused
     */
    CurrentUser authenticate(String username, String password, String totpCode, String clientAddress) {
        var user =
                username == null ? null : users.findByUsername(username.trim()).orElse(null);
        var now = clock.instant();
        // Every refusal before the password check still spends the time of one, so that none answers faster.
        String refusal =
                user == null ? "unknown user" : user.lockedAt(now) ? "locked" : user.active() ? null : "disabled";
        if (refusal != null) {
            passwords.spendCheckTime(password);
            audit.loginFailed(user, username, refusal, clientAddress);
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        boolean passwordOk = passwords.matches(password, user.passwordHash());
        boolean secondFactorOk = user.totpSecret() == null || Totp.verify(user.totpSecret(), totpCode, now);
        if (!passwordOk || !secondFactorOk) {
            users.recordFailure(user.id(), settings.maxFailedLogins(), now.plus(settings.lockDuration()));
            audit.loginFailed(user, username, passwordOk ? "wrong second factor" : "wrong password", clientAddress);
            throw new BadCredentialsException(passwordOk ? "动态口令错误 / wrong one-time code" : BAD_CREDENTIALS);
        }
        users.recordSuccess(user.id());
        var current = toCurrentUser(user);
        audit.login(current, clientAddress);
        return current;
    }

    CurrentUser toCurrentUser(UserRow user) {
        Set<Role> roles = user.roles();
        return new CurrentUser(
                user.id(),
                user.username(),
                user.realName(),
                roles,
                rolePermissions.of(roles, user.scopeKind(), user.scopeCode()),
                user.organizationCode(),
                user.organizationName(),
                user.scopeKind(),
                user.scopeCode(),
                new ArrayList<>(user.gridCodes()),
                passwords.expired(user.passwordChangedAt()));
    }
}
