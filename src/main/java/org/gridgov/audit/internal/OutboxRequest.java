package org.gridgov.audit.internal;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.audit.PendingAudit;

/** A request under way: the record to copy into each committing transaction, and the rows already written. */
final class OutboxRequest implements PendingAudit {

    private final CleanEntry provisional;
    private final String countyCode;
    private final Thread thread;
    private final List<OutboxKey> written = new ArrayList<>();

    OutboxRequest(CleanEntry provisional) {
        this.provisional = provisional;
        this.countyCode = countyOf(provisional.organization());
        this.thread = Thread.currentThread();
    }

    CleanEntry provisional() {
        return provisional;
    }

    String countyCode() {
        return countyCode;
    }

    Thread thread() {
        return thread;
    }

    synchronized void written(OutboxKey key) {
        written.add(key);
    }

    synchronized List<OutboxKey> written() {
        return List.copyOf(written);
    }

    /** Organization codes start with their region's code, whose first six digits are the county's. */
    static String countyOf(String organization) {
        if (organization != null
                && organization.length() >= 6
                && organization.substring(0, 6).matches("\\d{6}")) {
            return organization.substring(0, 6);
        }
        return "000000";
    }
}
