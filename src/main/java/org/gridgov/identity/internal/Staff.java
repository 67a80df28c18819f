package org.gridgov.identity.internal;

import java.util.List;
import java.util.Optional;
import org.gridgov.common.Unscoped;
import org.gridgov.identity.GridWorkerRef;
import org.gridgov.identity.OrganizationRef;
import org.springframework.stereotype.Component;

/** The grid workers and departments of a region, for {@link org.gridgov.identity.StaffDirectory}. */
@Component
@Unscoped("serves StaffDirectory, whose callers bind the region they may read")
public class Staff {

    private final StaffRepository staff;

    Staff(StaffRepository staff) {
        this.staff = staff;
    }

    public List<GridWorkerRef> gridWorkersUnder(String prefix) {
        return staff.gridWorkersUnder(prefix);
    }

    public Optional<GridWorkerRef> gridWorker(long id) {
        return staff.gridWorker(id);
    }

    public List<OrganizationRef> departmentsUnder(String prefix) {
        return staff.departmentsUnder(prefix);
    }
}
