package org.gridgov.team.internal;

import java.time.LocalDate;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.team.Assignment;
import org.gridgov.team.AssignmentCommand;
import org.gridgov.team.Chain;
import org.gridgov.team.Ending;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cadre assignments (包联) and a grid's chain of responsibility, beside the desk that keeps them. */
@RestController
@RequestMapping("/api/teams")
class AssignmentController {

    private final AssignmentDesk desk;

    AssignmentController(AssignmentDesk desk) {
        this.desk = desk;
    }

    /** Who answers for a grid on a day (today by default), from the grid up to the county. */
    @GetMapping("/grids/{code}/chain")
    @RequiresPermission(Permissions.TEAM_READ)
    Chain chain(@PathVariable String code, @RequestParam(required = false) LocalDate on) {
        return desk.chain(code, on);
    }

    /** Assignments under {@code region} holding on {@code on}, or all of them with {@code includeEnded}. */
    @GetMapping("/assignments")
    @RequiresPermission(Permissions.TEAM_READ)
    PageResult<Assignment> list(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) LocalDate on,
            @RequestParam(required = false) Boolean includeEnded,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.list(region, on, Boolean.TRUE.equals(includeEnded), PageQuery.of(page, size));
    }

    @PostMapping("/assignments")
    @RequiresPermission(Permissions.TEAM_WRITE)
    ResponseEntity<Assignment> assign(@RequestBody AssignmentCommand command) {
        return ResponseEntity.status(HttpStatus.CREATED).body(desk.assign(command));
    }

    /** Ends an assignment on {@code on}, with a reason. */
    @PostMapping("/assignments/{id}/end")
    @RequiresPermission(Permissions.TEAM_WRITE)
    Assignment end(@PathVariable long id, @RequestBody Ending ending) {
        return desk.end(id, ending);
    }
}
