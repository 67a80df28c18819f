package org.gridgov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A deployment may give the actuator a port of its own, kept on an internal address, for Prometheus to scrape
 * without an account; the public port still refuses anonymous callers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagementPortTests {

    private static final int MANAGEMENT_PORT = freePort();

    @DynamicPropertySource
    static void managementPort(DynamicPropertyRegistry registry) {
        registry.add("management.server.port", () -> MANAGEMENT_PORT);
        registry.add("management.server.address", () -> "127.0.0.1");
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theManagementPortServesMetricsWithoutSignInAndThePublicPortDoesNot() throws Exception {
        var metrics = get("http://127.0.0.1:" + MANAGEMENT_PORT + "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(get("http://127.0.0.1:" + MANAGEMENT_PORT + "/actuator/health")
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("http://localhost:" + port + "/actuator/prometheus").statusCode())
                .isEqualTo(401);
        assertThat(get("http://localhost:" + port + "/v3/api-docs").statusCode())
                .isEqualTo(401);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
