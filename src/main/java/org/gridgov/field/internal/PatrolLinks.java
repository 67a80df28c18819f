package org.gridgov.field.internal;

import org.gridgov.common.Unscoped;
import org.gridgov.event.EventReported;
import org.gridgov.registry.VisitRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Links an event, or a visit, to the patrol its maker was on at the time: the patrol of the same account that had
 * started and not yet stopped then. Idempotent: a link made twice is one link.
 */
@Component
@Unscoped("reacts to reports after they are made, when there is no caller; links within the report's county")
class PatrolLinks {

    private final PatrolRepository patrols;

    PatrolLinks(PatrolRepository patrols) {
        this.patrols = patrols;
    }

    @ApplicationModuleListener
    void on(EventReported event) {
        if (event.reporterUserId() == null
                || event.gridCode() == null
                || event.gridCode().length() < 6) {
            return;
        }
        String county = event.gridCode().substring(0, 6);
        patrols.runningAt(county, event.reporterUserId(), event.reportedAt())
                .ifPresent(patrol -> patrols.linkEvent(
                        county, patrol, event.eventId(), event.serialNumber(), event.title(), event.reportedAt()));
    }

    @ApplicationModuleListener
    void on(VisitRecorded visit) {
        if (visit.userId() == null) {
            return;
        }
        patrols.runningAt(visit.countyCode(), visit.userId(), visit.visitedAt())
                .ifPresent(patrol -> patrols.linkVisit(
                        visit.countyCode(), patrol, visit.visitId(), visit.subjectName(), visit.visitedAt()));
    }
}
