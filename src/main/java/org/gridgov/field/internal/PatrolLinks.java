package org.gridgov.field.internal;

import org.gridgov.common.Unscoped;
import org.gridgov.event.EventReported;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Links an event to the patrol its reporter was on when reporting it: the patrol of the same account that had started
 * and not yet stopped at the report's time. Idempotent: a link made twice is one link.
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
}
