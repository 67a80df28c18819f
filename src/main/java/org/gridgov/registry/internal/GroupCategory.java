package org.gridgov.registry.internal;

import org.gridgov.common.Permissions;

/**
 * The two kinds of group: special groups (特殊人群), sensitive personal information under special:read and
 * special:write; and service recipients (重点服务对象), kept under the ordinary registry permissions.
 */
public enum GroupCategory {
    SPECIAL(Permissions.SPECIAL_READ),
    SERVICE(Permissions.REGISTRY_READ);

    private final String readPermission;

    GroupCategory(String readPermission) {
        this.readPermission = readPermission;
    }

    /** The permission that shows a person's membership of a group of this category. */
    public String readPermission() {
        return readPermission;
    }
}
