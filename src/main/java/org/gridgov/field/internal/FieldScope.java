package org.gridgov.field.internal;

import org.gridgov.common.CurrentScope;
import org.gridgov.common.DataScope;
import org.gridgov.common.ProblemException;
import org.springframework.stereotype.Component;

/**
 * Whose field days the caller may read: those counted for grids in the caller's part of the tree. A worker, a region
 * or a record outside answers 404, so that nobody learns what exists elsewhere.
 */
@Component
class FieldScope {

    private final CurrentScope scope;

    FieldScope(CurrentScope scope) {
        this.scope = scope;
    }

    DataScope data() {
        return scope.data();
    }

    boolean covers(String code) {
        return scope.covers(code);
    }

    String county() {
        return scope.county();
    }

    String region(String code) {
        return scope.regionWithin(code);
    }

    static String countyOf(String code) {
        return code.substring(0, 6);
    }

    static ProblemException noSuchWorker() {
        return ProblemException.notFound("人员不存在", "No such worker within your scope");
    }
}
