package org.gridgov.team.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gridgov.audit.AuditAction;
import org.gridgov.audit.AuditEntry;
import org.gridgov.audit.AuditLog;
import org.gridgov.audit.AuditResult;
import org.gridgov.identity.CurrentUsers;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Audits the attempts to see a member's phone in full that were refused: a 403 (no permission) or a 404 (a member
 * outside the caller's scope, or none), since attempts to reach people one may not see are what an auditor looks for.
 * A view that succeeds is audited by the desk that answered it.
 */
@Configuration(proxyBeanMethods = false)
class RefusedUnmaskAuditing implements WebMvcConfigurer, HandlerInterceptor {

    private final AuditLog audit;
    private final CurrentUsers users;

    RefusedUnmaskAuditing(AuditLog audit, CurrentUsers users) {
        this.audit = audit;
        this.users = users;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/teams/members/{id}/unmasked");
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        int status = response.getStatus();
        if (status != 403 && status != 404) {
            return;
        }
        String path = request.getRequestURI();
        var entry = AuditEntry.builder(AuditAction.VIEW_PERSONAL, AuditResult.DENIED);
        users.current()
                .ifPresent(user -> entry.userId(user.id())
                        .username(user.username())
                        .roles(user.rolesText())
                        .organization(user.organizationCode()));
        audit.record(
                entry.object("api", path).detail("GET " + path + " " + status).build());
    }
}
