package org.gridgov.identity.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.gridgov.common.ProblemException;
import org.gridgov.common.Unscoped;
import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.internal.IdentityAuth.TokenPair;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for mobile and API clients: a short-lived access token and a refresh token that is replaced on every
 * use. Only hashes are stored. A refresh token used twice means it was copied: the whole family is revoked.
 */
@Unscoped("tokens are checked before there is a caller with a scope")
@Service
// A refused refresh still revokes what it must: the refusal must not roll the revocation back.
@Transactional(noRollbackFor = ProblemException.class)
class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenRepository tokens;
    private final UserRepository users;
    private final Authenticator authenticator;
    private final IdentitySettings settings;
    private final Clock clock;

    TokenService(
            TokenRepository tokens,
            UserRepository users,
            Authenticator authenticator,
            IdentitySettings settings,
            Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.authenticator = authenticator;
        this.settings = settings;
        this.clock = clock;
    }

    TokenPair issue(CurrentUser user) {
        return issue(user.id(), UUID.randomUUID());
    }

    /** A new pair for a valid refresh token, which is used up. */
    TokenPair refresh(String refreshToken) {
        var now = clock.instant();
        var row = tokens.findByHash(hash(refreshToken))
                .filter(t -> t.kind().equals("REFRESH"))
                .orElseThrow(TokenService::invalid);
        if (row.revokedAt() != null) {
            tokens.revokeFamily(row.family(), now);
            throw invalid();
        }
        if (row.expiresAt().isBefore(now)
                || tokens.familyStart(row.family())
                        .plus(settings.refreshMaxLifetime())
                        .isBefore(now)) {
            throw invalid();
        }
        var user = users.findById(row.userId()).filter(UserRow::active).orElseThrow(TokenService::invalid);
        if (!tokens.revoke(row.id(), now)) {
            tokens.revokeFamily(row.family(), now);
            throw invalid();
        }
        return issue(user.id(), row.family());
    }

    /** The user of a valid access token. */
    Optional<CurrentUser> authenticate(String accessToken) {
        var now = clock.instant();
        return tokens.findByHash(hash(accessToken))
                .filter(t -> t.kind().equals("ACCESS")
                        && t.revokedAt() == null
                        && t.expiresAt().isAfter(now))
                .flatMap(t -> users.findById(t.userId()))
                .filter(UserRow::active)
                .map(authenticator::toCurrentUser);
    }

    /** Revokes the token's whole family: the sign-in it came from ends on every device copy. */
    void revoke(String token) {
        tokens.findByHash(hash(token)).ifPresent(t -> tokens.revokeFamily(t.family(), clock.instant()));
    }

    void revokeAll(long userId) {
        tokens.revokeUser(userId, clock.instant());
    }

    /**
     * Revokes every token of the user but the sign-in (token family) that {@code accessToken} belongs to; all of
     * them when it is null or not the user's.
     */
    void revokeAllBut(long userId, String accessToken) {
        var keep = accessToken == null
                ? java.util.Optional.<TokenRepository.TokenRow>empty()
                : tokens.findByHash(hash(accessToken)).filter(t -> t.userId() == userId);
        if (keep.isPresent()) {
            tokens.revokeUserExcept(userId, keep.get().family(), clock.instant());
        } else {
            revokeAll(userId);
        }
    }

    private TokenPair issue(long userId, UUID family) {
        var now = clock.instant();
        String access = random();
        String refresh = random();
        tokens.insert(userId, "ACCESS", hash(access), family, now, now.plus(settings.accessTokenTtl()));
        tokens.insert(userId, "REFRESH", hash(refresh), family, now, now.plus(settings.refreshIdleTimeout()));
        return new TokenPair(
                access, refresh, "Bearer", settings.accessTokenTtl().toSeconds());
    }

    private static String random() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException invalid() {
        return new ProblemException(
                org.springframework.http.HttpStatus.UNAUTHORIZED,
                "invalid-token",
                "令牌无效或已过期，请重新登录",
                "The token is invalid or expired; sign in again",
                java.util.List.of());
    }
}
