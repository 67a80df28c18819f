package org.gridgov.identity.internal;

import java.util.List;
import java.util.Set;
import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.Role;
import org.gridgov.identity.ScopeKind;

/** The signed-in user as the browser application needs it to build its menu. */
public record Me(
        String username,
        String realName,
        Set<Role> roles,
        Set<String> permissions,
        String organizationCode,
        String organizationName,
        ScopeKind scopeKind,
        String scopeCode,
        List<String> gridCodes,
        boolean passwordExpired) {

    public static Me of(CurrentUser user) {
        return new Me(
                user.username(),
                user.realName(),
                user.roles(),
                user.permissions(),
                user.organizationCode(),
                user.organizationName(),
                user.scopeKind(),
                user.scopeCode(),
                user.gridCodes(),
                user.passwordExpired());
    }
}
