package org.gridgov.audit.internal;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.audit.AuditAction;
import org.gridgov.audit.AuditEntry;
import org.gridgov.audit.AuditResult;

/**
 * An entry made fit to store: bounded lengths, no characters PostgreSQL refuses, no ID or phone number in plain
 * ({@link PersonalNumbers}), and a note of each problem found.
 *
 * <p>A faulty entry is still kept, because an audit gap is worse than an imperfect record.
 */
record CleanEntry(
        Long userId,
        String username,
        String roles,
        String organization,
        String action,
        String objectType,
        String objectId,
        String result,
        String purpose,
        String detail,
        String clientAddress,
        String inputProblems) {

    /** Stored in place of a missing action or result; never an {@link AuditAction} or {@link AuditResult} name. */
    static final String UNKNOWN = "UNKNOWN";

    static final int USERNAME_MAX = 100;
    static final int ROLES_MAX = 500;
    static final int ORGANIZATION_MAX = 200;
    static final int OBJECT_TYPE_MAX = 100;
    static final int OBJECT_ID_MAX = 200;
    static final int PURPOSE_MAX = 500;
    static final int DETAIL_MAX = 2000;
    static final int CLIENT_ADDRESS_MAX = 100;

    CleanEntry withDetail(String newDetail) {
        return new CleanEntry(
                userId,
                username,
                roles,
                organization,
                action,
                objectType,
                objectId,
                result,
                purpose,
                newDetail,
                clientAddress,
                inputProblems);
    }

    static CleanEntry of(AuditEntry entry) {
        var problems = new ArrayList<String>();
        if (entry == null) {
            problems.add("entry-missing");
            return new CleanEntry(
                    null, null, null, null, UNKNOWN, null, null, UNKNOWN, null, null, null, String.join(",", problems));
        }
        String action = entry.action() == null ? UNKNOWN : entry.action().name();
        if (entry.action() == null) {
            problems.add("action-missing");
        }
        String result = entry.result() == null ? UNKNOWN : entry.result().name();
        if (entry.result() == null) {
            problems.add("result-missing");
        }
        // A name that belongs to no account is only what someone typed, perhaps their phone number.
        String username = text(
                "username",
                entry.userId() == null ? personal("username", entry.username(), problems) : entry.username(),
                USERNAME_MAX,
                problems);
        // Only an attempt may come from nobody known, such as a write refused before sign-in.
        if (username == null && entry.result() == AuditResult.SUCCESS) {
            problems.add("username-missing");
        }
        String purpose = text("purpose", personal("purpose", entry.purpose(), problems), PURPOSE_MAX, problems);
        if (purpose == null && entry.action() != null && entry.action().needsPurpose()) {
            problems.add("purpose-missing");
        }
        return new CleanEntry(
                entry.userId(),
                username,
                text("roles", entry.roles(), ROLES_MAX, problems),
                text("organization", entry.organization(), ORGANIZATION_MAX, problems),
                action,
                text("objectType", entry.objectType(), OBJECT_TYPE_MAX, problems),
                text("objectId", personal("objectId", entry.objectId(), problems), OBJECT_ID_MAX, problems),
                result,
                purpose,
                text("detail", personal("detail", entry.detail(), problems), DETAIL_MAX, problems),
                text("clientAddress", entry.clientAddress(), CLIENT_ADDRESS_MAX, problems),
                problems.isEmpty() ? null : String.join(",", problems));
    }

    /** Free text with its ID and phone numbers masked; a masked number is noted, since the caller should have. */
    static String personal(String field, String value, List<String> problems) {
        String masked = PersonalNumbers.masked(value);
        if (masked != null && !masked.equals(value)) {
            problems.add(field + "-personal-number-masked");
        }
        return masked;
    }

    /**
     * Blank becomes null; control characters and lone surrogates become U+FFFD, since PostgreSQL refuses NUL and
     * the hash must see exactly the text the database keeps; over-long text is cut at a code-point boundary.
     */
    static String text(String field, String value, int max, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        var out = new StringBuilder(Math.min(stripped.length(), max));
        boolean replaced = false;
        int count = 0;
        int i = 0;
        while (i < stripped.length() && count < max) {
            int cp = stripped.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp) || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
                cp = '\uFFFD';
                replaced = true;
            }
            out.appendCodePoint(cp);
            count++;
        }
        if (replaced) {
            problems.add(field + "-control-characters");
        }
        if (i < stripped.length()) {
            problems.add(field + "-truncated");
        }
        return out.toString();
    }
}
