package org.gridgov.identity.internal;

import java.util.stream.Collectors;
import org.gridgov.audit.AuditAction;
import org.gridgov.audit.AuditEntry;
import org.gridgov.audit.AuditLog;
import org.gridgov.audit.AuditResult;
import org.gridgov.identity.CurrentUser;
import org.springframework.stereotype.Component;

/** What the identity module tells the audit log: sign-ins, writes, permission changes and unmasked views. */
@Component
class Auditing {

    private final AuditLog log;

    Auditing(AuditLog log) {
        this.log = log;
    }

    void login(CurrentUser user, String clientAddress) {
        log.record(of(user, AuditAction.LOGIN, AuditResult.SUCCESS)
                .object("user", String.valueOf(user.id()))
                .clientAddress(clientAddress)
                .build());
    }

    void loginFailed(UserRow user, String attemptedName, String reason, String clientAddress) {
        var entry = AuditEntry.builder(AuditAction.LOGIN_FAILED, AuditResult.FAILURE)
                .username(attemptedName)
                .detail(reason)
                .clientAddress(clientAddress);
        if (user != null) {
            entry.userId(user.id())
                    .roles(user.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                    .organization(user.organizationCode())
                    .object("user", String.valueOf(user.id()));
        }
        log.record(entry.build());
    }

    void logout(CurrentUser user, String clientAddress) {
        log.record(of(user, AuditAction.LOGOUT, AuditResult.SUCCESS)
                .clientAddress(clientAddress)
                .build());
    }

    void write(CurrentUser user, String method, String path, int status, String clientAddress) {
        var result = resultOf(status);
        var entry = user == null ? AuditEntry.builder(AuditAction.WRITE, result) : of(user, AuditAction.WRITE, result);
        log.record(entry.object("api", path)
                .detail(method + " " + path + " " + status)
                .clientAddress(clientAddress)
                .build());
    }

    /** A download of data; the purpose is the caller's, or "download" when the client gave none. */
    void export(CurrentUser user, String target, int status, String purpose, String clientAddress) {
        var result = resultOf(status);
        var entry =
                user == null ? AuditEntry.builder(AuditAction.EXPORT, result) : of(user, AuditAction.EXPORT, result);
        log.record(entry.object("api", target)
                .purpose(purpose == null || purpose.isBlank() ? "下载 download" : purpose)
                .detail("GET " + target + " " + status)
                .clientAddress(clientAddress)
                .build());
    }

    void permissionChange(CurrentUser actor, long userId, String detail) {
        log.record(of(actor, AuditAction.PERMISSION_CHANGE, AuditResult.SUCCESS)
                .object("user", String.valueOf(userId))
                .detail(detail)
                .build());
    }

    void unmask(CurrentUser actor, String objectType, String objectId, String purpose) {
        log.record(of(actor, AuditAction.UNMASK, AuditResult.SUCCESS)
                .object(objectType, objectId)
                .purpose(purpose)
                .build());
    }

    private static AuditResult resultOf(int httpStatus) {
        if (httpStatus == 401 || httpStatus == 403) {
            return AuditResult.DENIED;
        }
        return httpStatus >= 400 ? AuditResult.FAILURE : AuditResult.SUCCESS;
    }

    private static AuditEntry.Builder of(CurrentUser user, AuditAction action, AuditResult result) {
        return AuditEntry.builder(action, result)
                .userId(user.id())
                .username(user.username())
                .roles(user.rolesText())
                .organization(user.organizationCode());
    }
}
