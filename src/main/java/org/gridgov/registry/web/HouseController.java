package org.gridgov.registry.web;

import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.registry.internal.ChangeRow;
import org.gridgov.registry.internal.HouseDesk;
import org.gridgov.registry.internal.HouseDesk.HouseDetail;
import org.gridgov.registry.internal.HouseDesk.HouseDraft;
import org.gridgov.registry.internal.HouseDesk.HouseQuery;
import org.gridgov.registry.internal.HouseDesk.HouseView;
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

/** The houses (实有房屋) and households (户) of the caller's scope. */
@RestController
@RequestMapping("/api/registry")
class HouseController {

    private final HouseDesk desk;

    HouseController(HouseDesk desk) {
        this.desk = desk;
    }

    /** Houses matching every given filter (see {@link HouseQuery}), a page at a time. */
    @GetMapping("/houses")
    @RequiresPermission(Permissions.REGISTRY_READ)
    PageResult<HouseView> search(
            HouseQuery filter,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.search(filter, PageQuery.of(page, size));
    }

    @PostMapping("/houses")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    ResponseEntity<HouseDetail> create(@RequestBody HouseDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(desk.create(draft));
    }

    /** The house with its households, their members, and the residents living there outside them. */
    @GetMapping("/houses/{id}")
    @RequiresPermission(Permissions.REGISTRY_READ)
    HouseDetail get(@PathVariable long id) {
        return desk.get(id);
    }

    @PutMapping("/houses/{id}")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    HouseDetail update(@PathVariable long id, @RequestBody HouseDraft draft) {
        return desk.update(id, draft);
    }

    @PostMapping("/houses/{id}/retire")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    HouseDetail retire(@PathVariable long id, @RequestBody Retirement body) {
        return desk.retire(id, body.version(), body.reason());
    }

    @GetMapping("/houses/{id}/history")
    @RequiresPermission(Permissions.REGISTRY_READ)
    PageResult<ChangeRow> history(
            @PathVariable long id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.houseHistory(id, PageQuery.of(page, size));
    }

    @PostMapping("/households")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    ResponseEntity<HouseholdView> createHousehold(@RequestBody HouseholdDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(desk.createHousehold(draft));
    }

    @GetMapping("/households/{id}")
    @RequiresPermission(Permissions.REGISTRY_READ)
    HouseholdView household(@PathVariable long id) {
        return desk.household(id);
    }

    @PutMapping("/households/{id}")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    HouseholdView updateHousehold(@PathVariable long id, @RequestBody HouseholdDraft draft) {
        return desk.updateHousehold(id, draft);
    }

    @PostMapping("/households/{id}/retire")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    HouseholdView retireHousehold(@PathVariable long id, @RequestBody Retirement body) {
        return desk.retireHousehold(id, body.version(), body.reason());
    }

    @GetMapping("/households/{id}/history")
    @RequiresPermission(Permissions.REGISTRY_READ)
    PageResult<ChangeRow> householdHistory(
            @PathVariable long id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.householdHistory(id, PageQuery.of(page, size));
    }

    /** Places a resident in the household (and its house) with their relation to the head. */
    @PostMapping("/households/{id}/members")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    HouseholdView addMember(@PathVariable long id, @RequestBody Membership body) {
        return desk.addMember(id, body);
    }
}
