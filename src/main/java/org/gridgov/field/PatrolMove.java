package org.gridgov.field;

import static org.gridgov.field.PatrolStatus.PAUSED;
import static org.gridgov.field.PatrolStatus.RUNNING;
import static org.gridgov.field.PatrolStatus.STOPPED;

import java.util.EnumSet;
import java.util.Set;

/** The moves of a patrol: from which statuses each is allowed and the status it leads to. This table is the workflow. */
public enum PatrolMove {
    START(EnumSet.noneOf(PatrolStatus.class), RUNNING),
    PAUSE(EnumSet.of(RUNNING), PAUSED),
    RESUME(EnumSet.of(PAUSED), RUNNING),
    STOP(EnumSet.of(RUNNING, PAUSED), STOPPED);

    private final Set<PatrolStatus> from;
    private final PatrolStatus to;

    PatrolMove(Set<PatrolStatus> from, PatrolStatus to) {
        this.from = from;
        this.to = to;
    }

    public Set<PatrolStatus> from() {
        return from;
    }

    public PatrolStatus to() {
        return to;
    }
}
