package org.gridgov.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import org.gridgov.common.PersonalDataKind;
import org.gridgov.identity.CurrentUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Audits every write and every export (a path ending in {@code /export}) through the API — whoever made it, whatever
 * the outcome — so that no module can forget to. Sign-ins are audited where they are decided, with their reason.
 *
 * <p>The record is begun before the request runs, so that each change the request commits carries a copy of it in
 * its own transaction, and completed with the answer afterwards. An export's filters are kept with ID and phone
 * numbers masked.
 */
@Component
class WriteAuditFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final Auditing audit;

    WriteAuditFilter(Auditing audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return (READS.contains(request.getMethod()) && !isExport(path))
                || !path.startsWith("/api/")
                || path.equals("/api/auth/login")
                || path.startsWith("/api/auth/token");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var user = authentication != null && authentication.getPrincipal() instanceof CurrentUser u ? u : null;
        String path = request.getRequestURI();
        String target = isExport(path) ? withMaskedQuery(path, request.getQueryString()) : path;
        String purpose = request.getParameter("purpose");
        var pending = audit.begin(user, request.getMethod(), target, purpose, request.getRemoteAddr());
        try {
            chain.doFilter(request, response);
        } finally {
            audit.complete(
                    pending, user, request.getMethod(), target, response.getStatus(), purpose, request.getRemoteAddr());
        }
    }

    private static boolean isExport(String path) {
        return path.endsWith("/export");
    }

    /**
     * The path with its query decoded, so that auditors read it, and the value of every parameter that names an ID
     * or phone number masked, whatever its shape (a partial or a first-generation number too).
     */
    static String withMaskedQuery(String path, String query) {
        if (query == null || query.isEmpty()) {
            return path;
        }
        var parameters = new StringJoiner("&");
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? null : decode(pair.substring(eq + 1));
            parameters.add(value == null ? name : name + "=" + masked(name, value));
        }
        return path + "?" + parameters;
    }

    private static String masked(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        PersonalDataKind kind = key.contains("phone") || key.contains("mobile")
                ? PersonalDataKind.PHONE
                : key.contains("idnumber") || key.contains("idcard") || key.equals("id_number")
                        ? PersonalDataKind.ID_NUMBER
                        : null;
        if (kind == null || value.isBlank()) {
            return value;
        }
        try {
            return kind.mask(kind.normalize(value));
        } catch (IllegalArgumentException notANumber) {
            // Not even a number of that kind: still what someone typed into a personal-data field.
            return "*".repeat(Math.min(value.length(), 20));
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
