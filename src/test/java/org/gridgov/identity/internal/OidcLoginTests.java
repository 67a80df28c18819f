package org.gridgov.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gridgov.SignedIn;
import org.gridgov.identity.CurrentUser;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Single sign-on through an OpenID Connect provider, switched on by configuration alone. */
@SpringBootTest(
        properties = {
            "spring.security.oauth2.client.registration.idp.client-id=gridgov",
            "spring.security.oauth2.client.registration.idp.client-secret=secret",
            "spring.security.oauth2.client.registration.idp.client-name=统一身份认证",
            "spring.security.oauth2.client.registration.idp.authorization-grant-type=authorization_code",
            "spring.security.oauth2.client.registration.idp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
            "spring.security.oauth2.client.registration.idp.scope=openid,profile",
            "spring.security.oauth2.client.provider.idp.authorization-uri=https://idp.example.org/auth",
            "spring.security.oauth2.client.provider.idp.token-uri=https://idp.example.org/token",
            "spring.security.oauth2.client.provider.idp.jwk-set-uri=https://idp.example.org/jwks",
            "spring.security.oauth2.client.provider.idp.user-name-attribute=sub"
        })
class OidcLoginTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    OidcLogin oidc;

    @Test
    void aConfiguredProviderIsOfferedAndRedirectsToIt() throws Exception {
        var mvc = SignedIn.anonymous(context);
        mvc.perform(get("/api/auth/providers"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("idp"))
                .andExpect(jsonPath("$[0].url").value("/oauth2/authorization/idp"));
        mvc.perform(get("/oauth2/authorization/idp"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.startsWith("https://idp.example.org/auth?")))
                .andExpect(header().string("Location", Matchers.containsString("client_id=gridgov")));
    }

    @Test
    void aProviderUserSignsInAsThePlatformAccountOfTheSameName() throws Exception {
        var request = new MockHttpServletRequest();
        var response = new MockHttpServletResponse();
        oidc.success(request, response, token("county.operator"));
        assertThat(response.getRedirectedUrl()).isEqualTo("/");
        var saved = (SecurityContext)
                request.getSession().getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(saved.getAuthentication().getPrincipal())
                .isInstanceOfSatisfying(
                        CurrentUser.class, u -> assertThat(u.username()).isEqualTo("county.operator"));
        SecurityContextHolder.clearContext();
    }

    @Test
    void aProviderUserWhosePasswordMustChangeIsHeldToTheChangeAsAnyOtherSignIn() throws Exception {
        String username = "sso" + System.nanoTime() % 100000;
        SignedIn.as(context, "admin")
                .perform(post("/api/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"realName\":\"单点\",\"scopeCode\":\"421381101\","
                                + "\"initialPassword\":\"Initial#Pass1\"}"))
                .andExpect(status().isCreated());
        var request = new MockHttpServletRequest();
        oidc.success(request, new MockHttpServletResponse(), token(username));
        SecurityContextHolder.clearContext();
        var session = (MockHttpSession) request.getSession();
        var mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .defaultRequest(get("/").session(session).with(csrf()))
                .build();
        mvc.perform(get("/api/auth/me"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passwordExpired").value(true));
        mvc.perform(get("/api/users"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type", Matchers.containsString("password-expired")));
    }

    @Test
    void aProviderUserWithoutAPlatformAccountGetsNothing() throws Exception {
        var request = new MockHttpServletRequest();
        var response = new MockHttpServletResponse();
        oidc.success(request, response, token("stranger"));
        assertThat(response.getRedirectedUrl()).isEqualTo("/#/login?error=oidc");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    private static OAuth2AuthenticationToken token(String username) {
        var idToken = new OidcIdToken(
                "token",
                Instant.now(),
                Instant.now().plusSeconds(60),
                Map.of("sub", "s-" + username, "preferred_username", username));
        var user = new DefaultOidcUser(List.of(), idToken, "sub");
        return new OAuth2AuthenticationToken(user, List.of(), "idp");
    }
}
