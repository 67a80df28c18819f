package org.gridgov.event.web;

import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.event.Move;
import org.gridgov.event.internal.EventDesk;
import org.gridgov.event.internal.EventDesk.DispatchTarget;
import org.gridgov.event.internal.EventDesk.EventListQuery;
import org.gridgov.event.internal.EventDesk.MoveCommand;
import org.gridgov.event.internal.EventDesk.ReportCommand;
import org.gridgov.event.internal.EventDesk.ReportLocation;
import org.gridgov.event.internal.EventView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events: report, work lists, detail with history, and one endpoint per move, each demanding the move's permission
 * (the authorization matrix sees them all). The body of a move is {@code {"version": n, "note": "…"}} plus
 * {@code assignee} for dispatch, {@code satisfaction} for rate, {@code supervision} for supervise.
 */
@RestController
@RequestMapping("/api/events")
class EventController {

    private final EventDesk desk;

    EventController(EventDesk desk) {
        this.desk = desk;
    }

    @PostMapping
    @RequiresPermission(Permissions.EVENT_REPORT)
    ResponseEntity<EventView> report(@RequestBody ReportCommand command) {
        var reported = desk.report(command);
        return ResponseEntity.status(reported.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(reported.event());
    }

    @GetMapping
    @RequiresPermission(Permissions.EVENT_READ)
    PageResult<EventView> list(
            @RequestParam(required = false) String box,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String urgency,
            @RequestParam(required = false) java.time.Instant from,
            @RequestParam(required = false) java.time.Instant to,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String serial,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String card,
            @RequestParam(required = false) boolean open,
            @RequestParam(required = false) boolean supervised,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.list(
                new EventListQuery(
                        box, status, category, urgency, from, to, region, serial, source, card, open, supervised),
                PageQuery.of(page, size));
    }

    /** Likely duplicates of a report about to be made (or of an event, with {@code exclude}). */
    @GetMapping("/duplicates")
    @RequiresPermission(Permissions.EVENT_REPORT)
    PageResult<EventView> duplicates(
            @RequestParam String categoryCode,
            @RequestParam double lon,
            @RequestParam double lat,
            @RequestParam(required = false) Long exclude) {
        // A hint, bounded to the 20 most recent candidates: one page.
        var candidates = desk.duplicates(categoryCode, lon, lat, exclude);
        return PageResult.of(candidates, new PageQuery(0, 20), candidates.size());
    }

    /**
     * The grid a report at a point would be filed under, with its village and township: the report form's map for
     * reporters who may not read the region tree.
     */
    @GetMapping("/locate")
    @RequiresPermission(Permissions.EVENT_REPORT)
    ReportLocation locate(@RequestParam double lon, @RequestParam double lat) {
        return desk.locate(lon, lat);
    }

    /** Where the event may be dispatched, the organizations responsible for its category first. */
    @GetMapping("/{id}/dispatch-targets")
    @RequiresPermission(Permissions.EVENT_DISPATCH)
    PageResult<DispatchTarget> dispatchTargets(
            @PathVariable long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.dispatchTargets(id, name, PageQuery.of(page, size, 50));
    }

    @PostMapping("/{id}/merge-into/{originalId}")
    @RequiresPermission(Permissions.EVENT_ACCEPT)
    EventView merge(@PathVariable long id, @PathVariable long originalId, @RequestBody MoveCommand command) {
        return desk.merge(id, originalId, command);
    }

    @GetMapping("/{id}/merged-reporters")
    @RequiresPermission(Permissions.EVENT_READ)
    PageResult<String> mergedReporters(@PathVariable long id) {
        var reporters = desk.mergedReporters(id);
        return PageResult.of(reporters, new PageQuery(0, Math.max(1, reporters.size())), reporters.size());
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.EVENT_READ)
    EventView get(@PathVariable long id) {
        return desk.get(id);
    }

    @GetMapping("/{id}/history")
    @RequiresPermission(Permissions.EVENT_READ)
    PageResult<?> history(
            @PathVariable long id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.history(id, PageQuery.of(page, size));
    }

    @PostMapping("/{id}/accept")
    @RequiresPermission(Permissions.EVENT_ACCEPT)
    EventView accept(@PathVariable long id, @RequestBody MoveCommand command) {
        return desk.move(id, Move.ACCEPT, command);
    }

    @PostMapping("/{id}/reject")
    @RequiresPermission(Permissions.EVENT_ACCEPT)
    EventView reject(@PathVariable long id, @RequestBody MoveCommand command) {
        return desk.move(id, Move.REJECT, command);
    }

    @PostMapping("/{id}/resolve")
    @RequiresPermission(Permissions.EVENT_HANDLE)
    EventView resolve(@PathVariable long id, @RequestBody MoveCommand command) {
        return desk.move(id, Move.RESOLVE, command);
    }

    @PostMapping("/{id}/escalate")
    @RequiresPermission(Permissions.EVENT_ACCEPT)
    EventView escalate(@PathVariable long id, @RequestBody MoveCommand command) {
        return desk.move(id, Move.ESCALATE, command);
    }

    @PostMapping("/{id}/dispatch")
    @RequiresPermission(Permissions.EVENT_DISPATCH)
    EventView dispatch(@PathVariable long id, @RequestBody MoveCommand command) {
        return desk.move(id, Move.DISPATCH, command);
    }

    @PostMapping("/{id}/claim")
    @RequiresPermission(Permissions.EVENT_HANDLE)
    EventView claim(@PathVariable long id, @RequestBody MoveCommand command) {
        return desk.move(id, Move.CLAIM, command);
    }

    @PostMapping("/{id}/return")
    @RequiresPermission(Permissions.EVENT_HANDLE)
    EventView returnToDispatcher(@PathVariable long id, @RequestBody MoveCommand command) {
        return desk.move(id, Move.RETURN, command);
    }

    @PostMapping("/{id}/feedback")
    @RequiresPermission(Permissions.EVENT_HANDLE)
    EventView feedback(@PathVariable long id, @RequestBody MoveCommand command) {
        return desk.move(id, Move.FEEDBACK, command);
    }

    @PostMapping("/{id}/verify")
    @RequiresPermission(Permissions.EVENT_VERIFY)
    EventView verify(@PathVariable long id, @RequestBody MoveCommand command) {
        return desk.move(id, Move.VERIFY_PASS, command);
    }

    @PostMapping("/{id}/rework")
    @RequiresPermission(Permissions.EVENT_VERIFY)
    EventView rework(@PathVariable long id, @RequestBody MoveCommand command) {
        return desk.move(id, Move.VERIFY_FAIL, command);
    }

    @PostMapping("/{id}/suspend")
    @RequiresPermission(Permissions.EVENT_ACCEPT)
    EventView suspend(@PathVariable long id, @RequestBody MoveCommand command) {
        return desk.move(id, Move.SUSPEND, command);
    }

    @PostMapping("/{id}/resume")
    @RequiresPermission(Permissions.EVENT_ACCEPT)
    EventView resume(@PathVariable long id, @RequestBody MoveCommand command) {
        return desk.move(id, Move.RESUME, command);
    }

    @PostMapping("/{id}/reopen")
    @RequiresPermission(Permissions.EVENT_ACCEPT)
    EventView reopen(@PathVariable long id, @RequestBody MoveCommand command) {
        return desk.move(id, Move.REOPEN, command);
    }

    @PostMapping("/{id}/rate")
    @RequiresPermission(Permissions.EVENT_READ)
    EventView rate(@PathVariable long id, @RequestBody MoveCommand command) {
        return desk.move(id, Move.RATE, command);
    }

    @PostMapping("/{id}/archive")
    @RequiresPermission(Permissions.EVENT_ACCEPT)
    EventView archive(@PathVariable long id, @RequestBody MoveCommand command) {
        return desk.move(id, Move.ARCHIVE, command);
    }

    @PostMapping("/{id}/supervise")
    @RequiresPermission(Permissions.EVENT_SUPERVISE)
    EventView supervise(@PathVariable long id, @RequestBody MoveCommand command) {
        return desk.move(id, Move.SUPERVISE, command);
    }
}
