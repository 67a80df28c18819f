package org.gridgov.identity;

/**
 * The roles of the platform. The three administrators split system work three ways (三权分立) and none of them reads
 * business data.
 */
public enum Role {
    SYSTEM_ADMIN("系统管理员"),
    SECURITY_ADMIN("安全管理员"),
    AUDIT_ADMIN("审计管理员"),
    CENTER_OPERATOR("中心坐席员"),
    CENTER_LEADER("中心领导"),
    GRID_LEADER("网格长"),
    GRID_WORKER("网格员"),
    GRID_ASSISTANT("网格辅助员"),
    DEPARTMENT_HANDLER("部门经办人"),
    DEPARTMENT_LEADER("部门领导"),
    RESIDENT("群众");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isAdministrator() {
        return this == SYSTEM_ADMIN || this == SECURITY_ADMIN || this == AUDIT_ADMIN;
    }
}
