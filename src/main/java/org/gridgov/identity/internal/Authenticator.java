package org.gridgov.identity.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Set;
import org.gridgov.common.Unscoped;
import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.Role;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Checks a sign-in — password, lock-out after repeated failures, second factor — the same way for the browser's
 * session login and for bearer-token clients, and audits every attempt.
 */
@Unscoped("a sign-in happens before there is a caller with a scope")
@Component
class Authenticator {

    /** Wrong user and wrong password read the same, so that usernames cannot be probed. */
    static final String BAD_CREDENTIALS = "用户名或密码错误 / wrong username or password";

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
        if (user == null) {
            // Spend the time of a hash check anyway, so that unknown users do not answer faster.
            passwords.matches(password, "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z3s6UELG7hV6qUVo1MNm7V8a");
            audit.loginFailed(null, username, "unknown user", clientAddress);
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        var now = clock.instant();
        if (user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
            audit.loginFailed(user, username, "locked", clientAddress);
            throw new LockedException(
                    "账户已锁定，请于 " + user.lockedUntil() + " 后重试 / account locked until " + user.lockedUntil());
        }
        if (!user.active()) {
            audit.loginFailed(user, username, "disabled", clientAddress);
            throw new DisabledException("账户已停用 / account disabled");
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
