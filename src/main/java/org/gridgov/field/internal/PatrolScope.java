package org.gridgov.field.internal;

import java.util.List;
import java.util.regex.Pattern;
import org.gridgov.common.CurrentScope;
import org.gridgov.common.DataScope;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.ProblemException;
import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.CurrentUsers;
import org.springframework.stereotype.Component;

/**
 * Whose patrols the caller may see: their own, and with {@code field:read} those in the grids of their scope. A patrol
 * outside answers 404, as one that does not exist.
 */
@Component
class PatrolScope {

    private static final Pattern GRID_CODE = Pattern.compile("\\d{15}");

    private final CurrentScope scope;
    private final CurrentUsers users;

    PatrolScope(CurrentScope scope, CurrentUsers users) {
        this.scope = scope;
        this.users = users;
    }

    CurrentUser me() {
        return users.require();
    }

    DataScope data() {
        return scope.data();
    }

    String county() {
        return scope.county();
    }

    /** The county of the caller's own patrols: that of their scope, which lies in one for everyone who patrols. */
    String ownCounty() {
        String county = county();
        if (county == null) {
            throw noSuchPatrol();
        }
        return county;
    }

    /** The grid a patrol starts in: a grid code of the caller's scope (400 when malformed, 422 when outside). */
    String gridToPatrol(String code) {
        if (code == null || code.isBlank()) {
            throw ProblemException.invalid("gridCode", "required", "须指定巡查网格", "gridCode is required");
        }
        if (!GRID_CODE.matcher(code).matches()) {
            throw ProblemException.invalid("gridCode", "format", "网格编码应为15位数字", "gridCode must be 15 digits");
        }
        if (!scope.covers(code)) {
            throw ProblemException.unprocessable(
                    "该网格不在您的管辖范围内",
                    "The grid lies outside your scope",
                    List.of(new FieldProblem("gridCode", "outside-scope", "超出管辖范围", "outside your scope")));
        }
        return code;
    }

    String region(String code) {
        return scope.regionWithin(code);
    }

    static ProblemException noSuchPatrol() {
        return ProblemException.notFound("巡查不存在", "No such patrol within your scope");
    }
}
