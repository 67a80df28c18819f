/**
 * The security audit log: logins, permission changes, writes, unmasked views of personal data and exports, kept
 * append-only and hash-chained so that a changed or removed record is detected (GB/T 22239-2019 level 3).
 *
 * <p>Records are kept at least six months (Cybersecurity Law, art. 21); this module has deliberately no delete
 * path, and archiving older records is a database-administration task: export them with the hash of the last one
 * exported, then remove them with the triggers bypassed; verification then starts from that hash and reports it as
 * {@code startHash}. The platform's database role holds only {@code select} and {@code insert} on the table, which
 * belongs to another role (docs/SECURITY.md), and triggers refuse update, delete and truncate to its owner too.
 *
 * <p>A request's record is begun before it runs and each change it commits carries a copy in the same transaction
 * ({@link org.gridgov.audit.AuditLog#begin}), so that no committed change goes unaudited when the platform stops.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "common")
package org.gridgov.audit;
