package org.gridgov.identity;

import java.util.Optional;
import org.gridgov.common.Unscoped;
import org.gridgov.identity.internal.Organizations;
import org.springframework.stereotype.Component;

/** Finds the organizations work is routed to: the center of an area, the center one level up, a department. */
@Component
@Unscoped("routing must reach the centers of every level, whoever asks")
public class OrganizationDirectory {

    private final Organizations organizations;

    OrganizationDirectory(Organizations organizations) {
        this.organizations = organizations;
    }

    public Optional<OrganizationRef> find(String code) {
        return organizations.ref(code);
    }

    /** The center (or village station) closest to a region or grid: the one with the longest matching region code. */
    public Optional<OrganizationRef> lowestCenterCovering(String regionOrGridCode) {
        return organizations.lowestCenterCovering(regionOrGridCode);
    }

    /** The center of the region at one level (6 = county, 9 = township) that contains a region or grid. */
    public Optional<OrganizationRef> centerAt(String regionOrGridCode, int regionCodeLength) {
        return organizations.centerAt(regionOrGridCode, regionCodeLength);
    }

    /** The next center above an organization, for escalating level by level. */
    public Optional<OrganizationRef> parentCenter(String organizationCode) {
        return organizations.parentCenter(organizationCode);
    }
}
