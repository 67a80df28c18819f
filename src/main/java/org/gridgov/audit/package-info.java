/**
 * The security audit log: logins, permission changes, writes, unmasked views of personal data and exports, kept
 * append-only and hash-chained so that a changed or removed record is detected (GB/T 22239-2019 level 3).
 *
 * <p>Records are kept at least six months (Cybersecurity Law, art. 21); this module has deliberately no delete
 * path, and archiving older records is a database-administration task: export them with the hash of the last one
 * exported, then remove them with the triggers bypassed; verification then starts from that hash and reports it as
 * {@code startHash}. The database refuses update, delete and truncate on the table; production should also run the
 * platform as a role that holds only {@code insert} and {@code select} on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "common")
package org.gridgov.audit;
