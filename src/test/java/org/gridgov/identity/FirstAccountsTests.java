package org.gridgov.identity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gridgov.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest(properties = {"gridgov.demo.enabled=false", "gridgov.identity.initial-password=First#Admin1"})
class FirstAccountsTests {

    @Autowired
    WebApplicationContext context;

    @Test
    void aNewDatabaseGetsTheThreeAdministratorsWhoMustChangeThePassword() throws Exception {
        var mvc = SignedIn.anonymous(context);
        for (String username : new String[] {"admin", "secadmin", "auditor"}) {
            mvc.perform(post("/api/auth/login").param("username", username).param("password", "First#Admin1"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.passwordExpired").value(true));
        }
        mvc.perform(post("/api/auth/login").param("username", "county.operator").param("password", SignedIn.PASSWORD))
                .andExpect(status().isUnauthorized());
    }
}
