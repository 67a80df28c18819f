package org.gridgov.registry.internal;

import org.gridgov.common.CurrentScope;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.identity.ScopeKind;
import org.springframework.stereotype.Component;

/**
 * Which group members the caller may see: those whose person lives in the caller's part of the tree; and, for a
 * grid worker's own work list, only the grids the worker covers (兼管多格).
 */
@Component
class GroupScope {

    private final CurrentScope scope;
    private final CurrentUsers users;

    GroupScope(CurrentScope scope, CurrentUsers users) {
        this.scope = scope;
        this.users = users;
    }

    String prefix() {
        return scope.regionPrefix();
    }

    /** The grids a grid worker covers, or null for callers whose work is their whole scope. */
    String[] ownGrids() {
        var user = users.require();
        return user.scopeKind() == ScopeKind.GRIDS ? user.gridCodes().toArray(String[]::new) : null;
    }
}
