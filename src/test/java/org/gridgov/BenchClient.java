package org.gridgov;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

/** Sign-in and reads with a bearer token against a running platform, for the load generators under {@code bench/}. */
public final class BenchClient {

    private BenchClient() {}

    /** A bearer token for a demo account (password as in the README). */
    public static String token(HttpClient http, String base, String username) throws Exception {
        String body = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/auth/token"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username
                                        + "\",\"password\":\"" + SignedIn.PASSWORD + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        var m = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("sign-in failed: " + body);
        }
        return m.group(1);
    }

    public static String get(HttpClient http, String url, String token) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
