package org.gridgov.common.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A postmaster an earlier run left on the data directory, as when that run's JVM was killed: it still holds
 * {@code postmaster.pid}, so no new server can start on the directory until it is gone.
 *
 * @param pid the postmaster's process id (line 1 of the pid file)
 * @param port the port it listens on (line 4)
 */
record EmbeddedDatabaseLeftover(long pid, int port) {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseLeftover.class);

    /** The pid file's start time and the process's may differ by the time the server took to write it. */
    private static final Duration START_TOLERANCE = Duration.ofSeconds(10);

    /**
     * Stops a postmaster left running on {@code dataDir}, if any, and waits until it is gone. A pid file whose
     * process is no postmaster (its number reused after a reboot) is removed, since PostgreSQL would refuse to start
     * beside a live process of that number.
     *
     * @throws IllegalStateException when the postmaster does not end within {@code wait}
     */
    static void stopAny(Path dataDir, Duration wait) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        var leftover = read(pidFile);
        if (leftover.isEmpty()) {
            return;
        }
        long pid = leftover.get().pid();
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            // A dead server's pid file: PostgreSQL itself recognises and replaces it.
            return;
        }
        if (!isPostmasterOf(process.get(), pidFile)) {
            log.warn("Removing {}: its process {} is not a PostgreSQL server of this directory", pidFile, pid);
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn(
                "An embedded PostgreSQL (pid {}, port {}) was left running on {} by an earlier run; stopping it",
                pid,
                leftover.get().port(),
                dataDir);
        // SIGINT is PostgreSQL's fast shutdown: open transactions roll back, everything committed stays.
        signal(pid, "INT");
        if (!awaitExit(process.get(), wait)) {
            // SIGQUIT is the immediate shutdown; the next start recovers from the write-ahead log.
            log.warn("The left-over PostgreSQL {} did not stop within {}; stopping it at once", pid, wait);
            signal(pid, "QUIT");
            if (!awaitExit(process.get(), wait)) {
                throw new IllegalStateException("The PostgreSQL server " + pid + " left on " + dataDir
                        + " does not stop; end it by hand before starting the platform again");
            }
        }
    }

    static Optional<EmbeddedDatabaseLeftover> read(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        try {
            long pid = Long.parseLong(lines.getFirst().strip());
            int port = lines.size() > 3 ? Integer.parseInt(lines.get(3).strip()) : -1;
            return Optional.of(new EmbeddedDatabaseLeftover(pid, port));
        } catch (RuntimeException e) {
            // A server that crashed while writing the file; PostgreSQL deals with it.
            return Optional.empty();
        }
    }

    /**
     * Whether the live process is the server that wrote the pid file: its start time (line 3) matches the process's,
     * or, where the start time cannot be read, the process runs a {@code postgres} binary.
     */
    private static boolean isPostmasterOf(ProcessHandle process, Path pidFile) throws IOException {
        var info = process.info();
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() > 2 && info.startInstant().isPresent()) {
            try {
                var written = Instant.ofEpochSecond(Long.parseLong(lines.get(2).strip()));
                return Duration.between(info.startInstant().get(), written)
                                .abs()
                                .compareTo(START_TOLERANCE)
                        <= 0;
            } catch (NumberFormatException e) {
                // fall through to the command name
            }
        }
        return info.command().map(c -> c.endsWith("/postgres")).orElse(true);
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            var kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while signalling PostgreSQL " + pid, e);
        }
    }

    /** Polls rather than waits on {@code onExit}: a server that ended may stay a zombie until its parent reaps it. */
    private static boolean awaitExit(ProcessHandle process, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!gone(process)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return gone(process);
            }
        }
        return true;
    }

    /** Ended, or a zombie (state {@code Z} in {@code /proc/<pid>/stat}), which holds nothing any more. */
    static boolean gone(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            int afterName = stat.lastIndexOf(')');
            return afterName > 0 && stat.length() > afterName + 2 && stat.charAt(afterName + 2) == 'Z';
        } catch (IOException e) {
            return !process.isAlive();
        }
    }
}
