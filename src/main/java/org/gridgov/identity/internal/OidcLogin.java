package org.gridgov.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gridgov.common.Unscoped;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs in a user whom the deployment's identity provider vouched for (OpenID Connect), when one is configured under
 * {@code spring.security.oauth2.client.registration.*}. The provider proves who it is; the platform's own account of
 * that username decides roles and scope, so a provider account without a platform account gets nothing.
 */
@Component
@Unscoped("a sign-in happens before there is a caller with a scope")
class OidcLogin {

    private final UserRepository users;
    private final Authenticator authenticator;
    private final Auditing audit;
    private final String usernameClaim;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    OidcLogin(
            UserRepository users,
            Authenticator authenticator,
            Auditing audit,
            @Value("${gridgov.identity.oidc-username-claim:preferred_username}") String usernameClaim) {
        this.users = users;
        this.authenticator = authenticator;
        this.audit = audit;
        this.usernameClaim = usernameClaim;
    }

    void success(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        String username =
                authentication.getPrincipal() instanceof OidcUser oidc ? oidc.getClaimAsString(usernameClaim) : null;
        var account = username == null
                ? null
                : users.findByUsername(username).filter(UserRow::active).orElse(null);
        if (account == null) {
            audit.loginFailed(
                    null, username, "identity provider user has no active platform account", request.getRemoteAddr());
            SecurityContextHolder.clearContext();
            request.getSession().invalidate();
            response.sendRedirect("/#/login?error=oidc");
            return;
        }
        users.recordSuccess(account.id());
        var user = authenticator.toCurrentUser(account);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityConfiguration.authenticated(user));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        audit.login(user, request.getRemoteAddr());
        response.sendRedirect("/");
    }
}
