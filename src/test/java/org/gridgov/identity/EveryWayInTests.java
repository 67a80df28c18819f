package org.gridgov.identity;

import static org.gridgov.identity.Accounts.passwordChange;
import static org.gridgov.identity.Accounts.unique;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.web.context.WebApplicationContext;

/**
 * One rule for every way in: a password that expired or was reset holds bearer clients to the password change as it
 * holds browser sessions, and a change or reset ends the account's other tokens. (Sessions ending is shown on the
 * shared session store, {@code SessionStoreTests}; single sign-on in {@code OidcLoginTests}.)
 */
@SpringBootTest
class EveryWayInTests {

    private static final String INITIAL = "Initial#Pass1";
    private static final String CHANGED = "Changed#Pass2";
    private static final String VILLAGE = "/api/regions/421381101001";

    @Autowired
    WebApplicationContext context;

    @Test
    void anInitialPasswordHoldsBearerTokensToThePasswordChangeAsItHoldsSessions() throws Exception {
        String username = unique("bearer");
        Accounts.create(context, username, INITIAL, "GRID_LEADER");
        var mvc = SignedIn.anonymous(context);
        Accounts.session(context, username, INITIAL)
                .perform(get(VILLAGE))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type", containsString("password-expired")));
        String access = Accounts.accessToken(context, username, INITIAL);
        String other = Accounts.accessToken(context, username, INITIAL);
        mvc.perform(get(VILLAGE).header("Authorization", "Bearer " + access))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type", containsString("password-expired")));
        mvc.perform(post("/api/regions")
                        .header("Authorization", "Bearer " + access)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"421381101901\",\"name\":\"令牌村\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type", containsString("password-expired")));
        mvc.perform(get("/api/auth/me").header("Authorization", "Bearer " + access))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passwordExpired").value(true));

        mvc.perform(post("/api/auth/password")
                        .header("Authorization", "Bearer " + access)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(passwordChange(INITIAL, CHANGED)))
                .andExpect(status().isNoContent());
        // The token that made the change goes on; the account's other sign-in ends.
        mvc.perform(get(VILLAGE).header("Authorization", "Bearer " + access)).andExpect(status().isOk());
        mvc.perform(get(VILLAGE).header("Authorization", "Bearer " + other)).andExpect(status().isUnauthorized());
    }

    @Test
    void aResetByAnAdministratorEndsEveryTokenAndHoldsTheAccountToAChange() throws Exception {
        String username = unique("reset");
        long id = Accounts.create(context, username, INITIAL, "GRID_LEADER");
        Accounts.changePassword(context, username, INITIAL, CHANGED);
        String tokens = Accounts.tokens(context, username, CHANGED);
        String access = JsonPath.read(tokens, "$.accessToken");
        String refresh = JsonPath.read(tokens, "$.refreshToken");
        var mvc = SignedIn.anonymous(context);
        mvc.perform(get(VILLAGE).header("Authorization", "Bearer " + access)).andExpect(status().isOk());

        SignedIn.as(context, "admin")
                .perform(post("/api/users/" + id + "/password-reset")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"Reset#Pass3\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get(VILLAGE).header("Authorization", "Bearer " + access)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/auth/token/refresh")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"refreshToken\":\"" + refresh + "\"}"))
                .andExpect(status().isUnauthorized());
        String afterReset = Accounts.accessToken(context, username, "Reset#Pass3");
        mvc.perform(get(VILLAGE).header("Authorization", "Bearer " + afterReset))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type", containsString("password-expired")));
    }

    @Test
    void aPasswordChangeInABrowserSessionEndsEveryTokenOfTheAccount() throws Exception {
        String username = unique("browser");
        Accounts.create(context, username, INITIAL, "GRID_LEADER");
        Accounts.changePassword(context, username, INITIAL, CHANGED);
        String access = Accounts.accessToken(context, username, CHANGED);
        var session = Accounts.session(context, username, CHANGED);
        session.perform(post("/api/auth/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(passwordChange(CHANGED, "Third#Pass44")))
                .andExpect(status().isNoContent());
        session.perform(get(VILLAGE)).andExpect(status().isOk());
        SignedIn.anonymous(context)
                .perform(get(VILLAGE).header("Authorization", "Bearer " + access))
                .andExpect(status().isUnauthorized());
    }
}
