package org.gridgov.identity.web;

import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.identity.internal.Organizations;
import org.gridgov.identity.internal.Organizations.OrganizationView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The organization tree: centers and departments at each level. */
@RestController
@RequestMapping("/api/organizations")
class OrganizationController {

    private final Organizations organizations;
    private final CurrentUsers currentUsers;

    OrganizationController(Organizations organizations, CurrentUsers currentUsers) {
        this.organizations = organizations;
        this.currentUsers = currentUsers;
    }

    @GetMapping
    @RequiresPermission(Permissions.ORG_READ)
    PageResult<OrganizationView> children(
            @RequestParam(required = false) Long parentId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return organizations.children(currentUsers.require(), parentId, PageQuery.of(page, size));
    }

    record NewOrganization(String code, String name, String kind, String regionCode, Long parentId) {}

    @PostMapping
    @RequiresPermission(Permissions.ORG_WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    OrganizationView create(@RequestBody NewOrganization organization) {
        return organizations.create(
                currentUsers.require(),
                organization.code(),
                organization.name(),
                organization.kind(),
                organization.regionCode(),
                organization.parentId());
    }
}
