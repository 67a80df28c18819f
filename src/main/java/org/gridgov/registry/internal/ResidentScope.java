package org.gridgov.registry.internal;

import org.gridgov.common.DataScope;
import org.gridgov.common.ProblemException;
import org.springframework.stereotype.Component;

/** Which residents the caller may see and change: those whose grid lies in the caller's part of the tree. */
@Component
class ResidentScope {

    private final RegistryScope scope;
    private final ResidentRepository residents;

    ResidentScope(RegistryScope scope, ResidentRepository residents) {
        this.scope = scope;
        this.residents = residents;
    }

    /** A resident the caller may see, or a 404 that does not tell whether the resident exists elsewhere. */
    ResidentRow visible(long id) {
        return residents.find(id, data()).orElseThrow(() -> ProblemException.notFound("人员不存在", "No such resident"));
    }

    DataScope data() {
        return scope.data();
    }

    /** Refuses a resident placed in a grid outside the caller's scope (422, naming gridCode). */
    void requireCovers(String gridCode) {
        scope.requireCovers(gridCode);
    }
}
