package org.gridgov.registry.web;

import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.registry.internal.ChangeRow;
import org.gridgov.registry.internal.PlaceDesk;
import org.gridgov.registry.internal.PlaceDesk.PlaceDraft;
import org.gridgov.registry.internal.PlaceDesk.PlaceQuery;
import org.gridgov.registry.internal.PlaceDesk.PlaceView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The places (场所) of the caller's scope: shops, venues, schools, clinics, key units. */
@RestController
@RequestMapping("/api/registry/places")
class PlaceController {

    private final PlaceDesk desk;

    PlaceController(PlaceDesk desk) {
        this.desk = desk;
    }

    /** Places matching every given filter (see {@link PlaceQuery}), a page at a time. */
    @GetMapping
    @RequiresPermission(Permissions.REGISTRY_READ)
    PageResult<PlaceView> search(
            PlaceQuery filter,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.search(filter, PageQuery.of(page, size));
    }

    @PostMapping
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    ResponseEntity<PlaceView> create(@RequestBody PlaceDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(desk.create(draft));
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.REGISTRY_READ)
    PlaceView get(@PathVariable long id) {
        return desk.get(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    PlaceView update(@PathVariable long id, @RequestBody PlaceDraft draft) {
        return desk.update(id, draft);
    }

    @PostMapping("/{id}/retire")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    PlaceView retire(@PathVariable long id, @RequestBody Retirement body) {
        return desk.retire(id, body.version(), body.reason());
    }

    @GetMapping("/{id}/history")
    @RequiresPermission(Permissions.REGISTRY_READ)
    PageResult<ChangeRow> history(
            @PathVariable long id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.history(id, PageQuery.of(page, size));
    }
}
