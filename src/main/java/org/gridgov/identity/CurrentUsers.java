package org.gridgov.identity;

import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is signed in on this request; other modules ask here instead of reading the security context themselves. */
@Component
public class CurrentUsers {

    public Optional<CurrentUser> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
                ? Optional.of(user)
                : Optional.empty();
    }

    /** The signed-in user; the security chain guarantees one on every API path but the public ones. */
    public CurrentUser require() {
        return current().orElseThrow(() -> new IllegalStateException("No signed-in user on this request"));
    }
}
