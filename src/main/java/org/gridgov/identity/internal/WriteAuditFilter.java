package org.gridgov.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.gridgov.identity.CurrentUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Audits every write and every export (a path ending in {@code /export}) through the API — whoever made it, whatever
 * the outcome — so that no module can forget to. Sign-ins are audited where they are decided, with their reason.
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
        try {
            chain.doFilter(request, response);
        } finally {
            String path = request.getRequestURI();
            if (isExport(path)) {
                String query = request.getQueryString();
                audit.export(
                        user,
                        query == null ? path : path + "?" + query,
                        response.getStatus(),
                        request.getParameter("purpose"),
                        request.getRemoteAddr());
            } else {
                audit.write(user, request.getMethod(), path, response.getStatus(), request.getRemoteAddr());
            }
        }
    }

    private static boolean isExport(String path) {
        return path.endsWith("/export");
    }
}
