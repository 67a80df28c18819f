package org.gridgov.common.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests that never reach a controller (refused by Tomcat, by the security firewall, or sent to the error page)
 * are answered with the same problem document as every other refusal, naming the part of the request at fault, and
 * never with Tomcat's HTML page or Spring Boot's bare error JSON. Sent as raw HTTP, so that no client normalizes
 * them first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProblemEdgeTests {

    @LocalServerPort
    int port;

    record Answer(int status, String contentType, String body) {}

    @Test
    void encodedPathTricksAreProblemsNamingThePath() throws Exception {
        var wrong = new ArrayList<String>();
        for (String target : new String[] {
            "/api/grids/%2F",
            "/api/grids/%2f..%2f",
            "/api/grids/%00",
            "/api/grids/%5C",
            "/api/grids/%252F",
            "/api/grids/%25252e",
            "/api/grids/../shell/config",
            "/api/shell/config;jsessionid=0123",
            "/api/grids/%ZZ",
            "/%",
            "/api/grids/%C0%AE%C0%AE"
        }) {
            var answer = get(target, "");
            if (answer.status() != 400 || !isProblem(answer) || !names(answer, "path")) {
                wrong.add(target + " -> " + answer);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aControlCharacterInAQueryParameterIsAProblemNamingIt() throws Exception {
        var answer = get("/api/shell/config?region=%00", "");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(isProblem(answer)).isTrue();
        assertThat(names(answer, "region")).as(answer.body()).isTrue();
    }

    @Test
    void aControlCharacterInAHeaderIsAProblemNamingTheHeader() throws Exception {
        var answer = get("/api/shell/config", "X-Note: a\u0001b\r\n");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(isProblem(answer)).as(answer.toString()).isTrue();
        assertThat(names(answer, "header")).as(answer.body()).isTrue();
    }

    @Test
    void errorsRaisedOutsideControllersAreProblemsWhateverTheCallerAccepts() throws Exception {
        var trace = raw("TRACE /api/shell/config HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(trace.status()).isEqualTo(405);
        assertThat(isProblem(trace)).as(trace.toString()).isTrue();

        var errorPage = get("/error", "Accept: text/html\r\n");
        assertThat(errorPage.status()).isEqualTo(404);
        assertThat(isProblem(errorPage)).as(errorPage.toString()).isTrue();

        var unknown = get("/no-such-page.html", "Accept: text/html\r\n");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(isProblem(unknown)).as(unknown.toString()).isTrue();
    }

    private static boolean isProblem(Answer answer) {
        if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
            return false;
        }
        var body = JsonMapper.shared().readValue(answer.body(), Map.class);
        return body.get("detail") != null && body.get("detailEn") != null && body.get("status") != null;
    }

    private static boolean names(Answer answer, String field) {
        var problem = JsonMapper.shared().readTree(answer.body());
        for (var error : problem.path("errors")) {
            if (error.path("field").asString("").equals(field)
                    && !error.path("message").asString("").isBlank()
                    && !error.path("messageEn").asString("").isBlank()) {
                return true;
            }
        }
        return false;
    }

    private Answer get(String target, String headers) throws Exception {
        return raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "Connection: close\r\n\r\n");
    }

    private Answer raw(String request) throws Exception {
        try (var socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            var out = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(out);
            String text = out.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            String body = text.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            String contentType = null;
            boolean chunked = false;
            for (String line : head.split("\r\n")) {
                String lower = line.toLowerCase();
                if (lower.startsWith("content-type:")) {
                    contentType = line.substring("content-type:".length()).trim();
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            return new Answer(status, contentType, chunked ? unchunked(body) : body);
        }
    }

    private static String unchunked(String body) {
        var out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int eol = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            // Chunk sizes count bytes; the bodies here are ASCII-safe JSON escapes or short UTF-8 text.
            byte[] rest = body.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(rest, 0, size, StandardCharsets.UTF_8);
            out.append(chunk);
            at = eol + 2 + chunk.length() + 2;
        }
        return out.toString();
    }
}
