package org.gridgov.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
class SecondFactorTests {

    private static final String PASSWORD = "Second#Factor9";

    @Autowired
    WebApplicationContext context;

    @Test
    void rfc6238ReferenceCodes() {
        // RFC 6238 appendix B, SHA-1 seed "12345678901234567890", 8 digits there; 6 digits are its last six.
        String secret = Totp.base32("12345678901234567890".getBytes());
        assertThat(Totp.code(secret, 59 / 30)).isEqualTo("287082");
        assertThat(Totp.code(secret, 1111111109L / 30)).isEqualTo("081804");
        assertThat(Totp.verify(secret, "081804", Instant.ofEpochSecond(1111111109L)))
                .isTrue();
        assertThat(Totp.verify(secret, "081805", Instant.ofEpochSecond(1111111109L)))
                .isFalse();
    }

    @Test
    void anEnrolledUserNeedsTheCodeToSignIn() throws Exception {
        String username = "totp" + System.nanoTime() % 100000;
        String created = SignedIn.as(context, "admin")
                .perform(post("/api/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"realName\":\"双因素\",\"initialPassword\":\""
                                + PASSWORD + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        SignedIn.as(context, "secadmin")
                .perform(put("/api/users/" + id + "/roles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"SECURITY_ADMIN\"]}"))
                .andExpect(status().isOk());
        var anonymous = SignedIn.anonymous(context);
        String tokens = anonymous
                .perform(post("/api/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String access = JsonPath.read(tokens, "$.accessToken");
        String enrolled = anonymous
                .perform(post("/api/auth/totp")
                        .header("Authorization", "Bearer " + access)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.otpauthUri").isNotEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String secret = JsonPath.read(enrolled, "$.secret");

        anonymous
                .perform(post("/api/auth/login").param("username", username).param("password", PASSWORD))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("动态口令错误"));
        String code = Totp.code(secret, Instant.now().getEpochSecond() / 30);
        anonymous
                .perform(post("/api/auth/login")
                        .param("username", username)
                        .param("password", PASSWORD)
                        .param("code", code))
                .andExpect(status().isOk());
    }

    /** A new account with a second factor enrolled; answers its username and the secret. */
    private String[] enrolledAccount() throws Exception {
        String username = "totp" + System.nanoTime() % 100000;
        String created = SignedIn.as(context, "admin")
                .perform(post("/api/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"realName\":\"双因素\",\"initialPassword\":\""
                                + PASSWORD + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        SignedIn.as(context, "secadmin")
                .perform(put("/api/users/" + id + "/roles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"AUDIT_ADMIN\"]}"))
                .andExpect(status().isOk());
        String access = token(username, PASSWORD, null);
        String enrolled = SignedIn.anonymous(context)
                .perform(post("/api/auth/totp")
                        .header("Authorization", "Bearer " + access)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return new String[] {username, JsonPath.read(enrolled, "$.secret"), access};
    }

    private String token(String username, String password, String code) throws Exception {
        String tokens = SignedIn.anonymous(context)
                .perform(post("/api/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\""
                                + (code == null ? "" : ",\"code\":\"" + code + "\"") + "}"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(tokens, "$.accessToken");
    }

    private static String now(String secret) {
        return Totp.code(secret, Instant.now().getEpochSecond() / 30);
    }

    /** A code of an hour ago: well-formed, and wrong. */
    private static String stale(String secret) {
        return Totp.code(secret, Instant.now().getEpochSecond() / 30 - 120);
    }

    @Test
    void replacingASecondFactorNeedsTheCurrentCodeAndWrongAnswersCountTowardTheLockOut() throws Exception {
        var account = enrolledAccount();
        String username = account[0], secret = account[1], access = account[2];
        var mvc = SignedIn.anonymous(context);
        mvc.perform(post("/api/auth/totp")
                        .header("Authorization", "Bearer " + access)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"Wrong#Pass77\",\"code\":\"" + now(secret) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].code").value("wrong"));
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/api/auth/totp")
                            .header("Authorization", "Bearer " + access)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"password\":\"" + PASSWORD + "\""
                                    + (i == 0 ? "" : ",\"code\":\"" + stale(secret) + "\"") + "}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("code"))
                    .andExpect(jsonPath("$.errors[0].code").value("wrong"));
        }
        // Five failures: locked, for enrolment and for signing in alike, even with everything right.
        mvc.perform(post("/api/auth/totp")
                        .header("Authorization", "Bearer " + access)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"" + PASSWORD + "\",\"code\":\"" + now(secret) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("locked"));
        mvc.perform(post("/api/auth/login")
                        .param("username", username)
                        .param("password", PASSWORD)
                        .param("code", now(secret)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theCurrentCodeReplacesAnEnrolledSecondFactor() throws Exception {
        var account = enrolledAccount();
        String secret = account[1], access = account[2];
        String replaced = SignedIn.anonymous(context)
                .perform(post("/api/auth/totp")
                        .header("Authorization", "Bearer " + access)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"" + PASSWORD + "\",\"code\":\"" + now(secret) + "\"}"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(replaced, "$.secret")).isNotEqualTo(secret);
    }

    @Test
    void wrongCodesAtSignInCountTowardTheLockOut() throws Exception {
        var account = enrolledAccount();
        String username = account[0], secret = account[1];
        var mvc = SignedIn.anonymous(context);
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/auth/login")
                            .param("username", username)
                            .param("password", PASSWORD)
                            .param("code", stale(secret)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(post("/api/auth/login")
                        .param("username", username)
                        .param("password", PASSWORD)
                        .param("code", now(secret)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("用户名或密码错误")));
    }
}
