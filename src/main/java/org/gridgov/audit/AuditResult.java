package org.gridgov.audit;

/** How an audited action ended. */
public enum AuditResult {
    SUCCESS,
    /** Attempted and failed, such as a wrong password or a refused input. */
    FAILURE,
    /** Refused for lack of permission. */
    DENIED
}
