package org.gridgov.assessment;

import java.time.Instant;

/**
 * One version of a scheme that applies to the caller's county: its own or, where it has none from that month, the
 * deployment's (region {@code ''}).
 *
 * @param savedAt when the version was saved (the deployment's defaults: when the platform was installed)
 */
public record SchemeVersion(SchemeView scheme, State state, Instant savedAt) {

    /** Where a version stands against the current month. */
    public enum State {
        /** Takes effect from a month that has not begun; may still be replaced by one from the same month. */
        PLANNED,
        /** Scores the current month. */
        IN_FORCE,
        /** Scored earlier months, or was overridden by the county's own version. */
        SUPERSEDED
    }
}
