package org.gridgov.notification.internal;

import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.CurrentUsers;
import org.springframework.stereotype.Component;

/**
 * Whose notifications the caller may see and mark: those addressed to their organization and those addressed to them.
 * Notifications are addressed, not placed in the region tree, so this scope is the caller's organization and id
 * rather than a region prefix; a caller with no organization (a resident) reaches only their own.
 */
@Component
class NotificationScope {

    private final CurrentUsers users;

    NotificationScope(CurrentUsers users) {
        this.users = users;
    }

    /** The caller as an addressee. */
    record Recipient(String organizationCode, long userId) {}

    Recipient recipient() {
        CurrentUser user = users.require();
        return new Recipient(user.organizationCode(), user.id());
    }
}
