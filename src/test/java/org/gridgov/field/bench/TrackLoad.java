package org.gridgov.field.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.gridgov.BenchClient;

/**
 * Load for {@code bench/track-points.sh}: many virtual grid workers on patrol, each with its own account and bearer
 * token (made by the script as {@code bench-<user id>}), each sending one track point every {@code interval} seconds
 * through {@code POST /api/patrols/mine/{id}/points}, their sends spread evenly over the interval (open loop: latency
 * counts from each send's scheduled moment, so a slow server cannot hide its queue). First the same schedule of
 * {@code GET /api/auth/me} as the baseline (authentication and HTTP alone), then the uploads; afterwards a supervisor
 * reads whole days of tracks, one worker's day at a time.
 *
 * <p>Arguments: base URL, seconds, interval seconds, file of "user id,grid code,lon,lat" lines, day-track user ids
 * (comma separated).
 */
public final class TrackLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    record Worker(long userId, String grid, double lon, double lat, String token) {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int seconds = Integer.parseInt(args[1]);
        int interval = Integer.parseInt(args[2]);
        var workers = new ArrayList<Worker>();
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[3]))) {
            if (line.isBlank()) {
                continue;
            }
            var f = line.split(",");
            long id = Long.parseLong(f[0]);
            workers.add(new Worker(id, f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), "bench-" + id));
        }
        double rate = workers.size() / (double) interval;
        System.out.printf(
                "%d virtual workers, a point each every %d s: %.0f points/s offered%n", workers.size(), interval, rate);

        // Each worker starts its patrol (not timed).
        var patrols = new long[workers.size()];
        var pattern = Pattern.compile("\"id\":(\\d+)");
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var starts = new ArrayList<java.util.concurrent.Future<?>>();
            var gate = new java.util.concurrent.Semaphore(32);
            for (int i = 0; i < workers.size(); i++) {
                int n = i;
                starts.add(pool.submit(() -> {
                    gate.acquire();
                    try {
                        var w = workers.get(n);
                        String body = send(
                                        "POST",
                                        base + "/api/patrols/mine",
                                        w.token(),
                                        "{\"requestId\":\"bench-" + UUID.randomUUID() + "\",\"gridCode\":\"" + w.grid()
                                                + "\"}")
                                .body();
                        var m = pattern.matcher(body);
                        if (!m.find()) {
                            throw new IllegalStateException("no patrol started: " + body);
                        }
                        patrols[n] = Long.parseLong(m.group(1));
                    } finally {
                        gate.release();
                    }
                    return null;
                }));
            }
            for (var f : starts) {
                f.get();
            }
        }

        var warm = openLoop(workers, patrols, base, Math.min(20, seconds), interval, false, new long[workers.size()]);
        var baseline = openLoop(workers, patrols, base, seconds, interval, false, new long[workers.size()]);
        report("baseline GET /api/auth/me", baseline, seconds);
        var seqs = new long[workers.size()];
        openLoop(workers, patrols, base, Math.min(20, seconds), interval, true, seqs);
        var uploads = openLoop(workers, patrols, base, seconds, interval, true, seqs);
        report("POST /api/patrols/mine/{id}/points", uploads, seconds);
        System.out.printf(
                "ratio of p50 upload to p50 baseline: %.2f; of p99: %.2f (warm-up %d requests not counted)%n",
                pct(uploads.latencies, 0.5) / pct(baseline.latencies, 0.5),
                pct(uploads.latencies, 0.99) / pct(baseline.latencies, 0.99),
                warm.latencies.size());

        // One worker's whole day, as a supervisor reads it: the day's patrols, then each one's track.
        String supervisor = BenchClient.token(HTTP, base, "county.operator");
        String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        var reads = new ArrayList<Double>();
        long points = 0;
        for (int round = 0; round < 3; round++) {
            for (String user : args[4].split(",")) {
                long t0 = System.nanoTime();
                String list = BenchClient.get(HTTP, base + "/api/patrols?userId=" + user + "&day=" + day, supervisor);
                var ids = pattern.matcher(list);
                while (ids.find()) {
                    String track = BenchClient.get(HTTP, base + "/api/patrols/" + ids.group(1) + "/track", supervisor);
                    if (round == 0) {
                        points += track.split("\"seq\"").length - 1;
                    }
                }
                if (round > 0) {
                    reads.add((System.nanoTime() - t0) / 1e6);
                }
            }
        }
        Collections.sort(reads);
        System.out.printf(
                "day track of one worker (%d workers, %d points in all, 2 rounds after a warm one): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                args[4].split(",").length, points, pct(reads, 0.5), pct(reads, 0.99), pct(reads, 1.0));
    }

    record Run(List<Double> latencies, long failed) {}

    private static void report(String what, Run run, int seconds) {
        Collections.sort(run.latencies);
        System.out.printf(
                "%s: %d ok in %d s = %.0f/s, %d failed; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                what,
                run.latencies.size(),
                seconds,
                run.latencies.size() / (double) seconds,
                run.failed,
                pct(run.latencies, 0.5),
                pct(run.latencies, 0.99),
                pct(run.latencies, 1.0));
    }

    /** Every worker sends once per interval at its own offset, for {@code seconds}; uploads or baseline reads. */
    private static Run openLoop(
            List<Worker> workers, long[] patrols, String base, int seconds, int interval, boolean upload, long[] seqs)
            throws InterruptedException {
        var latencies = new ConcurrentLinkedQueue<Double>();
        var failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long slot = interval * 1_000_000_000L / workers.size();
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < workers.size(); i++) {
            int n = i;
            threads.add(Thread.ofVirtual().start(() -> {
                var w = workers.get(n);
                for (long scheduled = start + n * slot; scheduled < end; scheduled += interval * 1_000_000_000L) {
                    long wait = scheduled - System.nanoTime();
                    if (wait > 0) {
                        try {
                            Thread.sleep(Duration.ofNanos(wait));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    int status;
                    if (upload) {
                        long seq = seqs[n]++;
                        double east = seq * 0.0003;
                        String body = String.format(
                                "{\"points\":[{\"seq\":%d,\"recordedAt\":\"%s\",\"lon\":%.7f,\"lat\":%.7f,\"accuracy\":8}]}",
                                seq,
                                Instant.now(),
                                w.lon() + (seq % 20 < 10 ? east % 0.003 : 0.003 - east % 0.003),
                                w.lat());
                        status = send("POST", base + "/api/patrols/mine/" + patrols[n] + "/points", w.token(), body)
                                .statusCode();
                    } else {
                        status = send("GET", base + "/api/auth/me", w.token(), null)
                                .statusCode();
                    }
                    if (status == 200) {
                        latencies.add((System.nanoTime() - scheduled) / 1e6);
                    } else {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (var t : threads) {
            t.join();
        }
        return new Run(new ArrayList<>(latencies), failed.get());
    }

    private static HttpResponse<String> send(String method, String url, String token, String body) {
        var request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return new Failed();
        }
    }

    private static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    /** A request that got no answer. */
    private static final class Failed implements HttpResponse<String> {
        public int statusCode() {
            return -1;
        }

        public HttpRequest request() {
            return null;
        }

        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true);
        }

        public String body() {
            return "";
        }

        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        public URI uri() {
            return null;
        }

        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
