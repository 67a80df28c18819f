package org.gridgov.identity;

/**
 * The roles of the platform. The three administrators split system work three ways (三权分立) and none of them reads
 * business data.
 */
public enum Role {
    SYSTEM_ADMIN("系统管理员", "System administrator"),
    SECURITY_ADMIN("安全管理员", "Security administrator"),
    AUDIT_ADMIN("审计管理员", "Audit administrator"),
    CENTER_OPERATOR("中心坐席员", "Center operator"),
    CENTER_LEADER("中心领导", "Center leader"),
    GRID_LEADER("网格长", "Grid leader"),
    GRID_WORKER("网格员", "Grid worker"),
    GRID_ASSISTANT("网格辅助员", "Grid assistant"),
    DEPARTMENT_HANDLER("部门经办人", "Department handler"),
    DEPARTMENT_LEADER("部门领导", "Department leader"),
    RESIDENT("群众", "Resident");

    private final String label;
    private final String labelEn;

    Role(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    public boolean isAdministrator() {
        return this == SYSTEM_ADMIN || this == SECURITY_ADMIN || this == AUDIT_ADMIN;
    }
}
