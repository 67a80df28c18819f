package org.gridgov.registry.web;

import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.registry.internal.ChangeRow;
import org.gridgov.registry.internal.RegisteredOrganizationDesk;
import org.gridgov.registry.internal.RegisteredOrganizationDesk.OrganizationDraft;
import org.gridgov.registry.internal.RegisteredOrganizationDesk.OrganizationQuery;
import org.gridgov.registry.internal.RegisteredOrganizationDesk.OrganizationView;
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

/** The non-public economic and social organizations (组织) of the caller's scope. */
@RestController
@RequestMapping("/api/registry/organizations")
class RegisteredOrganizationController {

    private final RegisteredOrganizationDesk desk;

    RegisteredOrganizationController(RegisteredOrganizationDesk desk) {
        this.desk = desk;
    }

    /** Organizations matching every given filter (see {@link OrganizationQuery}), a page at a time. */
    @GetMapping
    @RequiresPermission(Permissions.REGISTRY_READ)
    PageResult<OrganizationView> search(
            OrganizationQuery filter,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.search(filter, PageQuery.of(page, size));
    }

    @PostMapping
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    ResponseEntity<OrganizationView> create(@RequestBody OrganizationDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(desk.create(draft));
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.REGISTRY_READ)
    OrganizationView get(@PathVariable long id) {
        return desk.get(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    OrganizationView update(@PathVariable long id, @RequestBody OrganizationDraft draft) {
        return desk.update(id, draft);
    }

    @PostMapping("/{id}/retire")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    OrganizationView retire(@PathVariable long id, @RequestBody Retirement body) {
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
