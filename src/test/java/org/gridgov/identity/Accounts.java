package org.gridgov.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridgov.SignedIn;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Test accounts of their own, made the way administrators make them, and the ways to sign in with them. */
final class Accounts {

    private static final AtomicInteger next = new AtomicInteger();

    private Accounts() {}

    static String unique(String prefix) {
        return prefix + System.nanoTime() % 100000 + next.incrementAndGet();
    }

    /** A new account of the township 杨寨镇 with one role; its initial password must be changed first. */
    static long create(WebApplicationContext context, String username, String password, String role) throws Exception {
        String created = SignedIn.as(context, "admin")
                .perform(post("/api/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"realName\":\"测试\","
                                + "\"scopeCode\":\"421381101\",\"initialPassword\":\"" + password + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        SignedIn.as(context, "secadmin")
                .perform(put("/api/users/" + id + "/roles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"" + role + "\"]}"))
                .andExpect(status().isOk());
        return id;
    }

    /** MockMvc in a browser session signed in with this password (sending the CSRF token on writes). */
    static MockMvc session(WebApplicationContext context, String username, String password) throws Exception {
        var session = (MockHttpSession) SignedIn.anonymous(context)
                .perform(post("/api/auth/login").param("username", username).param("password", password))
                .andExpect(status().isOk())
                .andReturn()
                .getRequest()
                .getSession(false);
        return MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .defaultRequest(get("/").session(session).with(csrf()))
                .build();
    }

    /** A bearer access token signed in with this password. */
    static String accessToken(WebApplicationContext context, String username, String password) throws Exception {
        return JsonPath.read(tokens(context, username, password), "$.accessToken");
    }

    /** The token pair's JSON. */
    static String tokens(WebApplicationContext context, String username, String password) throws Exception {
        return SignedIn.anonymous(context)
                .perform(post("/api/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** Changes the password through a session signed in with the old one. */
    static void changePassword(WebApplicationContext context, String username, String from, String to)
            throws Exception {
        session(context, username, from)
                .perform(post("/api/auth/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(passwordChange(from, to)))
                .andExpect(status().isNoContent());
    }

    static String passwordChange(String from, String to) {
        return "{\"oldPassword\":\"" + from + "\",\"newPassword\":\"" + to + "\"}";
    }
}
