package org.gridgov.registry.web;

import java.util.List;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.registry.internal.GroupDesk;
import org.gridgov.registry.internal.MemberView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A grid worker's overdue follow-ups (我的走访) and the three ledgers (三本台账); special groups appear in both, so
 * both need special:read. Also the groups one resident is in, for the resident's page.
 */
@RestController
@RequestMapping("/api/registry")
class FollowUpController {

    private final GroupDesk desk;

    FollowUpController(GroupDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/follow-ups/overdue")
    @RequiresPermission(Permissions.SPECIAL_READ)
    PageResult<MemberView> overdue(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return desk.overdue(PageQuery.of(page, size));
    }

    /** {@code livelihood} 民生服务, {@code hardship} 困难群众, {@code stability} 社会稳定 (docs/API.md). */
    @GetMapping("/ledgers/{ledger}")
    @RequiresPermission(Permissions.SPECIAL_READ)
    PageResult<MemberView> ledger(
            @PathVariable String ledger,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.ledger(ledger, PageQuery.of(page, size));
    }

    /** The resident's current groups; special groups only for callers with special:read. */
    @GetMapping("/residents/{id}/groups")
    @RequiresPermission(Permissions.REGISTRY_READ)
    List<MemberView> groupsOf(@PathVariable long id) {
        return desk.ofResident(id);
    }
}
