package org.gridgov.registry.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.common.CurrentScope;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.region.GridContent;
import org.gridgov.region.GridContents;
import org.gridgov.registry.internal.GridRecordsRepository.Kind;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's part of a grid's contents: its residents, households, houses, places and organizations, counted for
 * a grid about to end and moved to the grid that takes them over, each move in the record's history under the
 * signed-in user with the adjustment's reason.
 */
@Component
@Order(1)
class RegistryGridContents implements GridContents {

    private final GridRecordsRepository records;
    private final CurrentScope scope;
    private final CurrentUsers users;
    private final Clock clock;

    RegistryGridContents(GridRecordsRepository records, CurrentScope scope, CurrentUsers users, Clock clock) {
        this.records = records;
        this.scope = scope;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public List<GridContent> count(String gridCode) {
        long[] counts = records.count(gridCode);
        var contents = new ArrayList<GridContent>();
        for (var kind : Kind.values()) {
            contents.add(new GridContent(kind.labelEn, counts[kind.ordinal()], kind.label, kind.labelEn));
        }
        return contents;
    }

    @Override
    @Transactional
    public int moveAll(String fromGridCode, String toGridCode, String reason) {
        // The region module checked both grids against the caller's scope; this is the registry's own guard.
        if (!scope.covers(fromGridCode) || !scope.covers(toGridCode)) {
            throw new IllegalArgumentException("grids outside the caller's scope: " + fromGridCode + ", " + toGridCode);
        }
        var user = users.require();
        var now = clock.instant();
        String note = "网格调整 grid adjusted: " + reason;
        int moved = 0;
        for (var kind : Kind.values()) {
            moved += records.move(kind, fromGridCode, toGridCode, user.id(), user.realName(), note, now);
        }
        return moved;
    }
}
