package org.gridgov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import org.gridgov.MovableClock;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.context.WebApplicationContext;

/** Time-driven rules, with a clock the test moves: token expiry, the idle timeout of refresh tokens, lock-out end. */
@SpringBootTest
@Import(MovableClock.Config.class)
class TokenExpiryTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    MovableClock clock;

    @Autowired
    ServerProperties server;

    @Test
    void accessTokensExpireAfterFifteenMinutesAndIdleRefreshTokensAfterThirty() throws Exception {
        var mvc = SignedIn.anonymous(context);
        String tokens = mvc.perform(post("/api/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"grid.worker\",\"password\":\"" + SignedIn.PASSWORD + "\"}"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String access = JsonPath.read(tokens, "$.accessToken");
        String refresh = JsonPath.read(tokens, "$.refreshToken");

        clock.advance(Duration.ofMinutes(14));
        mvc.perform(get("/api/auth/me").header("Authorization", "Bearer " + access))
                .andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(2));
        mvc.perform(get("/api/auth/me").header("Authorization", "Bearer " + access))
                .andExpect(status().isUnauthorized());

        clock.advance(Duration.ofMinutes(15));
        mvc.perform(post("/api/auth/token/refresh")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"refreshToken\":\"" + refresh + "\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aLockEndsAfterThirtyMinutes() throws Exception {
        var mvc = SignedIn.anonymous(context);
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/auth/login")
                            .param("username", "dept.handler")
                            .param("password", "Wrong#1234"))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(post("/api/auth/login").param("username", "dept.handler").param("password", SignedIn.PASSWORD))
                .andExpect(status().isUnauthorized());
        clock.advance(Duration.ofMinutes(31));
        mvc.perform(post("/api/auth/login").param("username", "dept.handler").param("password", SignedIn.PASSWORD))
                .andExpect(status().isOk());
    }

    @Test
    void browserSessionsEndAfterThirtyIdleMinutes() {
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(server.getServlet().getSession().getCookie().getSecure()).isTrue();
        assertThat(server.getServlet().getSession().getCookie().getHttpOnly()).isTrue();
    }
}
