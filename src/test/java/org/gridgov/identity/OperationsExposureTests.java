package org.gridgov.identity;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.context.WebApplicationContext;

/**
 * What an anonymous caller reaches besides signing in: the browser application and the health probes, nothing that
 * describes the platform or its load; and the headers every answer carries.
 */
@SpringBootTest
class OperationsExposureTests {

    private static final List<String> OPERATIONS = List.of(
            "/v3/api-docs",
            "/v3/api-docs/swagger-config",
            "/swagger-ui.html",
            "/swagger-ui/index.html",
            "/actuator",
            "/actuator/prometheus",
            "/actuator/info",
            "/actuator/metrics",
            "/actuator/env");

    @Autowired
    WebApplicationContext context;

    @Test
    void anonymousCallersGetOnlyHealthNeverTheApiDescriptionOrMetrics() throws Exception {
        var anonymous = SignedIn.anonymous(context);
        for (String path : OPERATIONS) {
            anonymous
                    .perform(get(path))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.type", containsString("unauthenticated")));
        }
        anonymous.perform(get("/actuator/health")).andExpect(status().isOk());
        anonymous.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        anonymous.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    @Test
    void theOperationsViewsNeedOpsRead() throws Exception {
        var worker = SignedIn.as(context, "grid.worker");
        for (String path : OPERATIONS) {
            worker.perform(get(path)).andExpect(status().isForbidden());
        }
        var admin = SignedIn.as(context, "admin");
        admin.perform(get("/api/auth/me"))
                .andExpect(jsonPath("$.permissions", org.hamcrest.Matchers.hasItem("ops:read")));
        admin.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/grids/locate']").exists());
        admin.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("jvm_memory_used_bytes")));
    }

    @Test
    void everyAnswerCarriesAContentSecurityAndAReferrerPolicy() throws Exception {
        var anonymous = SignedIn.anonymous(context);
        for (String path : List.of("/", "/api/auth/me", "/actuator/health")) {
            anonymous
                    .perform(get(path))
                    .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                    .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
                    .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                    .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
        }
    }
}
