package org.gridgov.common;

/**
 * The permission strings of the platform, readable as {@code resource:action}. Roles get them by configuration
 * ({@code gridgov.identity.role-permissions}); endpoints demand them with {@code @RequiresPermission}.
 */
public final class Permissions {

    public static final String REGION_READ = "region:read";
    public static final String REGION_WRITE = "region:write";
    /**
     * The base map (底图): township and village outlines with their names, in the caller's scope. Published divisions,
     * no personal data, so held by everyone who sees a map, residents reporting an event included; not by the three
     * administrators, who read no business data. Grids and their names still need {@link #REGION_READ}.
     */
    public static final String MAP_READ = "map:read";

    public static final String GRID_WRITE = "grid:write";
    public static final String GRID_EXPORT = "grid:export";
    public static final String USER_READ = "user:read";
    public static final String USER_WRITE = "user:write";
    public static final String ROLE_ASSIGN = "role:assign";
    public static final String ORG_READ = "org:read";
    public static final String ORG_WRITE = "org:write";
    public static final String AUDIT_READ = "audit:read";
    public static final String PERSONAL_UNMASK = "personal:unmask";
    public static final String EVENT_REPORT = "event:report";
    public static final String EVENT_READ = "event:read";
    public static final String EVENT_ACCEPT = "event:accept";
    public static final String EVENT_DISPATCH = "event:dispatch";
    public static final String EVENT_HANDLE = "event:handle";
    public static final String EVENT_VERIFY = "event:verify";
    public static final String EVENT_SUPERVISE = "event:supervise";
    /**
     * Changing the county's rules (县级规则维护): the working calendar, the event categories, time limits,
     * responsibility list and skip-level rules. Held only by users whose data scope is a county or wider, whatever
     * their roles grant, since a change moves every deadline in the county.
     */
    public static final String RULES_WRITE = "rules:write";

    public static final String REGISTRY_READ = "registry:read";
    public static final String REGISTRY_WRITE = "registry:write";
    public static final String REGISTRY_IMPORT = "registry:import";
    public static final String REGISTRY_EXPORT = "registry:export";
    /** Special groups and other sensitive personal information (特殊人群, 宗教信仰): a permission of its own. */
    public static final String SPECIAL_READ = "special:read";
    /** Registering people in special groups and recording their follow-ups. */
    public static final String SPECIAL_WRITE = "special:write";
    /** Defining a deployment's own registers (their fields); entries then need only registry:write. */
    public static final String REGISTRY_DEFINE = "registry:define";

    /** Reading assessment figures, rankings and bulletins within the scope (workers and departments: their own). */
    public static final String ASSESSMENT_READ = "assessment:read";
    /** Asking for a 加分 / 扣分 of a subject. */
    public static final String ASSESSMENT_ADJUST = "assessment:adjust";
    /** Deciding on a 加分 / 扣分 someone else asked for. */
    public static final String ASSESSMENT_APPROVE = "assessment:approve";
    /** The county's scoring schemes and closing its periods (county scope or wider). */
    public static final String ASSESSMENT_MANAGE = "assessment:manage";

    public static final String NOTIFICATION_READ = "notification:read";

    /**
     * Reading grid teams (网格队伍) and cadre assignments (包联) within the scope: a grid worker reads the teams of
     * their own grids. Phones are shown masked; the plain number needs {@link #PERSONAL_UNMASK}.
     */
    public static final String TEAM_READ = "team:read";
    /** Keeping the rosters of the grids in scope and the cadre assignments of their areas. */
    public static final String TEAM_WRITE = "team:write";

    /** Recording one's own field day: sign-in and sign-out, patrols and their tracks, the field diary. */
    public static final String FIELD_WRITE = "field:write";
    /**
     * Reading the field day of others within the scope — attendance, patrols and their tracks, diaries, figures: a grid
     * leader their village's, center operators and leaders their area's. One's own needs only {@link #FIELD_WRITE}.
     */
    public static final String FIELD_READ = "field:read";

    /** The platform's operations views: the API description and the actuator endpoints other than health. */
    public static final String OPS_READ = "ops:read";

    private Permissions() {}
}
