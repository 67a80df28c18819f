package org.gridgov.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
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

    /**
     * The names of organizations by code, for showing the codes records keep; unknown codes are left out. Served from
     * memory after the first call, so a page of events costs no query.
     */
    public Map<String, String> names(Collection<String> codes) {
        return organizations.names(codes);
    }

    /**
     * Where the caller may dispatch work held by organization {@code from}: departments in the caller's scope and
     * of the county, and centers and stations of lower levels in the caller's scope; the {@code preferred} codes
     * (those responsible for the work) first.
     *
     * @param name a fragment of the name or the start of the code; null for all
     */
    public PageResult<OrganizationRef> dispatchTargets(
            String from, String name, List<String> preferred, PageQuery page) {
        return organizations.dispatchTargets(from, name, preferred, page);
    }

    /** Whether the caller may dispatch work held by organization {@code from} to organization {@code to}. */
    public boolean isDispatchTarget(String from, String to) {
        return organizations.isDispatchTarget(from, to);
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
