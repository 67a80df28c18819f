package org.gridgov.common.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridgov.common.FieldProblem;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.UriUtils;

/**
 * Holds text that does not come as JSON to the same rule as JSON text ({@link ControlCharacters}): the decoded path
 * (and so every path variable), query and form parameters, multipart field names and uploaded file names. A refused
 * request answers 400 naming the parameter before any controller or query sees it.
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
        String path = decodedPath(request.getRequestURI());
        if (path == null) {
            errors.add(new FieldProblem("path", "malformed", "请求路径的编码不正确", "The request path is not properly encoded"));
        } else {
            errors.addAll(ControlCharacters.problems("path", path));
        }
        for (Map.Entry<String, String[]> parameter : parameters(request).entrySet()) {
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
        if (isMultipart(request)) {
            multipartNames(request, errors);
        }
        return errors;
    }

    private static String decodedPath(String uri) {
        try {
            return UriUtils.decode(uri, StandardCharsets.UTF_8);
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

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    private static void multipartNames(HttpServletRequest request, List<FieldProblem> errors) {
        if (request instanceof MultipartHttpServletRequest multipart) {
            multipart
                    .getMultiFileMap()
                    .forEach(
                            (name, files) -> files.forEach(file -> fileName(name, file.getOriginalFilename(), errors)));
            return;
        }
        try {
            for (var part : request.getParts()) {
                fileName(part.getName(), part.getSubmittedFileName(), errors);
            }
        } catch (IOException | ServletException | RuntimeException e) {
            // Too large or not multipart after all: the multipart resolver refuses it with its own problem.
        }
    }

    private static void fileName(String part, String fileName, List<FieldProblem> errors) {
        if (ControlCharacters.refused(part)) {
            errors.add(ControlCharacters.problem(ControlCharacters.printable(part), part));
        } else if (ControlCharacters.refused(fileName)) {
            errors.add(ControlCharacters.problem(part + ".filename", fileName));
        }
    }
}
