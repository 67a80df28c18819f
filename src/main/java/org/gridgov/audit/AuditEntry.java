package org.gridgov.audit;

import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One audited event as the caller knows it; the log adds the time, the id and the hashes.
 *
 * @param userId the acting user, null when unknown (a failed login with an unknown name)
 * @param username the acting or attempted user name
 * @param roles the user's roles at the time, as text (for example {@code grid-worker,village-admin})
 * @param organization the user's organization or region code
 * @param objectType the kind of object acted on, such as {@code person} or {@code grid}
 * @param purpose why the user needed it; required for {@link AuditAction#UNMASK} and {@link AuditAction#EXPORT}
 * @param detail a short description, such as {@code POST /api/grids 201}
 * @param clientAddress the client's IP address as the platform saw it
 */
public record AuditEntry(
        Long userId,
        String username,
        String roles,
        String organization,
        AuditAction action,
        String objectType,
        String objectId,
        AuditResult result,
        String purpose,
        String detail,
        String clientAddress) {

    public static Builder builder(AuditAction action, AuditResult result) {
        return new Builder().action(action).result(result);
    }

    public Builder toBuilder() {
        return new Builder()
                .userId(userId)
                .username(username)
                .roles(roles)
                .organization(organization)
                .action(action)
                .object(objectType, objectId)
                .result(result)
                .purpose(purpose)
                .detail(detail)
                .clientAddress(clientAddress);
    }

    /** Builds an entry field by field, since most events know only some of them. */
    public static final class Builder {
        private Long userId;
        private String username;
        private String roles;
        private String organization;
        private AuditAction action;
        private String objectType;
        private String objectId;
        private AuditResult result;
        private String purpose;
        private String detail;
        private String clientAddress;

        private Builder() {}

        public Builder userId(Long userId) {
            this.userId = userId;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder roles(String roles) {
            this.roles = roles;
            return this;
        }

        /** Roles sorted and comma-separated, so that the same set always reads the same in the log. */
        public Builder roles(Collection<String> roles) {
            this.roles = roles == null
                    ? null
                    : roles.stream()
                            .filter(Objects::nonNull)
                            .sorted()
                            .distinct()
                            .collect(Collectors.joining(","));
            return this;
        }

        public Builder organization(String organization) {
            this.organization = organization;
            return this;
        }

        public Builder action(AuditAction action) {
            this.action = action;
            return this;
        }

        public Builder object(String type, String id) {
            this.objectType = type;
            this.objectId = id;
            return this;
        }

        public Builder result(AuditResult result) {
            this.result = result;
            return this;
        }

        public Builder purpose(String purpose) {
            this.purpose = purpose;
            return this;
        }

        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        public Builder clientAddress(String clientAddress) {
            this.clientAddress = clientAddress;
            return this;
        }

        public AuditEntry build() {
            return new AuditEntry(
                    userId,
                    username,
                    roles,
                    organization,
                    action,
                    objectType,
                    objectId,
                    result,
                    purpose,
                    detail,
                    clientAddress);
        }
    }
}
