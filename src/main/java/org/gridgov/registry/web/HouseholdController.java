package org.gridgov.registry.web;

import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.registry.internal.ChangeRow;
import org.gridgov.registry.internal.HouseDesk;
import org.gridgov.registry.internal.HouseDesk.HouseholdDraft;
import org.gridgov.registry.internal.HouseDesk.HouseholdView;
import org.gridgov.registry.internal.HouseDesk.Membership;
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

/** The households (户) of the caller's scope, each in a house, and who belongs to them. */
@RestController
@RequestMapping("/api/registry/households")
class HouseholdController {

    private final HouseDesk desk;

    HouseholdController(HouseDesk desk) {
        this.desk = desk;
    }

    @PostMapping
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    ResponseEntity<HouseholdView> createHousehold(@RequestBody HouseholdDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(desk.createHousehold(draft));
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.REGISTRY_READ)
    HouseholdView household(@PathVariable long id) {
        return desk.household(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    HouseholdView updateHousehold(@PathVariable long id, @RequestBody HouseholdDraft draft) {
        return desk.updateHousehold(id, draft);
    }

    @PostMapping("/{id}/retire")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    HouseholdView retireHousehold(@PathVariable long id, @RequestBody Retirement body) {
        return desk.retireHousehold(id, body.version(), body.reason());
    }

    @GetMapping("/{id}/history")
    @RequiresPermission(Permissions.REGISTRY_READ)
    PageResult<ChangeRow> householdHistory(
            @PathVariable long id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.householdHistory(id, PageQuery.of(page, size));
    }

    /** Places a resident in the household (and its house) with their relation to the head. */
    @PostMapping("/{id}/members")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    HouseholdView addMember(@PathVariable long id, @RequestBody Membership body) {
        return desk.addMember(id, body);
    }
}
