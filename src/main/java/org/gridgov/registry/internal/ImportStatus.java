package org.gridgov.registry.internal;

/** Where an import job is: it runs, then ends done (rows accepted or rejected one by one) or failed as a whole. */
public enum ImportStatus {
    RUNNING,
    DONE,
    FAILED;

    boolean canTransitionTo(ImportStatus next) {
        return this == RUNNING && next != RUNNING;
    }
}
