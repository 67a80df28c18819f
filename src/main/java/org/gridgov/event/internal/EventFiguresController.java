package org.gridgov.event.internal;

import java.time.LocalDate;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dashboard figures (大屏) from the rollups; beside its desk. */
@RestController
class EventFiguresController {

    private final EventFiguresDesk desk;

    EventFiguresController(EventFiguresDesk desk) {
        this.desk = desk;
    }

    /** {@code from} and {@code to} are days ({@code to} the day after the last), {@code by} names the grouping. */
    @GetMapping("/api/events/figures")
    @RequiresPermission(Permissions.EVENT_READ)
    EventFigures figures(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String by) {
        return desk.figures(region, from, to, by);
    }
}
