package org.gridgov.audit.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit log.
 *
 * @param outboxGrace how old an outbox row must be before the sweep takes it for one a crash left behind: longer than
 *     any request takes from its first commit to its end, or a slow request is recorded twice
 */
@ConfigurationProperties("gridgov.audit")
record AuditSettings(@DefaultValue("5m") Duration outboxGrace) {}
