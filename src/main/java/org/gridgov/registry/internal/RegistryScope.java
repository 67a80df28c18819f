package org.gridgov.registry.internal;

import java.util.List;
import java.util.Optional;
import org.gridgov.common.CurrentScope;
import org.gridgov.common.DataScope;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.ProblemException;
import org.springframework.stereotype.Component;

/**
 * Which houses, households, places and organizations the caller may see and change: those of grids in scope, which
 * for a grid worker are their own grids and the micro-grids below them.
 */
@Component
class RegistryScope {

    private final CurrentScope scope;

    RegistryScope(CurrentScope scope) {
        this.scope = scope;
    }

    /** The caller's scope as every scoped query binds it. */
    DataScope data() {
        return scope.data();
    }

    /** The county of the caller's scope, or null for a wider scope. */
    String county() {
        return scope.county();
    }

    /** The caller's scope, or a region or grid inside it (404 otherwise). */
    String regionWithin(String code) {
        return scope.regionWithin(code);
    }

    /** The record a scoped query found, or a 404 that does not tell whether it exists elsewhere. */
    static <T> T visible(Optional<T> found, String what, String whatEn) {
        return found.orElseThrow(() -> ProblemException.notFound(what + "不存在", "No such " + whatEn));
    }

    /** Refuses a record placed in a grid outside the caller's scope (422, naming gridCode). */
    void requireCovers(String gridCode) {
        if (!scope.covers(gridCode)) {
            throw ProblemException.unprocessable(
                    "网格不在您的管辖范围内",
                    "The grid lies outside your scope",
                    List.of(new FieldProblem("gridCode", "outside-scope", "超出管辖范围", "outside your scope")));
        }
    }
}
