package org.gridgov.field.internal;

import java.time.LocalDate;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.field.Patrol;
import org.gridgov.field.PatrolCommand;
import org.gridgov.field.PatrolFigures;
import org.gridgov.field.PatrolTrack;
import org.gridgov.field.TrackCommand;
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
 * Patrols (巡查): a worker's own under {@code /api/patrols/mine} (field:write), everyone's in the caller's scope for
 * supervisors (field:read). Days are written 2026-12-03.
 */
@RestController
@RequestMapping("/api/patrols")
class PatrolController {

    private static final int TRACK_PAGE = 5000;

    private final PatrolDesk desk;
    private final PatrolSettings settings;

    PatrolController(PatrolDesk desk, PatrolSettings settings) {
        this.desk = desk;
        this.settings = settings;
    }

    /** Starts a patrol; a start resent with the same request id answers the patrol it started (200, not 201). */
    @PostMapping("/mine")
    @RequiresPermission(Permissions.FIELD_WRITE)
    ResponseEntity<Patrol> start(@RequestBody PatrolCommand command) {
        var started = desk.start(command);
        return ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(started.patrol());
    }

    /** The caller's open patrol (204 when none) and how often the page should send its points. */
    @GetMapping("/mine/current")
    @RequiresPermission(Permissions.FIELD_WRITE)
    ResponseEntity<Current> current() {
        return ResponseEntity.ok(
                new Current(desk.current().orElse(null), settings.uploadEvery().toSeconds()));
    }

    record Current(Patrol patrol, long uploadEverySeconds) {}

    @GetMapping("/mine")
    @RequiresPermission(Permissions.FIELD_WRITE)
    PageResult<Patrol> mine(
            @RequestParam(required = false) LocalDate day,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.mineList(day, PageQuery.of(page, size));
    }

    @GetMapping("/mine/{id}")
    @RequiresPermission(Permissions.FIELD_WRITE)
    Patrol myPatrol(@PathVariable long id) {
        return desk.mine(id);
    }

    @GetMapping("/mine/{id}/track")
    @RequiresPermission(Permissions.FIELD_WRITE)
    PatrolTrack myTrack(
            @PathVariable long id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.myTrack(id, PageQuery.of(page, size == null ? TRACK_PAGE : size, TRACK_PAGE));
    }

    /** A batch of track points; points sent before are ignored. */
    @PostMapping("/mine/{id}/points")
    @RequiresPermission(Permissions.FIELD_WRITE)
    PatrolDesk.Uploaded points(@PathVariable long id, @RequestBody TrackCommand command) {
        return desk.upload(id, command);
    }

    @PostMapping("/mine/{id}/pause")
    @RequiresPermission(Permissions.FIELD_WRITE)
    Patrol pause(@PathVariable long id) {
        return desk.pause(id);
    }

    @PostMapping("/mine/{id}/resume")
    @RequiresPermission(Permissions.FIELD_WRITE)
    Patrol resume(@PathVariable long id) {
        return desk.resume(id);
    }

    /** Stops the patrol, with the last points the phone holds if any. */
    @PostMapping("/mine/{id}/stop")
    @RequiresPermission(Permissions.FIELD_WRITE)
    Patrol stop(@PathVariable long id, @RequestBody(required = false) TrackCommand last) {
        return desk.stop(id, last);
    }

    /** Patrols in the caller's scope, newest first, by region or grid, worker and day (or span of days). */
    @GetMapping
    @RequiresPermission(Permissions.FIELD_READ)
    PageResult<Patrol> list(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Long userId,
            @RequestParam(required = false) LocalDate day,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.list(new PatrolDesk.ListQuery(region, userId, day, from, to), PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.FIELD_READ)
    Patrol get(@PathVariable long id) {
        return desk.get(id);
    }

    /** The track for a replay: points in order (up to 5,000 a page), pauses and the grid's outline. */
    @GetMapping("/{id}/track")
    @RequiresPermission(Permissions.FIELD_READ)
    PatrolTrack track(
            @PathVariable long id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.track(id, PageQuery.of(page, size == null ? TRACK_PAGE : size, TRACK_PAGE));
    }

    /** Patrol count, kilometres, hours and mean coverage per worker, grid or village over a span of days. */
    @GetMapping("/figures")
    @RequiresPermission(Permissions.FIELD_READ)
    PageResult<PatrolFigures> figures(
            @RequestParam(required = false) PatrolFigures.By by,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.figures(by, region, from, to, PageQuery.of(page, size));
    }
}
