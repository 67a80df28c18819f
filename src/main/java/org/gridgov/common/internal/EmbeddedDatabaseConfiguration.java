package org.gridgov.common.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL when {@code spring.datasource.url} is not set, so that the platform runs on a bare
 * machine; production points {@code spring.datasource.*} at a real server and this configuration stays off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    private static final AtomicInteger testDatabases = new AtomicInteger();
    private static EmbeddedPostgres sharedTestServer;
    private static int testServerUsers;

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(EmbeddedDatabaseSettings settings) throws IOException {
        if (settings.ephemeral()) {
            return new EmbeddedServer(acquireTestServer(), true);
        }
        Path dir = Path.of(settings.dataDir()).toAbsolutePath().normalize();
        Files.createDirectories(dir);
        log.info("Starting embedded PostgreSQL with data in {}", dir);
        return new EmbeddedServer(
                durable(EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false))
                        .setPort(settings.port())
                        .start(),
                false);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedServer server, EmbeddedDatabaseSettings settings) {
        String database = "postgres";
        if (settings.ephemeral()) {
            database = "gridgov_test_" + testDatabases.incrementAndGet();
            createDatabase(server.postgres(), database);
        }
        var ds = new HikariDataSource();
        ds.setJdbcUrl(server.postgres().getJdbcUrl("postgres", database));
        ds.setMaximumPoolSize(10);
        ds.setPoolName("gridgov-embedded");
        return ds;
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
    private static synchronized EmbeddedPostgres acquireTestServer() throws IOException {
        if (sharedTestServer == null) {
            // Throw-away data: durability settings would only slow the tests down.
            sharedTestServer = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("timezone", "UTC")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        }
        testServerUsers++;
        return sharedTestServer;
    }

    private static synchronized void releaseTestServer() throws IOException {
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

    /** The running server, stopped with the context; the shared test server only when its last context closes. */
    record EmbeddedServer(EmbeddedPostgres postgres, boolean shared) implements AutoCloseable {
        @Override
        public void close() {
            try {
                if (shared) {
                    releaseTestServer();
                } else {
                    postgres.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
