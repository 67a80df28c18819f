package org.gridgov.common.internal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Ends the embedded server when the JVM that started it dies, however it dies: a small shell whose standard input is
 * a pipe from this JVM waits for end-of-file, which the kernel delivers when the JVM's end of the pipe closes, even
 * after {@code kill -9}; it then asks the postmaster for a fast shutdown. Without it the server would live on, holding
 * its data directory, and the next start would find it in the way.
 */
final class EmbeddedDatabaseWatchdog implements AutoCloseable {

    /** {@code read} is a shell builtin, so no child of the watchdog outlives it; $0 is the postmaster's pid. */
    private static final String SCRIPT = "while read -r _; do :; done; kill -INT \"$0\" 2>/dev/null";

    private final Process watchdog;

    private EmbeddedDatabaseWatchdog(Process watchdog) {
        this.watchdog = watchdog;
    }

    /** Starts watching; the returned watchdog must be closed before the server is stopped on purpose. */
    static EmbeddedDatabaseWatchdog watch(long postmasterPid) throws IOException {
        var process = new ProcessBuilder("/bin/sh", "-c", SCRIPT, Long.toString(postmasterPid))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new EmbeddedDatabaseWatchdog(process);
    }

    long pid() {
        return watchdog.pid();
    }

    /** Stops the watchdog without letting it signal the server, which the caller then stops itself. */
    @Override
    public void close() {
        watchdog.destroy();
        try {
            if (!watchdog.waitFor(5, TimeUnit.SECONDS)) {
                watchdog.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            watchdog.destroyForcibly();
        }
    }
}
