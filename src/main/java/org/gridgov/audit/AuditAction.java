package org.gridgov.audit;

/** What an audited user did. */
public enum AuditAction {
    LOGIN,
    LOGIN_FAILED,
    LOGOUT,
    /** Any change of business data. */
    WRITE,
    /** Showing personal data without masking; needs a purpose. */
    UNMASK,
    /** Data leaving the platform as a file; needs a purpose. */
    EXPORT,
    /** Granting or revoking roles, permissions or data scopes. */
    PERMISSION_CHANGE;

    /** Whether the law asks the user to state why, as for personal data shown in full or taken out. */
    public boolean needsPurpose() {
        return this == UNMASK || this == EXPORT;
    }
}
