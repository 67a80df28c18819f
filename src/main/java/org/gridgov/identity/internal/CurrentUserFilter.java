package org.gridgov.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gridgov.common.Unscoped;
import org.gridgov.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The rules every signed-in request meets, however it signed in (browser session, bearer token, single sign-on):
 * the account is reloaded on every request, so that a disabled account or a changed role takes effect at once rather
 * than at the next sign-in; and a user whose password expired or was reset may do nothing but change it.
 */
@Unscoped("reloads the signed-in user's own account")
@Component
class CurrentUserFilter extends OncePerRequestFilter {

    private final UserRepository users;
    private final Authenticator authenticator;
    private final ProblemResponses problems;

    CurrentUserFilter(UserRepository users, Authenticator authenticator, ProblemResponses problems) {
        this.users = users;
        this.authenticator = authenticator;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser signedIn)) {
            chain.doFilter(request, response);
            return;
        }
        var current = signedIn;
        // Bearer requests were loaded fresh from the database a moment ago; sessions carry the sign-in's copy.
        if (!SecurityConfiguration.hasBearerToken(request)) {
            var fresh = users.findById(signedIn.id()).filter(UserRow::active).map(authenticator::toCurrentUser);
            if (fresh.isEmpty()) {
                SecurityContextHolder.clearContext();
                request.getSession().invalidate();
                problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "账户已停用", "Account disabled");
                return;
            }
            current = fresh.get();
            SecurityContextHolder.getContext().setAuthentication(SecurityConfiguration.authenticated(current));
        }
        if (current.passwordExpired() && heldBackUntilPasswordChange(request.getRequestURI())) {
            problems.write(
                    response,
                    HttpStatus.FORBIDDEN,
                    "password-expired",
                    "密码已过期或为初始密码，请先修改密码",
                    "The password has expired or is an initial one; change it first");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Everything that needs a signed-in user but the sign-in paths themselves (which include the password change);
     * the browser application itself must load to offer the change.
     */
    private static boolean heldBackUntilPasswordChange(String path) {
        return (path.startsWith("/api/") && !path.startsWith("/api/auth/")) || SecurityConfiguration.isOperations(path);
    }
}
