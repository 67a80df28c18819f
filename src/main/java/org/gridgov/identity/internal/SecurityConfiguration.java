package org.gridgov.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import org.gridgov.common.Permissions;
import org.gridgov.identity.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Who may reach what: the browser signs in with a form and keeps a session (secure cookie, CSRF token in a cookie
 * for the single-page application); mobile and API clients send bearer tokens. Every API path needs a signed-in user
 * and each endpoint names the permission it needs ({@code @RequiresPermission}). Anonymous callers reach only the
 * browser application, the sign-in paths, the shell's start-up facts and the health probes; the API description and
 * the other operations endpoints need {@code ops:read}, except on a separate management port.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Lets {@code @RequiresPermission("grid:write")} stand for {@code @PreAuthorize("hasAuthority('grid:write')")}. */
    @Bean
    static AnnotationTemplateExpressionDefaults templateExpressionDefaults() {
        return new AnnotationTemplateExpressionDefaults();
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            BearerTokenFilter bearer,
            CurrentUserFilter currentUser,
            WriteAuditFilter writeAudit,
            LoginHandlers login,
            ProblemResponses problems,
            ObjectProvider<ClientRegistrationRepository> identityProviders,
            OidcLogin oidc,
            @Value("${gridgov.web.tile-url:}") String tileUrl,
            @Value("${gridgov.web.tile-overlay-url:}") String tileOverlayUrl,
            @Value("${management.server.port:-1}") int managementPort,
            @Value("${server.port:8080}") int serverPort,
            @Value("${server.servlet.session.cookie.secure:true}") boolean secureCookies)
            throws Exception {
        if (identityProviders.getIfAvailable() != null) {
            http.oauth2Login(o -> o.successHandler(oidc::success));
        }
        http.authorizeHttpRequests(a -> a.requestMatchers(
                                "/api/auth/login",
                                "/api/auth/token",
                                "/api/auth/token/refresh",
                                "/api/auth/csrf",
                                "/api/auth/providers")
                        .permitAll()
                        .requestMatchers("/api/shell/config")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // A management port of its own is reachable only where the deployment exposes it.
                        .requestMatchers(r -> onManagementPort(r, managementPort, serverPort) && isOperations(r))
                        .permitAll()
                        .requestMatchers(SecurityConfiguration::isOperations)
                        .hasAuthority(Permissions.OPS_READ)
                        .requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .csrf(csrf -> csrf.spa()
                        .csrfTokenRepository(csrfCookies(secureCookies))
                        .ignoringRequestMatchers(
                                SecurityConfiguration::hasBearerToken,
                                r -> r.getRequestURI().startsWith("/api/auth/token")))
                // The single-page application keeps its own place (#/login?redirect=...): nothing to remember here,
                // and no session for every anonymous call that is refused.
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(contentSecurityPolicy(tileUrl, tileOverlayUrl)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .formLogin(form -> form.loginProcessingUrl("/api/auth/login")
                        .authenticationDetailsSource(LoginDetails::of)
                        .successHandler(login::success)
                        .failureHandler(login::failure))
                .logout(logout -> logout.logoutUrl("/api/auth/logout")
                        .addLogoutHandler(login::logout)
                        .logoutSuccessHandler((request, response, authentication) -> response.setStatus(204)))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> problems.write(
                                response, HttpStatus.UNAUTHORIZED, "unauthenticated", "请先登录", "Sign in first"))
                        .accessDeniedHandler((request, response, ex) -> problems.write(
                                response,
                                HttpStatus.FORBIDDEN,
                                "forbidden",
                                "没有权限执行此操作",
                                "You are not allowed to do this")))
                .httpBasic(basic -> basic.disable())
                .addFilterBefore(bearer, UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(currentUser, BasicAuthenticationFilter.class)
                .addFilterAfter(writeAudit, CurrentUserFilter.class);
        return http.build();
    }

    /** The security chain runs these filters; the servlet container must not run them a second time. */
    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerFilterRegistration(BearerTokenFilter filter) {
        return disabled(filter);
    }

    @Bean
    FilterRegistrationBean<CurrentUserFilter> currentUserFilterRegistration(CurrentUserFilter filter) {
        return disabled(filter);
    }

    @Bean
    FilterRegistrationBean<WriteAuditFilter> writeAuditFilterRegistration(WriteAuditFilter filter) {
        return disabled(filter);
    }

    private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> disabled(F filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    AuthenticationProvider passwordAuthenticationProvider(Authenticator authenticator) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                var details = authentication.getDetails() instanceof LoginDetails d ? d : new LoginDetails(null, null);
                var user = authenticator.authenticate(
                        authentication.getName(),
                        String.valueOf(authentication.getCredentials()),
                        details.code(),
                        details.clientAddress());
                return authenticated(user);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    static Authentication authenticated(CurrentUser user) {
        var authorities = new ArrayList<GrantedAuthority>();
        user.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
        user.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    /**
     * The API description (OpenAPI document, Swagger UI) and the actuator endpoints other than health: they tell an
     * attacker what there is and how busy it is, so only holders of {@code ops:read} see them.
     */
    static boolean isOperations(HttpServletRequest request) {
        return isOperations(
                request.getRequestURI().substring(request.getContextPath().length()));
    }

    static boolean isOperations(String path) {
        if (path.startsWith("/actuator")) {
            return !path.equals("/actuator/health") && !path.startsWith("/actuator/health/");
        }
        return path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui");
    }

    private static boolean onManagementPort(HttpServletRequest request, int managementPort, int serverPort) {
        return managementPort > 0 && managementPort != serverPort && request.getLocalPort() == managementPort;
    }

    /**
     * The CSRF cookie the browser application reads; as strict as the session cookie except that scripts read it. It
     * is {@code Secure} exactly when the session cookie is: a plain-HTTP trial that lets the session cookie through
     * must let this one through too, or every write of the console would be refused.
     */
    private static CookieCsrfTokenRepository csrfCookies(boolean secure) {
        var repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(
                cookie -> cookie.secure(secure).sameSite("Strict").path("/"));
        return repository;
    }

    /**
     * Scripts, styles and everything else from the platform itself; inline styles, which Element Plus and Leaflet
     * set on elements; images also from the map's tile server when one is configured.
     */
    static String contentSecurityPolicy(String tileUrl) {
        return contentSecurityPolicy(tileUrl, null);
    }

    /** As {@link #contentSecurityPolicy(String)}, with the server of an overlay layer (labels over the tiles) too. */
    static String contentSecurityPolicy(String tileUrl, String overlayUrl) {
        var tiles = new java.util.LinkedHashSet<String>();
        for (String url : new String[] {tileUrl, overlayUrl}) {
            String source = tileSource(url);
            if (source != null) {
                tiles.add(source);
            }
        }
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:"
                + (tiles.isEmpty() ? "" : " " + String.join(" ", tiles))
                + "; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self';"
                + " form-action 'self'; frame-ancestors 'none'";
    }

    /**
     * The origin of a tile URL template as a CSP source: {@code https://{s}.tile.example.org/{z}/{x}/{y}.png} and
     * Tianditu's {@code https://t{s}.tianditu.gov.cn/...} give {@code https://*.tile.example.org} and
     * {@code https://*.tianditu.gov.cn}; a relative template needs nothing beyond {@code 'self'}.
     */
    static String tileSource(String tileUrl) {
        if (tileUrl == null || tileUrl.isBlank()) {
            return null;
        }
        var matcher = TILE_ORIGIN.matcher(tileUrl.strip());
        if (!matcher.lookingAt()) {
            return null;
        }
        String scheme = matcher.group(1).toLowerCase(java.util.Locale.ROOT);
        // A placeholder in the leftmost label (t{s}, tile{s}) names subdomains: the whole label becomes the wildcard.
        String host =
                matcher.group(2).replaceFirst("^[^.]*\\{[^}]*}[^.]*\\.", "*.").replaceAll("\\{[^}]*}", "*");
        // CSP allows a wildcard only as the leftmost label; anything else falls back to any host of the scheme.
        boolean valid = host.matches("(\\*\\.)?[A-Za-z0-9.\\-\\[\\]:]+");
        return valid ? scheme + "://" + host : scheme + ":";
    }

    private static final java.util.regex.Pattern TILE_ORIGIN =
            java.util.regex.Pattern.compile("(https?)://([^/?#]+)", java.util.regex.Pattern.CASE_INSENSITIVE);

    static boolean hasBearerToken(HttpServletRequest request) {
        var header = request.getHeader("Authorization");
        return header != null && header.startsWith("Bearer ");
    }

    /**
     * What the login form sends besides username and password. It stays on the signed-in authentication as its
     * details, and so in the session store: serializable.
     */
    record LoginDetails(String code, String clientAddress) implements java.io.Serializable {
        static LoginDetails of(HttpServletRequest request) {
            return new LoginDetails(request.getParameter("code"), request.getRemoteAddr());
        }
    }
}
