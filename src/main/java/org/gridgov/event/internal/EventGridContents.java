package org.gridgov.event.internal;

import java.time.Clock;
import java.util.List;
import org.gridgov.common.CurrentScope;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.region.GridContent;
import org.gridgov.region.GridContents;
import org.gridgov.region.RegionApi;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The event module's part of a grid's contents: its open events, counted for a grid about to end and moved to the grid
 * that takes them over (status, holder and deadline unchanged), each with a {@code GRID_CHANGED} line in its history.
 */
@Component
@Order(2)
class EventGridContents implements GridContents {

    private final GridEventsRepository events;
    private final RegionApi regions;
    private final CurrentScope scope;
    private final CurrentUsers users;
    private final EventRollups rollups;
    private final Clock clock;

    EventGridContents(
            GridEventsRepository events,
            RegionApi regions,
            CurrentScope scope,
            CurrentUsers users,
            EventRollups rollups,
            Clock clock) {
        this.events = events;
        this.regions = regions;
        this.scope = scope;
        this.users = users;
        this.rollups = rollups;
        this.clock = clock;
    }

    @Override
    public List<GridContent> count(String gridCode) {
        return List.of(new GridContent("openEvents", events.countOpen(gridCode), "未办结事件", "open events"));
    }

    @Override
    @Transactional
    public int moveAll(String fromGridCode, String toGridCode, String reason) {
        // The region module checked both grids against the caller's scope; this is the event module's own guard.
        if (!scope.covers(fromGridCode) || !scope.covers(toGridCode)) {
            throw new IllegalArgumentException("grids outside the caller's scope: " + fromGridCode + ", " + toGridCode);
        }
        var to = regions.currentGrid(toGridCode)
                .orElseThrow(() -> new IllegalArgumentException("no current grid " + toGridCode));
        String from = regions.names(List.of(fromGridCode)).getOrDefault(fromGridCode, fromGridCode);
        String note = "所属网格由“" + from + "”改为“" + to.name() + "”：" + reason;
        var actor = EventRepository.Actor.of(users.require());
        var moved = events.moveOpen(fromGridCode, toGridCode, to.versionId(), actor, note, clock.instant());
        rollups.regridded(moved, toGridCode);
        return moved.size();
    }
}
