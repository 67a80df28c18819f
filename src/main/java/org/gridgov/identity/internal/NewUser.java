package org.gridgov.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.gridgov.identity.Role;
import org.gridgov.identity.ScopeKind;

/** An account to create; its roles must be ones an account may hold together, whoever creates it. */
record NewUser(
        String username,
        String realName,
        byte[] phoneCipher,
        byte[] phoneHash,
        Long organizationId,
        ScopeKind scopeKind,
        String scopeCode,
        String passwordHash,
        Instant passwordChangedAt,
        Set<Role> roles,
        List<String> gridCodes) {

    NewUser {
        RoleCombinations.check(roles);
    }
}
