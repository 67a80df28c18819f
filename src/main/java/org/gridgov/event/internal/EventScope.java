package org.gridgov.event.internal;

import java.time.Instant;
import org.gridgov.common.CurrentScope;
import org.gridgov.common.ProblemException;
import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.OrganizationDirectory;
import org.gridgov.identity.OrganizationRef;
import org.gridgov.identity.ScopeKind;
import org.springframework.stereotype.Component;

/**
 * Which events the caller may see: those in their part of the tree (a grid-code prefix), narrowed by who they are.
 *
 * <ul>
 *   <li>A grid worker or assistant (scope {@link ScopeKind#GRIDS}) sees the events of their grids and the micro-grids
 *       below them, and what they reported themselves.
 *   <li>A resident, or anyone whose scope is their own records, sees only what they reported.
 *   <li>A department (职能部门) sees the events it holds or handles, has held or acted on, and those copied to it
 *       (抄送), not every event of its county.
 * </ul>
 */
@Component
class EventScope {

    private final CurrentScope scope;
    private final EventRepository events;
    private final OrganizationDirectory organizations;

    EventScope(CurrentScope scope, EventRepository events, OrganizationDirectory organizations) {
        this.scope = scope;
        this.events = events;
        this.organizations = organizations;
    }

    /** An event the caller may see, or a 404 that does not tell whether it exists elsewhere. */
    Event visible(long id, CurrentUser user) {
        return events.find(id, visibility(user)).orElseThrow(() -> ProblemException.notFound("事件不存在", "No such event"));
    }

    /** What the caller may see, as every read of events binds it. */
    EventRepository.Visibility visibility(CurrentUser user) {
        var data = scope.data();
        return new EventRepository.Visibility(
                data.prefix(), data.gridPatterns(), reporterOnly(user), departmentOf(user), user.id());
    }

    /**
     * The repository's filter of a checked work-list query for the caller, so that a list and a count elsewhere (the
     * home page's figures) read the same events; {@code returnedSince} starts the period of the returned box.
     */
    EventRepository.Filter filter(EventDesk.EventListQuery q, CurrentUser user, Instant returnedSince) {
        return new EventRepository.Filter(
                visibility(user),
                q.box(),
                // A grid worker's to-do is what waits in their grids for them, not everything their center holds.
                user.scopeKind() == ScopeKind.GRIDS ? null : user.organizationCode(),
                user.gridCodes(),
                user.id(),
                q.status(),
                q.category(),
                q.urgency(),
                q.from(),
                q.to(),
                q.region(),
                q.serialNumber(),
                q.source(),
                q.card(),
                q.open(),
                q.supervised(),
                returnedSince);
    }

    /** Whether a grid or micro-grid lies in the caller's scope: for a grid worker, one of their grids. */
    boolean covers(String gridCode) {
        return scope.covers(gridCode);
    }

    String prefix() {
        return scope.regionPrefix();
    }

    /** The caller's id when they may see only their own reports, else null. */
    Long reporterOnly(CurrentUser user) {
        return user.scopeKind() == ScopeKind.SELF ? user.id() : null;
    }

    /** The caller's organization when it is a department, whose events are those that reached it; else null. */
    private String departmentOf(CurrentUser user) {
        if (user.organizationCode() == null) {
            return null;
        }
        return organizations
                .find(user.organizationCode())
                .filter(OrganizationRef::isDepartment)
                .map(OrganizationRef::code)
                .orElse(null);
    }
}
