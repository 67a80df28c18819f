package org.gridgov.team.internal;

import org.gridgov.common.CurrentScope;
import org.gridgov.common.DataScope;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.ProblemException;
import org.springframework.stereotype.Component;

/**
 * Which grids' teams and which areas' cadres the caller may see and keep: those in the caller's part of the tree, for
 * a grid worker their own grids. Anything outside answers 404, so that nobody learns what exists elsewhere.
 */
@Component
class TeamScope {

    private static final java.util.regex.Pattern GRID_CODE = java.util.regex.Pattern.compile("\\d{15}");

    private final CurrentScope scope;

    TeamScope(CurrentScope scope) {
        this.scope = scope;
    }

    /** The caller's scope as every scoped query binds it. */
    DataScope data() {
        return scope.data();
    }

    boolean covers(String code) {
        return scope.covers(code);
    }

    String county() {
        return scope.county();
    }

    /** A grid code in the scope, or a 404 that does not tell whether the grid exists elsewhere. */
    String grid(String code) {
        if (code == null || !GRID_CODE.matcher(code).matches() || !scope.covers(code)) {
            throw noSuchGrid();
        }
        return code;
    }

    String region(String code) {
        return scope.regionWithin(code);
    }

    /** Refuses an area outside the caller's scope given in a request's body (422, naming the field). */
    void requireCovers(String field, String code) {
        if (!scope.covers(code)) {
            throw ProblemException.unprocessable(
                    "该区域不在您的管辖范围内",
                    "The area lies outside your scope",
                    java.util.List.of(new FieldProblem(field, "outside-scope", "超出管辖范围", "outside your scope")));
        }
    }

    /** The county of a grid or region code, the first six digits, which every key of the team's tables holds. */
    static String countyOf(String code) {
        return code.substring(0, 6);
    }

    static ProblemException noSuchGrid() {
        return ProblemException.notFound("网格不存在", "No such grid within your scope");
    }
}
