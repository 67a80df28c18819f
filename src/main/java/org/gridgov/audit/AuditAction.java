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
    /**
     * Opening one record of sensitive personal information (PIPL art. 28), such as a special-group registration;
     * no purpose asked, since the record is shown masked and opening it is the daily work of whoever keeps it.
     */
    VIEW_SENSITIVE,
    /** Reading people's personal data, masked (a person's record, a search by ID number or phone, a ledger, an export). */
    VIEW_PERSONAL,
    /** Granting or revoking roles, permissions or data scopes. */
    PERMISSION_CHANGE;

    /** Whether the law asks the user to state why, as for personal data shown in full or taken out. */
    public boolean needsPurpose() {
        return this == UNMASK || this == EXPORT;
    }
}
