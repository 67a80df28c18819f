package org.gridgov.identity.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.identity.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access rules a deployment may tune.
 *
 * @param rolePermissions the permissions of each role; a role not listed keeps its built-in set
 * @param passwordMinLength at least this many characters
 * @param passwordMinClasses of upper case, lower case, digits and symbols, at least this many kinds
 * @param passwordMaxAge a password older than this must be changed before anything else
 * @param maxFailedLogins this many failures in a row lock the account
 * @param lockDuration for this long
 * @param accessTokenTtl bearer access tokens live this long
 * @param refreshIdleTimeout a refresh token not used for this long expires (the idle timeout of mobile clients)
 * @param refreshMaxLifetime a token family ends this long after its sign-in, however active
 * @param totpRoles roles that must sign in with a second factor once they have enrolled one
 */
@ConfigurationProperties("gridgov.identity")
record IdentitySettings(
        Map<Role, Set<String>> rolePermissions,
        @DefaultValue("8") int passwordMinLength,
        @DefaultValue("3") int passwordMinClasses,
        @DefaultValue("90d") Duration passwordMaxAge,
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("30m") Duration lockDuration,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30m") Duration refreshIdleTimeout,
        @DefaultValue("12h") Duration refreshMaxLifetime,

        @DefaultValue({"SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"})
        List<Role> totpRoles) {

    IdentitySettings {
        rolePermissions = rolePermissions == null ? Map.of() : Map.copyOf(rolePermissions);
    }
}
