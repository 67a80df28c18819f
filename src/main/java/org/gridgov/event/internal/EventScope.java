package org.gridgov.event.internal;

import org.gridgov.common.CurrentScope;
import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.ScopeKind;
import org.springframework.stereotype.Component;

/**
 * Which events the caller may see: those in their part of the tree (a grid-code prefix), and for residents and
 * others whose scope is their own records, only what they reported themselves.
 */
@Component
class EventScope {

    private final CurrentScope scope;

    EventScope(CurrentScope scope) {
        this.scope = scope;
    }

    String prefix() {
        return scope.regionPrefix();
    }

    /** The caller's id when they may see only their own reports, else null. */
    Long reporterOnly(CurrentUser user) {
        return user.scopeKind() == ScopeKind.SELF ? user.id() : null;
    }
}
