package org.gridgov.field.internal;

import java.util.regex.Pattern;
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

    private static final Pattern REGION_CODE = Pattern.compile("\\d{6,15}");

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

    /** The county every row the caller may see lies in, when their scope is a county or deeper; else null. */
    String county() {
        String prefix = scope.regionPrefix();
        return prefix.length() >= 6 ? prefix.substring(0, 6) : null;
    }

    /** The region a read is asked for: the caller's whole scope when none is given, else one inside it (or 404). */
    String region(String code) {
        if (code == null || code.isBlank()) {
            return scope.regionPrefix();
        }
        String region = code.strip();
        if (!REGION_CODE.matcher(region).matches() || !scope.covers(region)) {
            throw ProblemException.notFound("区域不存在", "No such region within your scope");
        }
        return region;
    }

    static String countyOf(String code) {
        return code.substring(0, 6);
    }

    static ProblemException noSuchWorker() {
        return ProblemException.notFound("人员不存在", "No such worker within your scope");
    }
}
