package org.gridgov.identity;

import java.util.List;
import java.util.Optional;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Unscoped;
import org.gridgov.identity.internal.Staff;
import org.springframework.stereotype.Component;

/**
 * Who works in an area, as other modules count and link them: the grid workers, the staff accounts and the
 * departments of a region.
 */
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

    /** An active staff account (not an administrator's, not a resident's) by id. */
    public Optional<AccountRef> account(long id) {
        return staff.account(id);
    }

    /**
     * Active staff accounts working under a region code (their scope or one of their grids lies under it), by name,
     * a page at a time.
     *
     * @param name a fragment of the real name; null for all
     */
    public PageResult<AccountRef> accountsUnder(String regionPrefix, String name, PageQuery page) {
        return staff.accountsUnder(regionPrefix, name, page);
    }

    /** Active departments attached to a region under a region code. */
    public List<OrganizationRef> departmentsUnder(String regionPrefix) {
        return staff.departmentsUnder(regionPrefix);
    }
}
