package org.gridgov.registry.web;

import org.gridgov.registry.internal.RegisteredOrganizationDesk;
import org.gridgov.registry.internal.RegisteredOrganizationDesk.OrganizationDraft;
import org.gridgov.registry.internal.RegisteredOrganizationDesk.OrganizationQuery;
import org.gridgov.registry.internal.RegisteredOrganizationDesk.RegisteredOrganizationView;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The non-public economic and social organizations (组织) of the caller's scope. */
@RestController
@RequestMapping("/api/registry/organizations")
class RegisteredOrganizationController
        extends RecordController<
                OrganizationQuery, OrganizationDraft, RegisteredOrganizationView, RegisteredOrganizationView> {

    RegisteredOrganizationController(RegisteredOrganizationDesk desk) {
        super(desk);
    }
}
