package org.gridgov.registry.internal;

import org.gridgov.common.CurrentScope;
import org.gridgov.common.DataScope;
import org.springframework.stereotype.Component;

/**
 * Which group members the caller may see: those whose person lives in the caller's part of the tree, which for a
 * grid worker is the grids they cover (兼管多格) and the micro-grids below them.
 */
@Component
class GroupScope {

    private final CurrentScope scope;

    GroupScope(CurrentScope scope) {
        this.scope = scope;
    }

    DataScope data() {
        return scope.data();
    }
}
