package org.gridgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform killed with {@code kill -9} under load, as a power cut or an out-of-memory kill would end it: it starts
 * again on the same data directory (on another port), every acknowledged report is there, and every report that was
 * committed has its audit record. Runs the application in child JVMs with the demo accounts and the test keys.
 */
class CrashRestartTests {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** A grid of 站前社区 (杨寨镇) that the demo grid worker covers. */
    private static final String GRID = "421381101001101";

    @TempDir
    Path temp;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws IOException {
        for (var process : started) {
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        // A postmaster is no child of the JVM that started it.
        postmaster().ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void afterAKillUnderLoadThePlatformRestartsWithEveryReportAndEveryAuditRecord() throws Exception {
        int firstPort = freePort();
        Process first = start(firstPort, List.of());
        String base = "http://localhost:" + firstPort;
        String token = BenchClient.token(HTTP, base, "grid.worker");
        String grid = BenchClient.get(HTTP, base + "/api/grids/" + GRID, token);
        var label = Pattern.compile("\"labelPoint\":\\[([0-9.]+),([0-9.]+)]").matcher(grid);
        assertThat(label.find()).as(grid).isTrue();
        String marker = "crash-" + UUID.randomUUID().toString().substring(0, 8);

        var acknowledged = new AtomicLong();
        var stop = new AtomicBoolean();
        var load = new ArrayList<Thread>();
        for (int i = 0; i < 8; i++) {
            load.add(Thread.ofVirtual().start(() -> {
                while (!stop.get()) {
                    if (report(base, token, marker, label.group(1), label.group(2)) == 201) {
                        acknowledged.incrementAndGet();
                    }
                }
            }));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.get() >= 40);
        // The watchdog first, so that the server is orphaned as it was before there was one.
        first.toHandle().children().forEach(ProcessHandle::destroyForcibly);
        first.destroyForcibly();
        first.waitFor();
        long acknowledgedBeforeTheKill = acknowledged.get();
        stop.set(true);
        for (var thread : load) {
            thread.join();
        }
        var orphan = postmaster().orElseThrow();
        assertThat(orphan.isAlive()).as("the server outlived the killed JVM").isTrue();

        Process second = start(freePort(), List.of("--gridgov.audit.outbox-grace=0s"));

        assertThat(orphan.isAlive()).as("the left-over server was stopped").isFalse();
        try (var db = database()) {
            long reports = count(db, "select count(*) from event where title = '" + marker + "'");
            assertThat(reports).isGreaterThanOrEqualTo(acknowledgedBeforeTheKill);
            // The sweep runs at start; rows younger than the grace would wait, and the grace is zero here.
            await().atMost(Duration.ofSeconds(30)).until(() -> count(db, "select count(*) from audit_outbox") == 0);
            long audited = count(
                    db,
                    "select count(*) from audit_log where username = 'grid.worker'"
                            + " and detail like 'POST /api/events %' and result = 'SUCCESS'");
            assertThat(audited).as("audit records of committed reports").isEqualTo(reports);
        }

        // Killed alone, the JVM takes its server with it.
        var server = postmaster().orElseThrow();
        second.destroyForcibly();
        second.waitFor();
        await().atMost(Duration.ofSeconds(30)).until(() -> !server.isAlive());
    }

    private static int report(String base, String token, String title, String lon, String lat) {
        String body = "{\"requestId\":\"" + UUID.randomUUID() + "\",\"title\":\"" + title
                + "\",\"categoryCode\":\"0110\",\"lon\":" + lon + ",\"lat\":" + lat + "}";
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/events"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(20))
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Starts the platform on the test's data directory and waits until it answers its health check. */
    private Process start(int port, List<String> extra) throws IOException {
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                "org.gridgov.GridGovApplication",
                "--server.port=" + port,
                "--spring.profiles.active=demo",
                "--gridgov.embedded-db.ephemeral=false",
                "--gridgov.embedded-db.data-dir=" + temp.resolve("pg"),
                "--gridgov.demo.events=0",
                "--gridgov.demo.resident-grids=1",
                "--logging.level.root=warn"));
        command.addAll(extra);
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("app-" + port + ".log").toFile())
                .start();
        started.add(process);
        String health = "http://localhost:" + port + "/actuator/health";
        await().atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofMillis(500))
                .failFast("the platform stopped; see " + temp, () -> !process.isAlive())
                .until(() -> {
                    try {
                        return HTTP.send(
                                                HttpRequest.newBuilder(URI.create(health))
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
        return process;
    }

    /** The server on the data directory now, from its pid file. */
    private Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = temp.resolve("pg").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        var lines = Files.readAllLines(pidFile);
        return ProcessHandle.of(Long.parseLong(lines.getFirst().strip()));
    }

    /** The superuser on the platform's database, with the password the platform keeps beside its data. */
    private Connection database() throws IOException, SQLException {
        var lines = Files.readAllLines(temp.resolve("pg").resolve("postmaster.pid"));
        var credentials = new Properties();
        try (var in = Files.newBufferedReader(temp.resolve("pg-credentials"))) {
            credentials.load(in);
        }
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + lines.get(3).strip() + "/postgres",
                "postgres",
                credentials.getProperty("admin-password"));
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
