package org.gridgov.identity;

import java.util.List;
import java.util.Optional;
import org.gridgov.common.Unscoped;
import org.gridgov.identity.internal.Staff;
import org.springframework.stereotype.Component;

/** Who works in an area, as other modules count them: the grid workers and the departments of a region. */
@Component
@Unscoped("callers pass the region they may read as a bound prefix; names and grids only, no personal data")
public class StaffDirectory {

    private final Staff staff;

    StaffDirectory(Staff staff) {
        this.staff = staff;
    }

    /** Active accounts with the grid worker role whose scope or grids lie under a region code. */
    public List<GridWorkerRef> gridWorkersUnder(String regionPrefix) {
        return staff.gridWorkersUnder(regionPrefix);
    }

    /** An active grid worker by account id. */
    public Optional<GridWorkerRef> gridWorker(long id) {
        return staff.gridWorker(id);
    }

    /** Active departments attached to a region under a region code. */
    public List<OrganizationRef> departmentsUnder(String regionPrefix) {
        return staff.departmentsUnder(regionPrefix);
    }
}
