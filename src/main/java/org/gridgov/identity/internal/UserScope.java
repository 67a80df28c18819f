package org.gridgov.identity.internal;

import java.util.List;
import org.gridgov.common.CurrentScope;
import org.gridgov.common.ProblemException;
import org.gridgov.identity.CurrentUsers;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The signed-in user's data scope; without one, nothing is in scope. */
@Component
class UserScope implements CurrentScope {

    private final CurrentUsers users;

    UserScope(CurrentUsers users) {
        this.users = users;
    }

    @Override
    public String regionPrefix() {
        return users.current()
                .map(user -> user.scopeCode())
                .orElseThrow(() ->
                        new ProblemException(HttpStatus.FORBIDDEN, "no-scope", "没有数据范围", "No data scope", List.of()));
    }
}
