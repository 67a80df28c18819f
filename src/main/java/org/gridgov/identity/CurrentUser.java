package org.gridgov.identity;

import java.io.Serializable;
import java.security.Principal;
import java.util.List;
import java.util.Set;

/**
 * The signed-in user as every request sees it: identity, roles, permissions and data scope.
 *
 * @param scopeCode the region code whose subtree the user sees, for {@link ScopeKind#REGION}
 * @param gridCodes the grids the user covers, for {@link ScopeKind#GRIDS}
 * @param passwordExpired the password must be changed before anything else is allowed
 */
public record CurrentUser(
        long id,
        String username,
        String realName,
        Set<Role> roles,
        Set<String> permissions,
        String organizationCode,
        String organizationName,
        ScopeKind scopeKind,
        String scopeCode,
        List<String> gridCodes,
        boolean passwordExpired)
        implements Serializable, Principal {

    /** The username: what the session store indexes sessions by, so that an account's sessions can be ended. */
    @Override
    public String getName() {
        return username;
    }

    /** The roles as one sorted, comma-separated text, as audit records and event histories keep them. */
    public String rolesText() {
        return roles.stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(","));
    }

    public boolean can(String permission) {
        return permissions.contains(permission);
    }
}
