package org.gridgov.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.gridgov.common.ProblemException;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.identity.internal.IdentityAuth;
import org.gridgov.identity.internal.IdentityAuth.TokenPair;
import org.gridgov.identity.internal.Me;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in for clients that cannot keep a browser session (mobile apps, other systems), the signed-in user, the CSRF
 * token for the browser, and changing one's own password. The browser's form sign-in is {@code POST /api/auth/login}
 * (username, password, code as form fields), handled by the security chain.
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final IdentityAuth auth;
    private final CurrentUsers currentUsers;
    private final ObjectProvider<ClientRegistrationRepository> identityProviders;

    AuthController(
            IdentityAuth auth,
            CurrentUsers currentUsers,
            ObjectProvider<ClientRegistrationRepository> identityProviders) {
        this.auth = auth;
        this.currentUsers = currentUsers;
        this.identityProviders = identityProviders;
    }

    /** Makes the browser receive the CSRF cookie before its first write (the sign-in form included). */
    @GetMapping("/csrf")
    CsrfView csrf(CsrfToken token) {
        return new CsrfView(token.getHeaderName(), token.getToken());
    }

    record CsrfView(String headerName, String token) {}

    record Provider(String id, String name, String url) {}

    /** Identity providers configured for single sign-on; empty when the deployment has none. */
    @GetMapping("/providers")
    java.util.List<Provider> providers() {
        var repository = identityProviders.getIfAvailable();
        if (!(repository instanceof Iterable<?> registrations)) {
            return java.util.List.of();
        }
        var providers = new java.util.ArrayList<Provider>();
        for (var item : registrations) {
            var registration = (ClientRegistration) item;
            providers.add(new Provider(
                    registration.getRegistrationId(),
                    registration.getClientName(),
                    "/oauth2/authorization/" + registration.getRegistrationId()));
        }
        return providers;
    }

    @GetMapping("/me")
    Me me() {
        return auth.me(currentUsers.require());
    }

    record Credentials(String username, String password, String code) {}

    @PostMapping("/token")
    TokenPair token(@RequestBody Credentials credentials, HttpServletRequest request) {
        if (credentials.username() == null || credentials.password() == null) {
            throw ProblemException.invalid("username", "required", "须提供用户名和密码", "username and password are required");
        }
        return auth.signIn(credentials.username(), credentials.password(), credentials.code(), request.getRemoteAddr());
    }

    record Refresh(String refreshToken) {}

    @PostMapping("/token/refresh")
    TokenPair refresh(@RequestBody Refresh refresh) {
        if (refresh.refreshToken() == null || refresh.refreshToken().isBlank()) {
            throw ProblemException.invalid("refreshToken", "required", "缺少刷新令牌", "refreshToken is required");
        }
        return auth.refresh(refresh.refreshToken());
    }

    record Revoke(String token) {}

    /** Ends the sign-in a token belongs to, on every copy of it. */
    @PostMapping("/token/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@RequestBody Revoke revoke) {
        if (revoke.token() != null) {
            auth.revoke(revoke.token());
        }
    }

    /** {@code code}: the current one-time code, needed only to replace a second factor already enrolled. */
    record TotpRequest(String password, String code) {}

    /** Enrolls the signed-in user in the second factor (required for administrators by policy). */
    @PostMapping("/totp")
    IdentityAuth.TotpEnrollment enrollTotp(@RequestBody TotpRequest request) {
        return auth.enrollTotp(currentUsers.require(), request.password(), request.code());
    }

    record PasswordChange(String oldPassword, String newPassword) {}

    /**
     * Changes one's own password. The sign-in that asks goes on (this browser session, or this bearer token's
     * sign-in); every other session and token of the account ends.
     */
    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@RequestBody PasswordChange change, HttpServletRequest request) {
        var session = request.getSession(false);
        String authorization = request.getHeader("Authorization");
        String bearer = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).trim()
                : null;
        auth.changePassword(
                currentUsers.require(),
                change.oldPassword(),
                change.newPassword(),
                new IdentityAuth.Caller(session == null ? null : session.getId(), bearer));
    }
}
