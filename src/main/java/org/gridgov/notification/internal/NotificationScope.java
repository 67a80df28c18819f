package org.gridgov.notification.internal;

import org.gridgov.common.CurrentScope;
import org.gridgov.common.DataScope;
import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.CurrentUsers;
import org.springframework.stereotype.Component;

/**
 * Whose notifications the caller may see and mark: those addressed to them by name, and those addressed to their
 * organization that ask a permission they hold about an event whose grid lies in their scope — so a grid worker of a
 * township center hears of what waits in their grids for them, not of the center's own accept and dispatch work. A
 * caller with no organization (a resident) reaches only their own.
 */
@Component
class NotificationScope {

    private final CurrentUsers users;
    private final CurrentScope scope;

    NotificationScope(CurrentUsers users, CurrentScope scope) {
        this.users = users;
        this.scope = scope;
    }

    /** The caller as an addressee: who they are, where they belong, what they may do and where. */
    record Recipient(String organizationCode, long userId, String[] permissions, DataScope scope) {

        /**
         * The county (or the wider area) the caller's notices lie in: the first six digits of the scope, so that a
         * query names the county it reads.
         */
        String county() {
            String prefix = scope.prefix();
            return prefix.length() > 6 ? prefix.substring(0, 6) : prefix;
        }
    }

    Recipient recipient() {
        CurrentUser user = users.require();
        return new Recipient(
                user.organizationCode(), user.id(), user.permissions().toArray(String[]::new), scope.data());
    }
}
