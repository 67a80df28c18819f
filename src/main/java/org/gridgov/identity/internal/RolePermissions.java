package org.gridgov.identity.internal;

import static org.gridgov.common.Permissions.ASSESSMENT_ADJUST;
import static org.gridgov.common.Permissions.ASSESSMENT_APPROVE;
import static org.gridgov.common.Permissions.ASSESSMENT_MANAGE;
import static org.gridgov.common.Permissions.ASSESSMENT_READ;
import static org.gridgov.common.Permissions.AUDIT_READ;
import static org.gridgov.common.Permissions.EVENT_ACCEPT;
import static org.gridgov.common.Permissions.EVENT_DISPATCH;
import static org.gridgov.common.Permissions.EVENT_HANDLE;
import static org.gridgov.common.Permissions.EVENT_READ;
import static org.gridgov.common.Permissions.EVENT_REPORT;
import static org.gridgov.common.Permissions.EVENT_SUPERVISE;
import static org.gridgov.common.Permissions.EVENT_VERIFY;
import static org.gridgov.common.Permissions.FIELD_READ;
import static org.gridgov.common.Permissions.FIELD_WRITE;
import static org.gridgov.common.Permissions.GRID_EXPORT;
import static org.gridgov.common.Permissions.GRID_WRITE;
import static org.gridgov.common.Permissions.MAP_READ;
import static org.gridgov.common.Permissions.NOTIFICATION_READ;
import static org.gridgov.common.Permissions.OPS_READ;
import static org.gridgov.common.Permissions.ORG_READ;
import static org.gridgov.common.Permissions.ORG_WRITE;
import static org.gridgov.common.Permissions.PERSONAL_UNMASK;
import static org.gridgov.common.Permissions.REGION_READ;
import static org.gridgov.common.Permissions.REGION_WRITE;
import static org.gridgov.common.Permissions.REGISTRY_DEFINE;
import static org.gridgov.common.Permissions.REGISTRY_EXPORT;
import static org.gridgov.common.Permissions.REGISTRY_IMPORT;
import static org.gridgov.common.Permissions.REGISTRY_READ;
import static org.gridgov.common.Permissions.REGISTRY_WRITE;
import static org.gridgov.common.Permissions.ROLE_ASSIGN;
import static org.gridgov.common.Permissions.RULES_WRITE;
import static org.gridgov.common.Permissions.SPECIAL_READ;
import static org.gridgov.common.Permissions.SPECIAL_WRITE;
import static org.gridgov.common.Permissions.TEAM_READ;
import static org.gridgov.common.Permissions.TEAM_WRITE;
import static org.gridgov.common.Permissions.USER_READ;
import static org.gridgov.common.Permissions.USER_WRITE;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gridgov.identity.Role;
import org.gridgov.identity.ScopeKind;
import org.springframework.stereotype.Component;

/**
 * Which permissions each role holds: the built-in sets below, overridden per role by configuration.
 *
 * <p>The administrators split the system's own work (三权分立): the system administrator keeps accounts and
 * organizations and watches the platform's operations views ({@code ops:read}) but cannot grant roles, the
 * security administrator grants roles but keeps no accounts, the audit
 * administrator only reads the audit log; none of them reads business data. Residents read no notifications: those
 * are addressed to organizations, and a resident belongs to none.
 *
 * <p>Some permissions act on the whole county ({@link #COUNTY_LEVEL}): a user holds them only when their data scope is
 * a county or wider, so that a township's operator, with the same role as the county's, cannot change the county's
 * rules.
 */
@Component
public class RolePermissions {

