package org.gridgov.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Bearer tokens, by hash. */
@Repository
class TokenRepository {

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record TokenRow(
            long id, long userId, String kind, UUID family, Instant issuedAt, Instant expiresAt, Instant revokedAt) {}

    void insert(long userId, String kind, byte[] hash, UUID family, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("""
                        insert into api_token (user_id, kind, token_hash, family, issued_at, expires_at)
                        values (:user, :kind, :hash, :family, :issued, :expires)""")
                .param("user", userId)
                .param("kind", kind)
                .param("hash", hash)
                .param("family", family)
                .param("issued", Timestamp.from(issuedAt))
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    Optional<TokenRow> findByHash(byte[] hash) {
        return jdbc.sql("""
                        select id, user_id, kind, family, issued_at, expires_at, revoked_at
                        from api_token where token_hash = :hash""")
                .param("hash", hash)
                .query((rs, n) -> new TokenRow(
                        rs.getLong("id"),
                        rs.getLong("user_id"),
                        rs.getString("kind"),
                        rs.getObject("family", UUID.class),
                        rs.getTimestamp("issued_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("revoked_at") == null
                                ? null
                                : rs.getTimestamp("revoked_at").toInstant()))
                .optional();
    }

    /** When the family (one sign-in and its refreshes) began. */
    Instant familyStart(UUID family) {
        return jdbc.sql("select min(issued_at) from api_token where family = :family")
                .param("family", family)
                .query(Timestamp.class)
                .single()
                .toInstant();
    }

    /** Revokes one token; false when it was revoked already (a replayed refresh token). */
    boolean revoke(long id, Instant at) {
        return jdbc.sql("update api_token set revoked_at = :at where id = :id and revoked_at is null")
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .update()
                == 1;
    }

    void revokeFamily(UUID family, Instant at) {
        jdbc.sql("update api_token set revoked_at = :at where family = :family and revoked_at is null")
                .param("at", Timestamp.from(at))
                .param("family", family)
                .update();
    }

    /** Revokes every token of the user outside {@code keepFamily}. */
    void revokeUserExcept(long userId, UUID keepFamily, Instant at) {
        jdbc.sql("""
                        update api_token set revoked_at = :at
                        where user_id = :user and revoked_at is null and family <> :family""")
                .param("at", Timestamp.from(at))
                .param("user", userId)
                .param("family", keepFamily)
                .update();
    }

    void revokeUser(long userId, Instant at) {
        jdbc.sql("update api_token set revoked_at = :at where user_id = :user and revoked_at is null")
                .param("at", Timestamp.from(at))
                .param("user", userId)
                .update();
    }
}
