package org.gridgov.identity;

/** A center or department, as other modules route work to it. */
public record OrganizationRef(String code, String name, String kind, String regionCode) {

    public boolean isCenter() {
        return "CENTER".equals(kind) || "STATION".equals(kind);
    }

    /** A functional department (职能部门), which handles what is dispatched to it rather than a part of the tree. */
    public boolean isDepartment() {
        return "DEPARTMENT".equals(kind);
    }
}
