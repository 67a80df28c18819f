package org.gridgov.identity.internal;

import org.gridgov.identity.CurrentUser;
import org.gridgov.region.RegionApi;
import org.springframework.stereotype.Service;

/** The sign-in operations the web layer offers, over the package's authenticator and token service. */
@Service
public class IdentityAuth {

    private final Authenticator authenticator;
    private final TokenService tokens;
    private final UserAdministration administration;
    private final RegionApi regions;

    IdentityAuth(
            Authenticator authenticator, TokenService tokens, UserAdministration administration, RegionApi regions) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.administration = administration;
        this.regions = regions;
    }

    /** An access token (short-lived) and a refresh token (replaced on each use). */
    public record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {}

    public Me me(CurrentUser user) {
        var grids = user.gridCodes();
        return Me.of(user, grids == null || grids.isEmpty() ? java.util.Map.of() : regions.names(grids));
    }

    public TokenPair signIn(String username, String password, String code, String clientAddress) {
        try {
            return tokens.issue(authenticator.authenticate(username, password, code, clientAddress));
        } catch (org.springframework.security.core.AuthenticationException e) {
            String message = e.getMessage() == null ? Authenticator.BAD_CREDENTIALS : e.getMessage();
            int split = message.indexOf(" / ");
            throw new org.gridgov.common.ProblemException(
                    org.springframework.http.HttpStatus.UNAUTHORIZED,
                    "login-failed",
                    split < 0 ? message : message.substring(0, split),
                    split < 0 ? message : message.substring(split + 3),
                    java.util.List.of());
        }
    }

    public TokenPair refresh(String refreshToken) {
        return tokens.refresh(refreshToken);
    }

    public void revoke(String token) {
        tokens.revoke(token);
    }

    /** A newly enrolled second factor: the secret for an authenticator app, and the same as an otpauth URI. */
    public record TotpEnrollment(String secret, String otpauthUri) {}

    /**
     * The sign-in a request came through: its browser session or its bearer access token (either may be null).
     * What ends other sign-ins keeps this one.
     */
    public record Caller(String sessionId, String accessToken) {}

    /**
     * Turns on the second factor for the signed-in user after checking their password (and the current code, when
     * one is enrolled already); from then on every sign-in needs the app's code. A password reset by an
     * administrator turns it off again (lost phone). Wrong answers count toward the lock-out.
     */
    public TotpEnrollment enrollTotp(CurrentUser user, String password, String code) {
        return administration.enrollTotp(user, password, code);
    }

    /** Changes one's own password; every other session and token of the account ends, the caller's goes on. */
    public void changePassword(CurrentUser user, String oldPassword, String newPassword, Caller caller) {
        administration.changeOwnPassword(user, oldPassword, newPassword, caller.sessionId(), caller.accessToken());
    }
}
