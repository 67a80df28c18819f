package org.gridgov.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gridgov.registry.internal.PersonalReads;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Audits the reads of people's personal data that were refused: a 403 (no permission) or a 404 (a record outside
 * the caller's scope, or none) on a resident, a resident's history or unmasked view, a group registration, a ledger,
 * or a search by ID number or phone. A read that succeeds is audited by the desk that answered it, with how many rows;
 * a refused export by the request filter that audits every export.
 */
@Configuration(proxyBeanMethods = false)
class PersonalReadAuditing implements WebMvcConfigurer, HandlerInterceptor {

    private final PersonalReads reads;

    PersonalReadAuditing(PersonalReads reads) {
        this.reads = reads;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this)
                .addPathPatterns(
                        "/api/registry/residents",
                        "/api/registry/residents/{id}",
                        "/api/registry/residents/{id}/history",
                        "/api/registry/residents/{id}/unmasked",
                        "/api/registry/special-groups/{id}",
                        "/api/registry/service-recipients/{id}",
                        "/api/registry/ledgers/{ledger}")
                .excludePathPatterns(
                        "/api/registry/residents/export",
                        "/api/registry/residents/template",
                        "/api/registry/special-groups/types",
                        "/api/registry/service-recipients/types");
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        int status = response.getStatus();
        if (!"GET".equals(request.getMethod()) || (status != 403 && status != 404)) {
            return;
        }
        String path = request.getRequestURI();
        if (path.equals("/api/registry/residents")) {
            // A list is a read of personal data only when it looks for a person by who they are.
            if (request.getParameter("idNumber") == null && request.getParameter("phone") == null) {
                return;
            }
        }
        reads.refused(path, status);
    }
}
