package org.gridgov.registry.internal;

/**
 * Why a visit was made: 日常走访, 重点关注 (a group registration's follow-up), 帮扶, 安全检查, 信息核实, 政策宣传与服务,
 * 矛盾排查.
 */
public enum VisitPurpose {
    ROUTINE,
    FOLLOW_UP,
    HELP,
    SAFETY,
    VERIFY,
    SERVICE,
    DISPUTE;

    static VisitPurpose of(String name) {
        for (var purpose : values()) {
            if (purpose.name().equals(name)) {
                return purpose;
            }
        }
        return null;
    }

    /** The kind of follow-up a visit of this purpose is for a group registration (VISIT, HELP or PHONE). */
    String followUpKind(boolean byPhone) {
        return byPhone ? "PHONE" : this == HELP ? "HELP" : "VISIT";
    }
}
