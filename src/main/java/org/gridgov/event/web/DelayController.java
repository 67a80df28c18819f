package org.gridgov.event.web;

import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.event.internal.DelayDesk;
import org.gridgov.event.internal.DelayDesk.DecisionCommand;
import org.gridgov.event.internal.DelayDesk.DelayCommand;
import org.gridgov.event.internal.DelayDesk.DelayRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Delay requests (延期): the holder asks with {@code {"reason", "extraAmount", "unit"}}, the dispatching center
 * approves or rejects with {@code {"note"}}.
 */
@RestController
class DelayController {

    private final DelayDesk desk;

    DelayController(DelayDesk desk) {
        this.desk = desk;
    }

    @PostMapping("/api/events/{id}/delay-requests")
    @RequiresPermission(Permissions.EVENT_HANDLE)
    ResponseEntity<DelayRequest> request(@PathVariable long id, @RequestBody DelayCommand command) {
        return ResponseEntity.status(HttpStatus.CREATED).body(desk.request(id, command));
    }

    @GetMapping("/api/events/{id}/delay-requests")
    @RequiresPermission(Permissions.EVENT_READ)
    PageResult<DelayRequest> list(
            @PathVariable long id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.list(id, PageQuery.of(page, size));
    }

    @PostMapping("/api/delay-requests/{requestId}/approve")
    @RequiresPermission(Permissions.EVENT_DISPATCH)
    DelayRequest approve(@PathVariable long requestId, @RequestBody(required = false) DecisionCommand command) {
        return desk.approve(requestId, command);
    }

    @PostMapping("/api/delay-requests/{requestId}/reject")
    @RequiresPermission(Permissions.EVENT_DISPATCH)
    DelayRequest reject(@PathVariable long requestId, @RequestBody(required = false) DecisionCommand command) {
        return desk.reject(requestId, command);
    }
}