    private static final Map<Role, Set<String>> BUILT_IN = Map.ofEntries(
            Map.entry(Role.SYSTEM_ADMIN, Set.of(USER_READ, USER_WRITE, ORG_READ, ORG_WRITE, OPS_READ)),
            Map.entry(Role.SECURITY_ADMIN, Set.of(USER_READ, ROLE_ASSIGN, ORG_READ)),
            Map.entry(Role.AUDIT_ADMIN, Set.of(AUDIT_READ)),
            Map.entry(
                    Role.CENTER_OPERATOR,
                    Set.of(
                            REGION_READ,
                            MAP_READ,
                            REGION_WRITE,
                            GRID_WRITE,
                            GRID_EXPORT,
                            ORG_READ,
                            EVENT_REPORT,
                            EVENT_READ,
                            EVENT_ACCEPT,
                            EVENT_DISPATCH,
                            EVENT_VERIFY,
                            RULES_WRITE,
                            REGISTRY_READ,
                            REGISTRY_WRITE,
                            REGISTRY_IMPORT,
                            REGISTRY_EXPORT,
                            REGISTRY_DEFINE,
                            SPECIAL_READ,
                            SPECIAL_WRITE,
                            ASSESSMENT_READ,
                            ASSESSMENT_ADJUST,
                            ASSESSMENT_MANAGE,
                            TEAM_READ,
                            TEAM_WRITE,
                            FIELD_READ,
                            NOTIFICATION_READ)),
            Map.entry(
                    Role.CENTER_LEADER,
                    Set.of(
                            REGION_READ,
                            MAP_READ,
                            GRID_EXPORT,
                            ORG_READ,
                            USER_READ,
                            PERSONAL_UNMASK,
                            EVENT_READ,
                            EVENT_SUPERVISE,
                            REGISTRY_READ,
                            REGISTRY_EXPORT,
                            SPECIAL_READ,
                            ASSESSMENT_READ,
                            ASSESSMENT_APPROVE,
                            TEAM_READ,
                            FIELD_READ,
                            NOTIFICATION_READ)),
            Map.entry(
                    Role.GRID_LEADER,
                    Set.of(
                            REGION_READ,
                            MAP_READ,
                            EVENT_REPORT,
                            EVENT_READ,
                            EVENT_HANDLE,
                            EVENT_VERIFY,
                            REGISTRY_READ,
                            REGISTRY_WRITE,
                            SPECIAL_READ,
                            SPECIAL_WRITE,
                            ASSESSMENT_READ,
                            TEAM_READ,
                            FIELD_READ,
                            FIELD_WRITE,
                            NOTIFICATION_READ)),
            Map.entry(
                    Role.GRID_WORKER,
                    Set.of(
                            REGION_READ,
                            MAP_READ,
                            EVENT_REPORT,
                            EVENT_READ,
                            EVENT_HANDLE,
                            EVENT_VERIFY,
                            REGISTRY_READ,
                            REGISTRY_WRITE,
                            SPECIAL_READ,
                            SPECIAL_WRITE,
                            ASSESSMENT_READ,
                            TEAM_READ,
                            FIELD_WRITE,
                            NOTIFICATION_READ)),
            Map.entry(
                    Role.GRID_ASSISTANT,
                    Set.of(
                            REGION_READ,
                            MAP_READ,
                            EVENT_REPORT,
                            EVENT_READ,
                            REGISTRY_READ,
                            ASSESSMENT_READ,
                            TEAM_READ,
                            FIELD_WRITE,
                            NOTIFICATION_READ)),
            Map.entry(
                    Role.DEPARTMENT_HANDLER,
                    Set.of(REGION_READ, MAP_READ, EVENT_READ, EVENT_HANDLE, ASSESSMENT_READ, NOTIFICATION_READ)),
            Map.entry(
                    Role.DEPARTMENT_LEADER,
                    Set.of(
                            REGION_READ,
                            MAP_READ,
                            EVENT_READ,
                            EVENT_HANDLE,
                            EVENT_SUPERVISE,
                            ASSESSMENT_READ,
                            NOTIFICATION_READ)),
            Map.entry(Role.RESIDENT, Set.of(MAP_READ, EVENT_REPORT, EVENT_READ)));

    /** Permissions over the whole county, held only by users whose scope is a county (6 digits) or wider. */
    static final Set<String> COUNTY_LEVEL = Set.of(RULES_WRITE, ASSESSMENT_MANAGE);

    private final Map<Role, Set<String>> permissions = new EnumMap<>(Role.class);

    RolePermissions(IdentitySettings settings) {
        for (var role : Role.values()) {
            permissions.put(role, Set.copyOf(settings.rolePermissions().getOrDefault(role, BUILT_IN.get(role))));
        }
    }

    public Set<String> of(Role role) {
        return permissions.get(role);
    }

    public Set<String> of(Set<Role> roles) {
        var all = new TreeSet<String>();
        roles.forEach(role -> all.addAll(of(role)));
        return all;
    }

    /** The permissions a user holds: those of the roles, less the county-level ones below a county's scope. */
    public Set<String> of(Set<Role> roles, ScopeKind scopeKind, String scopeCode) {
        var all = of(roles);
        boolean countyOrWider =
                scopeKind == ScopeKind.REGION && scopeCode != null && !scopeCode.isEmpty() && scopeCode.length() <= 6;
        if (!countyOrWider) {
            all.removeAll(COUNTY_LEVEL);
        }
        return all;
    }
}
