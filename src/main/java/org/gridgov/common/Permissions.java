package org.gridgov.common;

/**
 * The permission strings of the platform, readable as {@code resource:action}. Roles get them by configuration
 * ({@code gridgov.identity.role-permissions}); endpoints demand them with {@code @RequiresPermission}.
 */
public final class Permissions {

    public static final String REGION_READ = "region:read";
    public static final String REGION_WRITE = "region:write";
    public static final String GRID_WRITE = "grid:write";
    public static final String GRID_EXPORT = "grid:export";
    public static final String USER_READ = "user:read";
    public static final String USER_WRITE = "user:write";
    public static final String ROLE_ASSIGN = "role:assign";
    public static final String ORG_READ = "org:read";
    public static final String ORG_WRITE = "org:write";
    public static final String AUDIT_READ = "audit:read";
    public static final String PERSONAL_UNMASK = "personal:unmask";

    private Permissions() {}
}
