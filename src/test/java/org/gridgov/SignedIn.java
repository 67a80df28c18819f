package org.gridgov;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** MockMvc signed in as one of the demo accounts through the real form sign-in, sending the CSRF token on writes. */
public final class SignedIn {

    /** The password of every demo account (README). */
    public static final String PASSWORD = "GridGov@2026";

    private SignedIn() {}

    public static MockMvc as(WebApplicationContext context, String username) throws Exception {
        return MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .defaultRequest(get("/").session(session(context, username)).with(csrf()))
                .build();
    }

    public static MockHttpSession session(WebApplicationContext context, String username) throws Exception {
        var anonymous = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        var result = anonymous
                .perform(post("/api/auth/login")
                        .param("username", username)
                        .param("password", PASSWORD)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /**
     * The session cookie of a sign-in through {@code mvc}, for a MockMvc that runs the application's whole filter chain
     * (the shared session store included), where a {@link MockHttpSession} carries no sign-in.
     */
    public static Cookie sessionCookie(MockMvc mvc, String username) throws Exception {
        var response = mvc.perform(post("/api/auth/login")
                        .param("username", username)
                        .param("password", PASSWORD)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        var cookie = response.getCookie("SESSION");
        if (cookie == null) {
            throw new AssertionError("the sign-in of " + username + " set no session cookie");
        }
        return cookie;
    }

    /** MockMvc with no one signed in, for checking refusals. */
    public static MockMvc anonymous(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .defaultRequest(get("/").with(csrf()))
                .build();
    }
}
