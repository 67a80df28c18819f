package org.gridgov.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.gridgov.identity.Role;
import org.gridgov.identity.ScopeKind;

/** An account as stored; the phone stays sealed until someone who may see it asks. */
record UserRow(
        long id,
        String username,
        String realName,
        byte[] phoneCipher,
        Long organizationId,
        String organizationCode,
        String organizationName,
        ScopeKind scopeKind,
        String scopeCode,
        String status,
        String passwordHash,
        Instant passwordChangedAt,
        int failedLogins,
        Instant lockedUntil,
        String totpSecret,
        Set<Role> roles,
        List<String> gridCodes) {

    boolean active() {
        return "ACTIVE".equals(status);
    }

    /** Locked after too many failed sign-ins or re-authentications, until the lock ends. */
    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
