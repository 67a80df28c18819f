package org.gridgov.event.internal;

import org.gridgov.common.CurrentScope;
import org.gridgov.common.ProblemException;
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
    private final EventRepository events;

    EventScope(CurrentScope scope, EventRepository events) {
        this.scope = scope;
        this.events = events;
    }

    /** An event the caller may see, or a 404 that does not tell whether it exists elsewhere. */
    Event visible(long id, CurrentUser user) {
        return events.find(id, prefix(), reporterOnly(user))
                .orElseThrow(() -> ProblemException.notFound("事件不存在", "No such event"));
    }

    String prefix() {
        return scope.regionPrefix();
    }

    /** The caller's id when they may see only their own reports, else null. */
    Long reporterOnly(CurrentUser user) {
        return user.scopeKind() == ScopeKind.SELF ? user.id() : null;
    }
}
