package org.gridgov.common.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Starts an embedded PostgreSQL when {@code spring.datasource.url} is not set, so that the platform runs on a bare
 * machine; production points {@code spring.datasource.*} at a real server and this configuration stays off.
 *
 * <p>The server asks every login for a password (kept in {@code <data dir>-credentials}); the platform connects as
 * the role {@value EmbeddedDatabaseRoles#APP}, which is no superuser and may not change the audit log
 * ({@link EmbeddedDatabaseRoles}); migrations run as the superuser. A server an earlier, killed run left on the data
 * directory is stopped before the new one starts, and a watchdog stops the server when this JVM dies.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    private static final AtomicInteger testDatabases = new AtomicInteger();
    private static final Duration LEFTOVER_STOP_WAIT = Duration.ofSeconds(30);
    private static EmbeddedServer sharedTestServer;
    private static int testServerUsers;

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(EmbeddedDatabaseSettings settings) throws IOException {
        if (settings.ephemeral()) {
            return acquireTestServer();
        }
        Path dir = Path.of(settings.dataDir()).toAbsolutePath().normalize();
        Files.createDirectories(dir);
        return startDurable(dir, settings.port());
    }

    /** The platform's connections: the application role on the application's database. */
    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(EmbeddedServer server, EmbeddedDatabaseSettings settings) {
        String database = "postgres";
        if (settings.ephemeral()) {
            database = "gridgov_test_" + testDatabases.incrementAndGet();
            createDatabase(server.postgres(), database);
        }
        EmbeddedDatabaseRoles.prepareDatabase(server.admin(database), database);
        var ds = new HikariDataSource();
        ds.setJdbcUrl(server.postgres().getJdbcUrl(EmbeddedDatabaseRoles.APP, database));
        ds.setUsername(EmbeddedDatabaseRoles.APP);
        ds.setPassword(server.credentials().appPassword());
        ds.setMaximumPoolSize(10);
        ds.setPoolName("gridgov-embedded");
        return ds;
    }

    /**
     * The superuser on the application's database, for Flyway alone: never injected by type, so no other part of
     * the platform can reach it.
     */
    @Bean(defaultCandidate = false)
    @FlywayDataSource
    DataSource embeddedAdminDataSource(EmbeddedServer server, HikariDataSource dataSource) {
        String url = dataSource.getJdbcUrl();
        String database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        return server.admin(database);
    }

    /** After every migration, hands the new tables to the application role and keeps the audit log out of its reach. */
    @Bean
    Callback embeddedDatabaseRoles() {
        return new Callback() {
            @Override
            public boolean supports(Event event, Context context) {
                return event == Event.AFTER_MIGRATE;
            }

            @Override
            public boolean canHandleInTransaction(Event event, Context context) {
                return true;
            }

            @Override
            public void handle(Event event, Context context) {
                try {
                    EmbeddedDatabaseRoles.secureAfterMigration(context.getConnection());
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot secure the migrated schema", e);
                }
            }

            @Override
            public String getCallbackName() {
                return "embedded-database-roles";
            }
        };
    }

    private static EmbeddedServer startDurable(Path dir, int port) throws IOException {
        EmbeddedDatabaseLeftover.stopAny(dir, LEFTOVER_STOP_WAIT);
        Path credentialsFile = EmbeddedDatabaseCredentials.fileFor(dir);
        var stored = EmbeddedDatabaseCredentials.read(credentialsFile);
        boolean fresh = !Files.exists(dir.resolve("postgresql.conf"));
        if (stored.isEmpty() && !fresh && !trustsLocalLogins(dir)) {
            throw new IllegalStateException("The embedded database in " + dir + " asks for passwords, but "
                    + credentialsFile + " is missing: restore it from the backup");
        }
        var credentials = stored.orElseGet(EmbeddedDatabaseCredentials::generate);
        if (stored.isEmpty()) {
            credentials.write(credentialsFile);
        }
        log.info("Starting embedded PostgreSQL with data in {}", dir);
        var builder = durable(EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false))
                .setPort(port);
        return start(builder, credentials, dir, fresh);
    }

    private static boolean trustsLocalLogins(Path dir) throws IOException {
        Path hba = dir.resolve("pg_hba.conf");
        return Files.exists(hba)
                && Files.readAllLines(hba).stream()
                        .map(String::strip)
                        .anyMatch(line -> !line.startsWith("#") && line.endsWith("trust"));
    }

    /**
     * Starts the server; a fresh data directory is made with password authentication, an older one that trusted
     * local logins gets its passwords set and then its rules changed.
     */
    private static EmbeddedServer start(
            EmbeddedPostgres.Builder builder, EmbeddedDatabaseCredentials credentials, Path dir, boolean fresh)
            throws IOException {
        Path passwordFile = credentials.adminPasswordFile();
        EmbeddedPostgres postgres;
        try {
            if (fresh) {
                // Passed to initdb as --name=value, after zonky's own "-A trust", which they override.
                builder.setLocaleConfig("auth-local", "scram-sha-256")
                        .setLocaleConfig("auth-host", "scram-sha-256")
                        .setLocaleConfig("pwfile", passwordFile.toString());
            }
            postgres = builder.setConnectConfig("password", credentials.adminPassword())
                    .start();
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        EmbeddedDatabaseWatchdog watchdog = null;
        try {
            watchdog = EmbeddedDatabaseWatchdog.watch(postmasterPid(dir));
            var server = new EmbeddedServer(postgres, credentials, watchdog, false);
            EmbeddedDatabaseRoles.createRoles(server.admin("postgres"), credentials);
            if (EmbeddedDatabaseRoles.requirePasswords(dir)) {
                EmbeddedDatabaseRoles.reloadConfiguration(server.admin("postgres"));
            }
            return server;
        } catch (RuntimeException | IOException e) {
            if (watchdog != null) {
                watchdog.close();
            }
            postgres.close();
            throw e;
        }
    }

    private static long postmasterPid(Path dir) throws IOException {
        return EmbeddedDatabaseLeftover.read(dir.resolve("postmaster.pid"))
                .orElseThrow(() -> new IllegalStateException("The embedded PostgreSQL wrote no postmaster.pid"))
                .pid();
    }

    /**
     * Zonky's defaults trade durability for test speed (fsync and synchronous commit off); a platform that keeps
     * people's data must not lose a committed write on a power cut.
     */
    static EmbeddedPostgres.Builder durable(EmbeddedPostgres.Builder builder) {
        // Spring stops the server after the connection pool; zonky's own shutdown hook would race with that.
        return builder.setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("timezone", "UTC")
                .setPGStartupWait(Duration.ofSeconds(60));
    }

    /**
     * The test server is shared by every application context of the JVM and stopped when the last one closes, after
     * that context's connection pool; a JVM shutdown hook of its own would race with Spring's.
     */
    private static synchronized EmbeddedServer acquireTestServer() throws IOException {
        if (sharedTestServer == null) {
            Path dir = Files.createTempDirectory("gridgov-test-pg");
            // Throw-away data: durability settings would only slow the tests down.
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("timezone", "UTC")
                    .setPGStartupWait(Duration.ofSeconds(60));
            sharedTestServer = start(builder, EmbeddedDatabaseCredentials.generate(), dir, true);
        }
        testServerUsers++;
        return sharedTestServer.asShared();
    }

    private static synchronized void releaseTestServer() {
        if (--testServerUsers == 0) {
            sharedTestServer.close();
            sharedTestServer = null;
        }
    }

    private static void createDatabase(EmbeddedPostgres postgres, String name) {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            // The name is generated here from a counter, never from input.
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
    }

    /**
     * The running server, stopped with the context (watchdog first, so that it does not signal a server being
     * stopped on purpose); the shared test server only when its last context closes.
     */
    record EmbeddedServer(
            EmbeddedPostgres postgres,
            EmbeddedDatabaseCredentials credentials,
            EmbeddedDatabaseWatchdog watchdog,
            boolean shared)
            implements AutoCloseable {

        EmbeddedServer asShared() {
            return new EmbeddedServer(postgres, credentials, watchdog, true);
        }

        /** The superuser on one database. */
        DataSource admin(String database) {
            return postgres.getDatabase("postgres", database, Map.of("password", credentials.adminPassword()));
        }

        @Override
        public void close() {
            if (shared) {
                releaseTestServer();
                return;
            }
            watchdog.close();
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
