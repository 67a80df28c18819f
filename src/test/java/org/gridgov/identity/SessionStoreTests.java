package org.gridgov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gridgov.GridGovApplication;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Browser sessions live in the database, so that any node serves any request: a second application node, started
 * here on the first one's database, honours the first one's sessions, and what ends a session on one ends it on all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionStoreTests {

    private static final String VILLAGE = "/api/regions/421381101001";

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private ConfigurableApplicationContext secondNode;
    private String one;
    private String two;

    @BeforeAll
    void startASecondNodeOnTheSameDatabase() {
        // As command-line arguments, so that they win over the tests' own configuration.
        var arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + dataSource.getJdbcUrl(),
                // The first node has set up the schema and the data; the second only serves, as the platform's
                // own database role, which may not change the schema.
                "--gridgov.demo.enabled=false",
                "--spring.flyway.enabled=false",
                // A plain-HTTP trial (reached by a LAN address without TLS) lets its cookies through without Secure.
                "--server.servlet.session.cookie.secure=false"));
        if (dataSource.getUsername() != null) {
            arguments.add("--spring.datasource.username=" + dataSource.getUsername());
        }
        if (dataSource.getPassword() != null) {
            arguments.add("--spring.datasource.password=" + dataSource.getPassword());
        }
        secondNode = new SpringApplicationBuilder(GridGovApplication.class).run(arguments.toArray(String[]::new));
        one = "http://localhost:" + port;
        two = "http://localhost:"
                + ((WebServerApplicationContext) secondNode).getWebServer().getPort();
    }

    @AfterAll
    void stopTheSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void aSessionMadeOnOneNodeIsHonouredByAnotherSharingTheDatabase() throws Exception {
        var browser = new Browser();
        var csrf = browser.get(one, "/api/auth/csrf");
        assertThat(browser.setCookie(csrf, "XSRF-TOKEN"))
                .contains("Secure", "SameSite=Strict")
                .doesNotContain("HttpOnly");
        assertThat(csrf.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(csrf.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(p -> assertThat(p).contains("default-src 'self'"));
        var signIn = browser.signIn(one, "grid.leader", SignedIn.PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(browser.setCookie(signIn, "SESSION"))
                .contains("Secure", "HttpOnly", "SameSite=Strict")
                .doesNotContain("Max-Age", "Expires");
        assertThat(jdbc.sql(
                                "select max(max_inactive_interval) from spring_session where principal_name = 'grid.leader'")
                        .query(Integer.class)
                        .single())
                .as("30 idle minutes")
                .isEqualTo(1800);

        var onTwo = browser.get(two, "/api/auth/me");
        assertThat(onTwo.statusCode()).isEqualTo(200);
        assertThat(onTwo.body()).contains("\"username\":\"grid.leader\"");
        assertThat(browser.get(two, VILLAGE).statusCode()).isEqualTo(200);

        // Signing out on the second node ends the session on the first.
        assertThat(browser.post(two, "/api/auth/logout", "application/x-www-form-urlencoded", "")
                        .statusCode())
                .isEqualTo(204);
        assertThat(browser.get(one, "/api/auth/me").statusCode()).isEqualTo(401);
    }

    @Test
    void aPlainHttpTrialSendsBothCookiesWithoutSecureSoThatTheConsoleCanStillWrite() throws Exception {
        var browser = new Browser();
        var csrf = browser.get(two, "/api/auth/csrf");
        assertThat(browser.setCookie(csrf, "XSRF-TOKEN"))
                .contains("SameSite=Strict")
                .doesNotContain("Secure", "HttpOnly");
        var signIn = browser.signIn(two, "grid.leader", SignedIn.PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(browser.setCookie(signIn, "SESSION"))
                .contains("HttpOnly", "SameSite=Strict")
                .doesNotContain("Secure");
    }

    @Test
    void aPasswordChangeEndsTheAccountsOtherSessionsAndTokensOnEveryNodeButNotTheCallers() throws Exception {
        String username = Accounts.unique("nodes");
        createAccount(username);
        var changer = new Browser();
        assertThat(changer.signIn(one, username, "Initial#Pass1").statusCode()).isEqualTo(200);
        assertThat(changer.changePassword(one, "Initial#Pass1", "Changed#Pass2").statusCode())
                .isEqualTo(204);

        var other = new Browser();
        assertThat(other.signIn(two, username, "Changed#Pass2").statusCode()).isEqualTo(200);
        assertThat(other.get(one, VILLAGE).statusCode()).isEqualTo(200);
        var tokens = new Browser()
                .post(
                        two,
                        "/api/auth/token",
                        "application/json",
                        "{\"username\":\"" + username + "\",\"password\":\"Changed#Pass2\"}");
        assertThat(tokens.statusCode()).isEqualTo(200);
        String access = com.jayway.jsonpath.JsonPath.read(tokens.body(), "$.accessToken");
        assertThat(new Browser().get(one, VILLAGE, "Bearer " + access).statusCode())
                .isEqualTo(200);

        assertThat(changer.changePassword(one, "Changed#Pass2", "Third#Pass33").statusCode())
                .isEqualTo(204);
        assertThat(other.get(two, VILLAGE).statusCode()).isEqualTo(401);
        assertThat(other.get(one, VILLAGE).statusCode()).isEqualTo(401);
        assertThat(new Browser().get(two, VILLAGE, "Bearer " + access).statusCode())
                .isEqualTo(401);
        assertThat(changer.get(two, VILLAGE).statusCode()).isEqualTo(200);
    }

    @Test
    void aResetByAnAdministratorEndsEverySessionOfTheAccount() throws Exception {
        String username = Accounts.unique("nodereset");
        long id = createAccount(username);
        var browser = new Browser();
        assertThat(browser.signIn(two, username, "Initial#Pass1").statusCode()).isEqualTo(200);
        assertThat(browser.get(two, "/api/auth/me").statusCode()).isEqualTo(200);

        var admin = new Browser();
        assertThat(admin.signIn(one, "admin", SignedIn.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(admin.post(
                                one,
                                "/api/users/" + id + "/password-reset",
                                "application/json",
                                "{\"password\":\"Reset#Pass3\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(browser.get(two, "/api/auth/me").statusCode()).isEqualTo(401);
        assertThat(browser.get(one, "/api/auth/me").statusCode()).isEqualTo(401);
    }

    /**
     * A new account of 杨寨镇 as a grid leader, made over HTTP by the administrators (MockMvc's CSRF support would
     * replace the node's CSRF cookie repository for the rest of the test).
     */
    private long createAccount(String username) throws Exception {
        var admin = new Browser();
        assertThat(admin.signIn(one, "admin", SignedIn.PASSWORD).statusCode()).isEqualTo(200);
        var created = admin.post(
                one,
                "/api/users",
                "application/json",
                "{\"username\":\"" + username + "\",\"realName\":\"测试\",\"scopeCode\":\"421381101\","
                        + "\"initialPassword\":\"Initial#Pass1\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(created.body(), "$.id")).longValue();
        var secadmin = new Browser();
        assertThat(secadmin.signIn(one, "secadmin", SignedIn.PASSWORD).statusCode())
                .isEqualTo(200);
        assertThat(secadmin.put(one, "/api/users/" + id + "/roles", "{\"roles\":[\"GRID_LEADER\"]}")
                        .statusCode())
                .isEqualTo(200);
        return id;
    }

    /** A browser over plain HTTP on loopback: keeps its cookies and sends the CSRF token on writes. */
    private static final class Browser {

        private final HttpClient http = HttpClient.newHttpClient();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> signIn(String node, String username, String password) throws Exception {
            get(node, "/api/auth/csrf");
            return post(
                    node,
                    "/api/auth/login",
                    "application/x-www-form-urlencoded",
                    "username=" + encode(username) + "&password=" + encode(password));
        }

        HttpResponse<String> changePassword(String node, String from, String to) throws Exception {
            return post(node, "/api/auth/password", "application/json", Accounts.passwordChange(from, to));
        }

        HttpResponse<String> get(String node, String path) throws Exception {
            return get(node, path, null);
        }

        HttpResponse<String> get(String node, String path, String authorization) throws Exception {
            var request = request(node, path).GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return send(request);
        }

        HttpResponse<String> post(String node, String path, String contentType, String body) throws Exception {
            var request = request(node, path)
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (cookies.containsKey("XSRF-TOKEN")) {
                request.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
            }
            return send(request);
        }

        HttpResponse<String> put(String node, String path, String json) throws Exception {
            var request = request(node, path)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json));
            request.header("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""));
            return send(request);
        }

        /** The Set-Cookie header of the answer that set this cookie. */
        String setCookie(HttpResponse<String> response, String name) {
            return response.headers().allValues("Set-Cookie").stream()
                    .filter(h -> h.startsWith(name + "="))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + response.headers()));
        }

        private HttpRequest.Builder request(String node, String path) {
            var request = HttpRequest.newBuilder(URI.create(node + path)).header("Accept", "application/json");
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        cookies.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining("; ")));
            }
            return request;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.isEmpty() || header.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
