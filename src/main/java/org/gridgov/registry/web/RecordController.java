package org.gridgov.registry.web;

import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.registry.internal.ChangeRow;
import org.gridgov.registry.internal.RecordDesk;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The endpoints of a register kept by a {@link RecordDesk} (houses, places, organizations), the same for each under
 * the registry permissions: search, add, show, change, retire, and the history of one record. A subclass names the
 * path and binds the types, which Spring reads to bind the query and the body.
 *
 * @param <Q> the query of a search, bound from the request parameters
 * @param <D> a record as a form sends it
 * @param <L> a record as a search lists it
 * @param <V> a record as it is shown, and answered after a change
 */
abstract class RecordController<Q, D extends RecordDesk.Draft, L, V> {

    private final RecordDesk<?, ?, Q, D, L, V> desk;

    RecordController(RecordDesk<?, ?, Q, D, L, V> desk) {
        this.desk = desk;
    }

    /** Records matching every given filter of the query, a page at a time. */
    @GetMapping
    @RequiresPermission(Permissions.REGISTRY_READ)
    PageResult<L> search(
            Q filter, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return desk.search(filter, PageQuery.of(page, size));
    }

    @PostMapping
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    ResponseEntity<V> create(@RequestBody D draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(desk.create(draft));
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.REGISTRY_READ)
    V get(@PathVariable long id) {
        return desk.get(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    V update(@PathVariable long id, @RequestBody D draft) {
        return desk.update(id, draft);
    }

    @PostMapping("/{id}/retire")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    V retire(@PathVariable long id, @RequestBody Retirement body) {
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
