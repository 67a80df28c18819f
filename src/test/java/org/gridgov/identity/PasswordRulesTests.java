package org.gridgov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.identity.Accounts.passwordChange;
import static org.gridgov.identity.Accounts.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.web.context.WebApplicationContext;

/** What a new password must not be, and how guesses of the current one are limited once signed in. */
@SpringBootTest
class PasswordRulesTests {

    private static final String START = "Start#Pass1";

    /** 73 bytes in UTF-8 (27 characters): one byte more than BCrypt reads. */
    private static final String TOO_LONG = "Aa1#" + "密".repeat(23);

    @Autowired
    WebApplicationContext context;

    @Test
    void commonPasswordsAreRefusedWhateverTheirCaseNamingTheField() throws Exception {
        var admin = SignedIn.as(context, "admin");
        for (String common : List.of("Password1", "pASSW0RD!", "Admin@123", "Qwer1234", "GridGov@2026")) {
            admin.perform(post("/api/users")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"" + unique("common") + "\",\"realName\":\"常见\","
                                    + "\"initialPassword\":\"" + common + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("initialPassword"))
                    .andExpect(jsonPath("$.errors[0].code").value("too-common"));
        }
        String username = unique("plain");
        Accounts.create(context, username, START, "GRID_WORKER");
        Accounts.session(context, username, START)
                .perform(post("/api/auth/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(passwordChange(START, "Passw0rd!")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("newPassword"))
                .andExpect(jsonPath("$.errors[0].code").value("too-common"));
        // The demo accounts keep their seeded password: the list judges new passwords only.
        SignedIn.as(context, "grid.worker").perform(get("/api/auth/me")).andExpect(status().isOk());
    }

    @Test
    void noneOfTheLastFivePasswordsMayBeUsedAgain() throws Exception {
        String username = unique("history");
        Accounts.create(context, username, START, "GRID_WORKER");
        String current = START;
        for (int i = 1; i <= 4; i++) {
            Accounts.changePassword(context, username, current, "Round#" + i + "Pass");
            current = "Round#" + i + "Pass";
        }
        // The last five: Start, Round 1 to 4 (current).
        for (String earlier : List.of(START, "Round#1Pass", "Round#3Pass")) {
            Accounts.session(context, username, current)
                    .perform(post("/api/auth/password")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(passwordChange(current, earlier)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("newPassword"))
                    .andExpect(jsonPath("$.errors[0].code").value("reused"));
        }
        Accounts.changePassword(context, username, current, "Round#5Pass");
        // Now Round 1 to 5: the first password is six back and may come again.
        Accounts.changePassword(context, username, "Round#5Pass", START);
    }

    @Test
    void passwordsOverSeventyTwoBytesAreRefusedNamingTheFieldAndNeverSignIn() throws Exception {
        assertThat(TOO_LONG.getBytes(StandardCharsets.UTF_8)).hasSize(73);
        var admin = SignedIn.as(context, "admin");
        admin.perform(post("/api/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + unique("long") + "\",\"realName\":\"长\",\"initialPassword\":\""
                                + TOO_LONG + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("initialPassword"))
                .andExpect(jsonPath("$.errors[0].code").value("too-long"));

        String username = unique("long");
        long id = Accounts.create(context, username, START, "GRID_WORKER");
        admin.perform(post("/api/users/" + id + "/password-reset")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"" + TOO_LONG + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].code").value("too-long"));
        var session = Accounts.session(context, username, START);
        session.perform(post("/api/auth/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(passwordChange(START, TOO_LONG)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("newPassword"))
                .andExpect(jsonPath("$.errors[0].code").value("too-long"));
        session.perform(post("/api/auth/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(passwordChange(TOO_LONG, "Next#Pass22")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("oldPassword"))
                .andExpect(jsonPath("$.errors[0].code").value("wrong"));

        // Signing in with it reads like any wrong password, on the form and for tokens.
        var anonymous = SignedIn.anonymous(context);
        String wrong = anonymous
                .perform(post("/api/auth/login").param("username", username).param("password", "Wrong#Pass1"))
                .andExpect(status().isUnauthorized())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String tooLong = anonymous
                .perform(post("/api/auth/login").param("username", username).param("password", TOO_LONG))
                .andExpect(status().isUnauthorized())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(tooLong).isEqualTo(wrong);
        anonymous
                .perform(post("/api/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + TOO_LONG + "\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://gridgov.org/problems/login-failed"));
    }

    @Test
    void wrongOldPasswordsCountTowardTheSameLockOutAsFailedSignIns() throws Exception {
        String username = unique("guess");
        Accounts.create(context, username, START, "GRID_WORKER");
        var session = Accounts.session(context, username, START);
        for (int i = 0; i < 5; i++) {
            session.perform(post("/api/auth/password")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(passwordChange("Guess#" + i + "Pass", "Next#Pass22")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("oldPassword"))
                    .andExpect(jsonPath("$.errors[0].code").value("wrong"));
        }
        // Locked: neither the right old password nor a sign-in with it gets through.
        session.perform(post("/api/auth/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(passwordChange(START, "Next#Pass22")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("oldPassword"))
                .andExpect(jsonPath("$.errors[0].code").value("locked"));
        SignedIn.anonymous(context)
                .perform(post("/api/auth/login").param("username", username).param("password", START))
                .andExpect(status().isUnauthorized());
    }
}
