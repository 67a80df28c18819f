package org.gridgov.audit;

/**
 * An audited request under way on one thread, from {@link AuditLog#begin} to {@link AuditLog#complete}: every change
 * it commits carries a copy of its audit record in the same transaction.
 */
public interface PendingAudit {}
