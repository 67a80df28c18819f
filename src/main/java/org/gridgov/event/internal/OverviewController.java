package org.gridgov.event.internal;

import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The figures of the caller's home page (工作台); beside its desk, which stays package-private. */
@RestController
class OverviewController {

    private final OverviewDesk desk;

    OverviewController(OverviewDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/api/events/overview")
    @RequiresPermission(Permissions.EVENT_READ)
    EventOverview overview() {
        return desk.overview();
    }
}
