package org.gridgov.identity.internal;

import java.util.List;
import org.gridgov.common.CurrentScope;
import org.gridgov.common.ProblemException;
import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.identity.ScopeKind;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The signed-in user's data scope: the subtree of their scope code, narrowed to their grids when their scope kind is
 * {@link ScopeKind#GRIDS}; without a signed-in user, nothing is in scope.
 */
@Component
class UserScope implements CurrentScope {

    private final CurrentUsers users;

    UserScope(CurrentUsers users) {
        this.users = users;
    }

    @Override
    public String regionPrefix() {
        return user().scopeCode();
    }

    @Override
    public List<String> gridCodes() {
        var user = user();
        if (user.scopeKind() != ScopeKind.GRIDS) {
            return null;
        }
        return user.gridCodes() == null ? List.of() : user.gridCodes();
    }

    private CurrentUser user() {
        return users.current()
                .orElseThrow(() ->
                        new ProblemException(HttpStatus.FORBIDDEN, "no-scope", "没有数据范围", "No data scope", List.of()));
    }
}
