package org.gridgov.registry.web;

import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.registry.internal.ChangeRow;
import org.gridgov.registry.internal.RegisterDesk;
import org.gridgov.registry.internal.RegisterEntryDraft;
import org.gridgov.registry.internal.RegisterEntryView;
import org.gridgov.registry.internal.RegisterType;
import org.gridgov.registry.internal.RegisterTypeDraft;
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

/** Registers a deployment defines for itself, and their entries for the people of the caller's scope. */
@RestController
@RequestMapping("/api/registry/register-types")
class RegisterController {

    private final RegisterDesk desk;

    RegisterController(RegisterDesk desk) {
        this.desk = desk;
    }

    @GetMapping
    @RequiresPermission(Permissions.REGISTRY_READ)
    PageResult<RegisterType> types(
            @RequestParam(defaultValue = "false") boolean includeRetired,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.types(includeRetired, PageQuery.of(page, size));
    }

    @PostMapping
    @RequiresPermission(Permissions.REGISTRY_DEFINE)
    ResponseEntity<RegisterType> define(@RequestBody RegisterTypeDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(desk.define(draft));
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permissions.REGISTRY_DEFINE)
    RegisterType change(@PathVariable long id, @RequestBody RegisterTypeDraft draft) {
        return desk.change(id, draft);
    }

    @PostMapping("/{id}/retire")
    @RequiresPermission(Permissions.REGISTRY_DEFINE)
    RegisterType retire(@PathVariable long id, @RequestBody Retirement body) {
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

    @GetMapping("/{id}/entries")
    @RequiresPermission(Permissions.REGISTRY_READ)
    PageResult<RegisterEntryView> entries(
            @PathVariable long id,
            @RequestParam(required = false) Long residentId,
            @RequestParam(defaultValue = "false") boolean includeRetired,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.entries(id, residentId, includeRetired, PageQuery.of(page, size));
    }

    @PostMapping("/{id}/entries")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    ResponseEntity<RegisterEntryView> add(@PathVariable long id, @RequestBody RegisterEntryDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(desk.add(id, draft));
    }

    @PutMapping("/{id}/entries/{entryId}")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    RegisterEntryView changeEntry(
            @PathVariable long id, @PathVariable long entryId, @RequestBody RegisterEntryDraft draft) {
        return desk.changeEntry(id, entryId, draft);
    }

    @PostMapping("/{id}/entries/{entryId}/retire")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    RegisterEntryView retireEntry(@PathVariable long id, @PathVariable long entryId, @RequestBody Retirement body) {
        return desk.retireEntry(id, entryId, body.version(), body.reason());
    }

    @GetMapping("/{id}/entries/{entryId}/history")
    @RequiresPermission(Permissions.REGISTRY_READ)
    PageResult<ChangeRow> entryHistory(
            @PathVariable long id,
            @PathVariable long entryId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.entryHistory(id, entryId, PageQuery.of(page, size));
    }
}
