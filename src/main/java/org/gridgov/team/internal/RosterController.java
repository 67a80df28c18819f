package org.gridgov.team.internal;

import java.time.LocalDate;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.identity.AccountRef;
import org.gridgov.team.Ending;
import org.gridgov.team.MemberCommand;
import org.gridgov.team.Position;
import org.gridgov.team.TeamMember;
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

/** The rosters of grid teams (网格队伍 / 花名册), beside the desk that keeps them. Days are written 2026-12-03. */
@RestController
@RequestMapping("/api/teams")
class RosterController {

    private final RosterDesk desk;
    private final TeamAccounts accounts;

    RosterController(RosterDesk desk, TeamAccounts accounts) {
        this.desk = desk;
        this.accounts = accounts;
    }

    @GetMapping("/positions")
    @RequiresPermission(Permissions.TEAM_READ)
    PageResult<Position> positions() {
        return desk.positions();
    }

    /** A grid's team on a day, today by default. */
    @GetMapping("/grids/{code}/members")
    @RequiresPermission(Permissions.TEAM_READ)
    PageResult<TeamMember> roster(
            @PathVariable String code,
            @RequestParam(required = false) LocalDate on,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.roster(code, on, PageQuery.of(page, size));
    }

    @PostMapping("/grids/{code}/members")
    @RequiresPermission(Permissions.TEAM_WRITE)
    ResponseEntity<TeamMember> add(@PathVariable String code, @RequestBody MemberCommand command) {
        return ResponseEntity.status(HttpStatus.CREATED).body(desk.add(code, command));
    }

    /** Members on a day under a region of the caller's scope, by name, phone and position. */
    @GetMapping("/members")
    @RequiresPermission(Permissions.TEAM_READ)
    PageResult<TeamMember> search(
            RosterDesk.SearchQuery query,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.search(query, PageQuery.of(page, size));
    }

    @GetMapping("/members/{id}")
    @RequiresPermission(Permissions.TEAM_READ)
    TeamMember get(@PathVariable long id) {
        return desk.get(id);
    }

    /** A change, as a new version from {@code effectiveFrom} on. */
    @PutMapping("/members/{id}")
    @RequiresPermission(Permissions.TEAM_WRITE)
    TeamMember change(@PathVariable long id, @RequestBody MemberCommand command) {
        return desk.change(id, command);
    }

    /** The member leaves the team on {@code on}, with a reason. */
    @PostMapping("/members/{id}/leave")
    @RequiresPermission(Permissions.TEAM_WRITE)
    TeamMember leave(@PathVariable long id, @RequestBody Ending ending) {
        return desk.leave(id, ending);
    }

    @GetMapping("/members/{id}/history")
    @RequiresPermission(Permissions.TEAM_READ)
    PageResult<TeamMember> history(
            @PathVariable long id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.history(id, PageQuery.of(page, size));
    }

    /** The member's phone in full, for a stated purpose; every call is audited. */
    @GetMapping("/members/{id}/unmasked")
    @RequiresPermission(Permissions.PERSONAL_UNMASK)
    RosterDesk.Unmasked unmask(@PathVariable long id, @RequestParam(required = false) String purpose) {
        return desk.unmask(id, purpose);
    }

    /** The accounts a member or cadre may be linked to, by name. */
    @GetMapping("/accounts")
    @RequiresPermission(Permissions.TEAM_WRITE)
    PageResult<AccountRef> accounts(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return accounts.find(name, PageQuery.of(page, size));
    }
}
