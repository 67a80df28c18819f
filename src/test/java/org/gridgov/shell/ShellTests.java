package org.gridgov.shell;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gridgov.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
@AutoConfigureMockMvc
class ShellTests {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void signIn() throws Exception {
        mvc = SignedIn.as(context, "county.operator");
    }

    @Test
    void configNamesTheRootAndNoTileServerByDefault() throws Exception {
        mvc.perform(get("/api/shell/config"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rootRegionCode").value("421381"))
                .andExpect(jsonPath("$.tileUrl").doesNotExist());
    }

    @Test
    void healthMetricsAndApiDocumentAreServed() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        // Metrics and the API description are for those who run the platform (ops:read).
        var admin = SignedIn.as(context, "admin");
        admin.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
        admin.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/grids/locate']").exists());
    }

    @Test
    void unknownApiPathsAndWrongMethodsAreProblems() throws Exception {
        mvc.perform(get("/api/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(jsonPath("$.detailEn").isNotEmpty());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/grids/locate"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.detail").value("不支持该请求方法"));
    }
}
