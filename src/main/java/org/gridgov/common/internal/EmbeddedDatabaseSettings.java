package org.gridgov.common.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its data when no external database is configured.
 *
 * @param dataDir data directory; survives restarts
 * @param port TCP port on loopback, 0 for any free port
 * @param ephemeral one throw-away server per JVM and a fresh database per application context (tests)
 */
@ConfigurationProperties("gridgov.embedded-db")
record EmbeddedDatabaseSettings(
        @DefaultValue("./data/pg") String dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("false") boolean ephemeral) {}
