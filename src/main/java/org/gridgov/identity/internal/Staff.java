package org.gridgov.identity.internal;

import java.util.List;
import java.util.Optional;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Unscoped;
import org.gridgov.identity.AccountRef;
import org.gridgov.identity.GridWorkerRef;
import org.gridgov.identity.OrganizationRef;
import org.springframework.stereotype.Component;

/** The grid workers, staff accounts and departments of a region, for {@link org.gridgov.identity.StaffDirectory}. */
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

    public Optional<AccountRef> account(long id) {
        return staff.account(id);
    }

    public PageResult<AccountRef> accountsUnder(String prefix, String name, PageQuery page) {
        var found = staff.accountsUnder(prefix, name, page);
        return PageResult.of(found, page, staff.countAccountsUnder(prefix, name));
    }

    public List<OrganizationRef> departmentsUnder(String prefix) {
        return staff.departmentsUnder(prefix);
    }
}
