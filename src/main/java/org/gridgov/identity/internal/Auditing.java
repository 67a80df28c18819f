package org.gridgov.identity.internal;

import java.util.stream.Collectors;
import org.gridgov.audit.AuditAction;
import org.gridgov.audit.AuditEntry;
import org.gridgov.audit.AuditLog;
import org.gridgov.audit.AuditResult;
import org.gridgov.audit.PendingAudit;
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

    /**
     * Starts the audit of an API write or export: its changes, once committed, carry a copy of this record even if
     * the platform stops before the request ends.
     */
    PendingAudit begin(CurrentUser user, String method, String target, String purpose, String clientAddress) {
        boolean export = isExport(target);
        var action = export ? AuditAction.EXPORT : AuditAction.WRITE;
        var entry =
                user == null ? AuditEntry.builder(action, AuditResult.SUCCESS) : of(user, action, AuditResult.SUCCESS);
        if (export) {
            entry.purpose(purposeOf(purpose));
        }
        return log.begin(entry.object("api", target)
                .detail(method + " " + target)
                .clientAddress(clientAddress)
                .build());
    }

    /** Records how a request begun with {@link #begin} ended, in place of the copies its changes carried. */
    void complete(
            PendingAudit pending,
            CurrentUser user,
            String method,
            String target,
            int status,
            String purpose,
            String clientAddress) {
        log.complete(
                pending,
                isExport(target)
                        ? exportEntry(user, target, status, purpose, clientAddress)
                        : writeEntry(user, method, target, status, clientAddress));
    }

    private static AuditEntry writeEntry(CurrentUser user, String method, String path, int status, String address) {
        var result = resultOf(status);
        var entry = user == null ? AuditEntry.builder(AuditAction.WRITE, result) : of(user, AuditAction.WRITE, result);
        return entry.object("api", path)
                .detail(method + " " + path + " " + status)
                .clientAddress(address)
                .build();
    }

    private static AuditEntry exportEntry(
            CurrentUser user, String target, int status, String purpose, String clientAddress) {
        var result = resultOf(status);
        var entry =
                user == null ? AuditEntry.builder(AuditAction.EXPORT, result) : of(user, AuditAction.EXPORT, result);
        return entry.object("api", target)
                .purpose(purposeOf(purpose))
                .detail("GET " + target + " " + status)
                .clientAddress(clientAddress)
                .build();
    }

    private static String purposeOf(String purpose) {
        return purpose == null || purpose.isBlank() ? "下载 download" : purpose;
    }

    /** Exports are the paths ending in {@code /export}, whatever query follows. */
    static boolean isExport(String target) {
        int query = target.indexOf('?');
        return (query < 0 ? target : target.substring(0, query)).endsWith("/export");
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
