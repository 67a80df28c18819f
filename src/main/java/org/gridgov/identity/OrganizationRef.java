package org.gridgov.identity;

/** A center or department, as other modules route work to it. */
public record OrganizationRef(String code, String name, String kind, String regionCode) {

    public boolean isCenter() {
        return "CENTER".equals(kind) || "STATION".equals(kind);
    }
}
