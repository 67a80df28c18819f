package org.gridgov.common.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridgov.common.FieldProblem;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Holds text that does not come as JSON to the same rule as JSON text ({@link ControlCharacters}): the decoded path
 * (and so every path variable), query and form parameters, and so also the sign-in form, which no controller
 * handles. A refused request answers 400 naming the parameter before any controller or query sees it. The fields and
 * file names of a multipart body are checked by {@link MultipartTextCheck} once the caller is known, so that no one
 * can make the server parse an upload before signing in.
 *
 * <p>Runs after the character-encoding filter, so parameters are decoded as UTF-8, and before the security chain.
 */
@Component
@Order(TextParameterFilter.ORDER)
class TextParameterFilter extends OncePerRequestFilter {

    /** After {@code CharacterEncodingFilter} (highest precedence), before Spring Security (-100). */
    static final int ORDER = -110;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var errors = problems(request);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(ProblemWriter.CONTENT_TYPE);
            ProblemWriter.write(response.getWriter(), ProblemWriter.invalid(errors));
            return;
        }
        chain.doFilter(request, response);
    }

    private static List<FieldProblem> problems(HttpServletRequest request) {
        var errors = new ArrayList<FieldProblem>();
        String path = decoded(request.getRequestURI());
        if (path == null) {
            errors.add(new FieldProblem("path", "malformed", "请求路径的编码不正确", "The request path is not properly encoded"));
        } else {
            errors.addAll(ControlCharacters.problems("path", path));
        }
        check(isMultipart(request) ? queryParameters(request) : parameters(request), errors);
        return errors;
    }

    /** Adds a refusal for each parameter whose name or a value has a refused character. */
    static void check(Map<String, String[]> parameters, List<FieldProblem> errors) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (ControlCharacters.refused(name)) {
                errors.add(ControlCharacters.problem(ControlCharacters.printable(name), name));
                continue;
            }
            for (String value : parameter.getValue()) {
                if (ControlCharacters.refused(value)) {
                    errors.add(ControlCharacters.problem(name, value));
                    break;
                }
            }
        }
    }

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    private static String decoded(String text) {
        try {
            return UriUtils.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Parameters the container could parse; a body it cannot parse is refused later by the part that reads it. */
    private static Map<String, String[]> parameters(HttpServletRequest request) {
        try {
            return request.getParameterMap();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** The query string's parameters alone, read without touching the body. */
    private static Map<String, String[]> queryParameters(HttpServletRequest request) {
        var parameters = new LinkedHashMap<String, String[]>();
        if (request.getQueryString() == null) {
            return parameters;
        }
        for (String pair : request.getQueryString().split("&")) {
            int eq = pair.indexOf('=');
            String name = decoded((eq < 0 ? pair : pair.substring(0, eq)).replace('+', ' '));
            String value = eq < 0 ? "" : decoded(pair.substring(eq + 1).replace('+', ' '));
            if (name != null && value != null) {
                parameters.merge(name, new String[] {value}, (a, b) -> new String[] {a[0], b[0]});
            }
        }
        return parameters;
    }
}
