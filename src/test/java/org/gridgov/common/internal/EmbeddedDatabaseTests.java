package org.gridgov.common.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTests {

    @TempDir
    Path temp;

    /** Inside the temporary directory, so that the credentials beside it are removed with it. */
    Path dataDir;

    @BeforeEach
    void dataDirectory() {
        dataDir = temp.resolve("pg");
    }

    @Test
    void durableServerSyncsCommitsAndKeepsDataAcrossRestarts() throws Exception {
        try (var first = start()) {
            var db = first.getPostgresDatabase();
            assertThat(setting(db, "fsync")).isEqualTo("on");
            assertThat(setting(db, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(db, "full_page_writes")).isEqualTo("on");
            try (var c = db.getConnection();
                    var s = c.createStatement()) {
                s.execute("create table kept (v text)");
                s.execute("insert into kept values ('survives')");
            }
        }
        try (var second = start();
                var c = second.getPostgresDatabase().getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("survives");
        }
    }

    @Test
    void stoppingTheApplicationStopsItsDurableServer() throws Exception {
        var server = new EmbeddedDatabaseConfiguration().embeddedServer(settings());
        var db = server.admin("postgres");
        try (var c = db.getConnection()) {
            assertThat(c.isValid(5)).isTrue();
        }
        server.close();
        assertThatThrownBy(db::getConnection).isInstanceOf(SQLException.class);
    }

    @Test
    void everyLoginNeedsThePasswordKeptPrivatelyBesideTheData() throws Exception {
        var configuration = new EmbeddedDatabaseConfiguration();
        try (var server = configuration.embeddedServer(settings());
                var app = configuration.dataSource(server, settings())) {
            Path file = temp.resolve("pg-credentials");
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            var stored = EmbeddedDatabaseCredentials.read(file).orElseThrow();
            int port = server.postgres().getPort();

            for (String user : new String[] {"postgres", EmbeddedDatabaseRoles.APP}) {
                assertThatThrownBy(() -> DriverManager.getConnection(url(port), user, "wrong"))
                        .as(user)
                        .hasMessageContaining("password authentication failed");
                assertThatThrownBy(() -> DriverManager.getConnection(url(port) + "?user=" + user))
                        .as(user)
                        .isInstanceOf(SQLException.class);
            }
            try (var c = DriverManager.getConnection(url(port), "postgres", stored.adminPassword())) {
                assertThat(c.isValid(5)).isTrue();
            }
            try (var c = app.getConnection();
                    var s = c.createStatement();
                    var rs = s.executeQuery(
                            "select current_user, rolsuper from pg_roles where rolname = current_user")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(EmbeddedDatabaseRoles.APP);
                assertThat(rs.getBoolean(2)).isFalse();
            }
        }
    }

    @Test
    void aDataDirectoryThatTrustedLocalLoginsGetsPasswordsAndKeepsItsData() throws Exception {
        // As the platform made its data directories before it used passwords.
        try (var old = start();
                var c = old.getPostgresDatabase().getConnection();
                var s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('survives')");
        }

        try (var server = new EmbeddedDatabaseConfiguration().embeddedServer(settings())) {
            int port = server.postgres().getPort();
            assertThatThrownBy(() -> DriverManager.getConnection(url(port) + "?user=postgres"))
                    .isInstanceOf(SQLException.class);
            var stored = EmbeddedDatabaseCredentials.read(temp.resolve("pg-credentials"))
                    .orElseThrow();
            try (var c = DriverManager.getConnection(url(port), "postgres", stored.adminPassword());
                    var s = c.createStatement();
                    var rs = s.executeQuery("select v from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("survives");
            }
        }
    }

    @Test
    void aServerLeftRunningOnTheDataDirectoryIsStoppedAndTheNextOneStarts() throws Exception {
        // A server nobody will stop, as after its JVM was killed.
        var orphan = start();
        var leftover =
                EmbeddedDatabaseLeftover.read(dataDir.resolve("postmaster.pid")).orElseThrow();
        var process = ProcessHandle.of(leftover.pid()).orElseThrow();
        assertThat(leftover.port()).isEqualTo(orphan.getPort());

        EmbeddedDatabaseLeftover.stopAny(dataDir, Duration.ofSeconds(30));

        assertThat(EmbeddedDatabaseLeftover.gone(process)).isTrue();
        assertThatThrownBy(() -> orphan.getPostgresDatabase().getConnection()).isInstanceOf(SQLException.class);
    }

    @Test
    void aPidFileOfAProcessThatIsNoPostmasterIsRemoved() throws Exception {
        Files.createDirectories(dataDir);
        Path pidFile = dataDir.resolve("postmaster.pid");
        // This JVM: alive, but started long before any such file would have been written.
        Files.writeString(
                pidFile,
                ProcessHandle.current().pid() + "\n" + dataDir + "\n1000000000\n5432\n/tmp\nlocalhost\n0 0\nready\n");

        EmbeddedDatabaseLeftover.stopAny(dataDir, Duration.ofSeconds(5));

        assertThat(pidFile).doesNotExist();
    }

    private EmbeddedDatabaseSettings settings() {
        return new EmbeddedDatabaseSettings(dataDir.toString(), 0, false);
    }

    private static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    private EmbeddedPostgres start() throws Exception {
        return EmbeddedDatabaseConfiguration.durable(
                        EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false))
                .start();
    }

    private static String setting(DataSource db, String name) throws SQLException {
        try (var c = db.getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
