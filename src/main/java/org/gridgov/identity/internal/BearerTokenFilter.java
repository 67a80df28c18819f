package org.gridgov.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in a request that carries {@code Authorization: Bearer <access token>}; a bad token is a 401, not a pass. */
@Component
class BearerTokenFilter extends OncePerRequestFilter {

    private final TokenService tokens;
    private final ProblemResponses problems;

    BearerTokenFilter(TokenService tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SecurityConfiguration.hasBearerToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token =
                request.getHeader("Authorization").substring("Bearer ".length()).trim();
        var user = tokens.authenticate(token);
        if (user.isEmpty()) {
            problems.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "invalid-token",
                    "令牌无效或已过期，请刷新或重新登录",
                    "The access token is invalid or expired; refresh it or sign in again");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityConfiguration.authenticated(user.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
