package org.gridgov.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.Role;
import org.gridgov.identity.ScopeKind;

/**
 * The signed-in user as the browser application needs it to build its menu; {@code gridNames} names the grids of
 * {@code gridCodes} (code → name) for the phone app's 我的.
 */
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
        Map<String, String> gridNames,
        boolean passwordExpired) {

    public static Me of(CurrentUser user) {
        return of(user, Map.of());
    }

    public static Me of(CurrentUser user, Map<String, String> gridNames) {
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
                gridNames,
                user.passwordExpired());
    }
}
