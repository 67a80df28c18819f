package org.gridgov.registry.web;

import java.util.List;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.registry.internal.FollowUpDraft;
import org.gridgov.registry.internal.FollowUpView;
import org.gridgov.registry.internal.GroupCategory;
import org.gridgov.registry.internal.GroupDesk;
import org.gridgov.registry.internal.GroupDesk.MemberQuery;
import org.gridgov.registry.internal.GroupType;
import org.gridgov.registry.internal.MemberDraft;
import org.gridgov.registry.internal.MemberView;
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

/** Special groups (特殊人群) of the caller's scope, sensitive: their own permissions special:read and special:write. */
@RestController
@RequestMapping("/api/registry/special-groups")
class SpecialGroupController {

    private static final GroupCategory CATEGORY = GroupCategory.SPECIAL;

    private final GroupDesk desk;

    SpecialGroupController(GroupDesk desk) {
        this.desk = desk;
    }

    /** The groups with their fields, for forms. */
    @GetMapping("/types")
    @RequiresPermission(Permissions.SPECIAL_READ)
    List<GroupType> types() {
        return desk.types(CATEGORY);
    }

    @GetMapping
    @RequiresPermission(Permissions.SPECIAL_READ)
    PageResult<MemberView> search(
            MemberQuery filter,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.search(CATEGORY, filter, PageQuery.of(page, size));
    }

    @PostMapping
    @RequiresPermission(Permissions.SPECIAL_WRITE)
    ResponseEntity<MemberView> register(@RequestBody MemberDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(desk.register(CATEGORY, draft));
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.SPECIAL_READ)
    MemberView get(@PathVariable long id) {
        return desk.open(CATEGORY, id);
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permissions.SPECIAL_WRITE)
    MemberView change(@PathVariable long id, @RequestBody MemberDraft draft) {
        return desk.change(CATEGORY, id, draft);
    }

    @PostMapping("/{id}/end")
    @RequiresPermission(Permissions.SPECIAL_WRITE)
    MemberView end(@PathVariable long id, @RequestBody Retirement body) {
        return desk.end(CATEGORY, id, body.version(), body.reason());
    }

    @GetMapping("/{id}/follow-ups")
    @RequiresPermission(Permissions.SPECIAL_READ)
    PageResult<FollowUpView> followUps(
            @PathVariable long id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.followUps(CATEGORY, id, PageQuery.of(page, size));
    }

    @PostMapping("/{id}/follow-ups")
    @RequiresPermission(Permissions.SPECIAL_WRITE)
    ResponseEntity<MemberView> addFollowUp(@PathVariable long id, @RequestBody FollowUpDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(desk.addFollowUp(CATEGORY, id, draft));
    }
}
