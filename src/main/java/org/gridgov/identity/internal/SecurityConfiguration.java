package org.gridgov.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import org.gridgov.identity.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
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

/**
 * Who may reach what: the browser signs in with a form and keeps a session (secure cookie, CSRF token in a cookie
 * for the single-page application); mobile and API clients send bearer tokens. Every API path needs a signed-in user
 * and each endpoint names the permission it needs ({@code @RequiresPermission}).
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
            OidcLogin oidc)
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
                        .requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .csrf(csrf -> csrf.spa()
                        .ignoringRequestMatchers(
                                SecurityConfiguration::hasBearerToken,
                                r -> r.getRequestURI().startsWith("/api/auth/token")))
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

    static boolean hasBearerToken(HttpServletRequest request) {
        var header = request.getHeader("Authorization");
        return header != null && header.startsWith("Bearer ");
    }

    /** What the login form sends besides username and password. */
    record LoginDetails(String code, String clientAddress) {
        static LoginDetails of(HttpServletRequest request) {
            return new LoginDetails(request.getParameter("code"), request.getRemoteAddr());
        }
    }
}
