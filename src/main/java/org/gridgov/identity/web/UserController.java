package org.gridgov.identity.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.identity.Role;
import org.gridgov.identity.ScopeKind;
import org.gridgov.identity.internal.RolePermissions;
import org.gridgov.identity.internal.UserAdministration;
import org.gridgov.identity.internal.UserAdministration.UserDraft;
import org.gridgov.identity.internal.UserAdministration.UserView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts and roles, for the system and security administrators. */
@RestController
@RequestMapping("/api")
class UserController {

    private final UserAdministration users;
    private final RolePermissions rolePermissions;
    private final CurrentUsers currentUsers;

    UserController(UserAdministration users, RolePermissions rolePermissions, CurrentUsers currentUsers) {
        this.users = users;
        this.rolePermissions = rolePermissions;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/users")
    @RequiresPermission(Permissions.USER_READ)
    PageResult<UserView> list(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return users.list(currentUsers.require(), name, PageQuery.of(page, size));
    }

    @GetMapping("/users/{id}")
    @RequiresPermission(Permissions.USER_READ)
    UserView get(@PathVariable long id) {
        return users.get(currentUsers.require(), id);
    }

    @PostMapping("/users")
    @RequiresPermission(Permissions.USER_WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@RequestBody UserDraft draft) {
        return users.create(currentUsers.require(), draft);
    }

    record RoleAssignment(Set<Role> roles) {}

    @PutMapping("/users/{id}/roles")
    @RequiresPermission(Permissions.ROLE_ASSIGN)
    UserView assignRoles(@PathVariable long id, @RequestBody RoleAssignment assignment) {
        return users.assignRoles(currentUsers.require(), id, assignment.roles());
    }

    record ScopeChange(ScopeKind scopeKind, String scopeCode, java.util.List<String> gridCodes) {}

    /** Where the account's data scope reaches, and the grids a grid worker covers. */
    @PutMapping("/users/{id}/scope")
    @RequiresPermission(Permissions.ROLE_ASSIGN)
    UserView setScope(@PathVariable long id, @RequestBody ScopeChange change) {
        return users.setScope(currentUsers.require(), id, change.scopeKind(), change.scopeCode(), change.gridCodes());
    }

    record StatusChange(String status) {}

    @PutMapping("/users/{id}/status")
    @RequiresPermission(Permissions.USER_WRITE)
    UserView setStatus(@PathVariable long id, @RequestBody StatusChange change) {
        return users.setStatus(currentUsers.require(), id, change.status());
    }

    record PasswordReset(String password) {}

    @PostMapping("/users/{id}/password-reset")
    @RequiresPermission(Permissions.USER_WRITE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable long id, @RequestBody PasswordReset reset) {
        users.resetPassword(currentUsers.require(), id, reset.password());
    }

    record Phone(String phone) {}

    /** The full phone number, with the reason for looking; every call is audited. */
    @GetMapping("/users/{id}/phone")
    @RequiresPermission(Permissions.PERSONAL_UNMASK)
    Phone phone(@PathVariable long id, @RequestParam String purpose) {
        return new Phone(users.unmaskPhone(currentUsers.require(), id, purpose));
    }

    record RoleView(Role role, String label, Set<String> permissions) {}

    @GetMapping("/roles")
    @RequiresPermission(Permissions.USER_READ)
    PageResult<RoleView> roles() {
        List<RoleView> all = Arrays.stream(Role.values())
                .map(r -> new RoleView(r, r.label(), rolePermissions.of(r)))
                .toList();
        return PageResult.of(all, new PageQuery(0, all.size()), all.size());
    }
}
