package org.gridgov.audit.internal;

/** One row of the audit outbox. */
record OutboxKey(String countyCode, long id) {}
