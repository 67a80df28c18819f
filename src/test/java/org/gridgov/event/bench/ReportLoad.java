package org.gridgov.event.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
 * Load for {@code bench/report-throughput.sh}: reports events through the real HTTP API with a bearer token. First
 * closed-loop at a fixed concurrency for the maximum rate, then open-loop at half of it, measuring latency from each
 * request's scheduled start (so a stalled server cannot hide its queueing).
 *
 * <p>Arguments: base URL, seconds per phase, concurrency.
 */
public final class ReportLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int seconds = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        String token = BenchClient.token(HTTP, base, "grid.worker");
        String grid = BenchClient.get(HTTP, base + "/api/grids/421381101001101", token);
        var label = Pattern.compile("\"labelPoint\":\\[([0-9.]+),([0-9.]+)]").matcher(grid);
        if (!label.find()) {
            throw new IllegalStateException("no label point in " + grid);
        }
        String lon = label.group(1);
        String lat = label.group(2);

        // Warm-up long enough for the JIT compilers to finish with the request path, then the closed loop.
        closedLoop(base, token, lon, lat, Math.max(15, seconds), concurrency);
        long done = closedLoop(base, token, lon, lat, seconds, concurrency);
        double max = done / (double) seconds;
        System.out.printf(
                "closed-loop: %d reports in %d s with %d clients = %.0f reports/s%n", done, seconds, concurrency, max);

        double rate = max / 2;
        var latencies = openLoop(base, token, lon, lat, seconds, rate);
        Collections.sort(latencies);
        System.out.printf(
                "open-loop at %.0f reports/s: %d requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                rate, latencies.size(), pct(latencies, 0.50), pct(latencies, 0.99), pct(latencies, 1.0));
    }

    private static long closedLoop(String base, String token, String lon, String lat, int seconds, int concurrency)
            throws InterruptedException {
        var count = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < concurrency; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    if (report(base, token, lon, lat) == 201) {
                        count.incrementAndGet();
                    }
                }
            }));
        }
        for (var t : threads) {
            t.join();
        }
        return count.get();
    }

    private static List<Double> openLoop(String base, String token, String lon, String lat, int seconds, double rate)
            throws InterruptedException {
        var latencies = new ConcurrentLinkedQueue<Double>();
        long interval = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        long total = (long) (rate * seconds);
        var threads = new ArrayList<Thread>();
        for (long i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            threads.add(Thread.ofVirtual().start(() -> {
                int status = report(base, token, lon, lat);
                if (status == 201) {
                    latencies.add((System.nanoTime() - scheduled) / 1e6);
                }
            }));
        }
        for (var t : threads) {
            t.join();
        }
        return new ArrayList<>(latencies);
    }

    private static int report(String base, String token, String lon, String lat) {
        String body = "{\"requestId\":\"" + UUID.randomUUID() + "\",\"title\":\"压测上报\",\"categoryCode\":\"0110\","
                + "\"lon\":" + lon + ",\"lat\":" + lat + "}";
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/events"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }
}
