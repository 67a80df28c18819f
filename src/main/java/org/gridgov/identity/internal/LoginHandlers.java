package org.gridgov.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gridgov.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Answers the browser's form sign-in with JSON instead of redirects: the single-page application reads it. */
@Component
class LoginHandlers {

    private final ObjectMapper json;
    private final ProblemResponses problems;
    private final Auditing audit;

    LoginHandlers(ObjectMapper json, ProblemResponses problems, Auditing audit) {
        this.json = json;
        this.problems = problems;
        this.audit = audit;
    }

    void success(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        response.setStatus(200);
        response.setContentType("application/json;charset=UTF-8");
        json.writeValue(response.getOutputStream(), Me.of((CurrentUser) authentication.getPrincipal()));
    }

    void failure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String message = exception.getMessage() == null ? Authenticator.BAD_CREDENTIALS : exception.getMessage();
        int split = message.indexOf(" / ");
        problems.write(
                response,
                HttpStatus.UNAUTHORIZED,
                "login-failed",
                split < 0 ? message : message.substring(0, split),
                split < 0 ? message : message.substring(split + 3));
    }

    void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            audit.logout(user, request.getRemoteAddr());
        }
    }
}
