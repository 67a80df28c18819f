package org.gridgov.identity.internal;

import java.util.List;
import org.gridgov.common.CurrentScope;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.region.GridContent;
import org.gridgov.region.GridContents;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts covering a grid (grid workers and assistants): counted for a grid about to end, so that it is not
 * retired with its workers still pointed at it, and handed over to the grid that takes its records, each account's
 * change of scope audited as a permission change.
 */
@Component
@Order(3)
class IdentityGridContents implements GridContents {

    private final UserRepository users;
    private final CurrentScope scope;
    private final CurrentUsers currentUsers;
    private final Auditing audit;

    IdentityGridContents(UserRepository users, CurrentScope scope, CurrentUsers currentUsers, Auditing audit) {
        this.users = users;
        this.scope = scope;
        this.currentUsers = currentUsers;
        this.audit = audit;
    }

    @Override
    public List<GridContent> count(String gridCode) {
        return List.of(
                new GridContent("gridWorkers", users.countCovering(gridCode), "网格员账户", "grid workers' accounts"));
    }

    @Override
    @Transactional
    public int moveAll(String fromGridCode, String toGridCode, String reason) {
        // The region module checked both grids against the caller's scope; this is the identity module's own guard.
        if (!scope.covers(fromGridCode) || !scope.covers(toGridCode)) {
            throw new IllegalArgumentException("grids outside the caller's scope: " + fromGridCode + ", " + toGridCode);
        }
        var actor = currentUsers.require();
        var moved = users.moveCover(fromGridCode, toGridCode);
        for (long user : moved) {
            audit.permissionChange(actor, user, "grids " + fromGridCode + " -> " + toGridCode + " (" + reason + ")");
        }
        return moved.size();
    }
}
