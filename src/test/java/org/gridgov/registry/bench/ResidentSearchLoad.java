package org.gridgov.registry.bench;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.gridgov.BenchClient;

/**
 * Load for {@code bench/registry-search.sh}: one request at a time as the county operator (scope: the whole county),
 * first finding residents by ID number — numbers made the way bench/registry-search.sql made them — then by a
 * two-character fragment of a name. Prints the median, 99th percentile and maximum of each.
 */
public final class ResidentSearchLoad {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英建华志海燕子涵浩然雨桐欣怡文博宇晨佳";
    private static final String THIRD = "国荣兰梅辉鹏飞玲红林斌波琴云亮莉刚峰婷慧";

    private ResidentSearchLoad() {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long rows = Long.parseLong(args[1]);
        int requests = Integer.parseInt(args[2]);
        var http = HttpClient.newHttpClient();
        String token = BenchClient.token(http, base, "county.operator");
        var random = new Random(7);

        // Warm-up on numbers not measured, so the first measured requests do not pay for class loading and JIT.
        for (int i = 0; i < 500; i++) {
            find(http, base, token, "idNumber", idNumber(random.nextLong(rows)));
        }
        var byId = new ArrayList<Double>();
        int found = 0;
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            String body = find(http, base, token, "idNumber", idNumber(random.nextLong(rows)));
            byId.add((System.nanoTime() - t0) / 1e6);
            if (body.contains("\"totalElements\":1")) {
                found++;
            }
        }
        report("find by ID number", byId);
        System.out.printf("  found %d of %d%n", found, requests);

        var byFragment = new ArrayList<Double>();
        for (int i = 0; i < Math.max(50, requests / 10); i++) {
            String fragment =
                    "" + GIVEN.charAt(random.nextInt(GIVEN.length())) + THIRD.charAt(random.nextInt(THIRD.length()));
            long t0 = System.nanoTime();
            find(http, base, token, "nameContains", fragment);
            byFragment.add((System.nanoTime() - t0) / 1e6);
        }
        report("name fragment (2 characters), first page of 20 with the total", byFragment);
    }

    /** The ID number of row i of bench/registry-search.sql. */
    static String idNumber(long i) {
        var birth = LocalDate.of(1940, 1, 1).plusDays(i % 30000);
        String first17 =
                "421381" + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                        + String.format("%03d", (i / 30000) % 1000);
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (first17.charAt(k) - '0') * WEIGHTS[k];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private static String find(HttpClient http, String base, String token, String parameter, String value)
            throws Exception {
        return BenchClient.get(
                http,
                base + "/api/registry/residents?" + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8),
                token);
    }

    private static void report(String what, List<Double> latencies) {
        Collections.sort(latencies);
        System.out.printf(
                "%s: %d requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                what,
                latencies.size(),
                latencies.get(latencies.size() / 2),
                latencies.get((int) Math.floor(latencies.size() * 0.99)),
                latencies.getLast());
    }
}
