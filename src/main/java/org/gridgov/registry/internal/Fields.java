package org.gridgov.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.PersonalDataKind;
import org.gridgov.common.ProblemException;
import org.gridgov.region.RegionApi;

/**
 * Checks the fields of one registry form and collects every problem, so that a form with three mistakes hears of
 * all three at once; each check answers the cleaned value.
 */
final class Fields {

    private final CodeSets codes;
    private final RegionApi regions;
    private final Predicate<String> gridExists;
    private final List<FieldProblem> problems = new ArrayList<>();

    Fields(CodeSets codes, RegionApi regions) {
        this(codes, regions, grid -> regions.currentGrid(grid).isPresent());
    }

    /** With the grid check given: an import asks about the same few grids on every row and remembers the answers. */
    Fields(CodeSets codes, RegionApi regions, Predicate<String> gridExists) {
        this.codes = codes;
        this.regions = regions;
        this.gridExists = gridExists;
    }

    String text(String field, String value, String label, int max, boolean required) {
        String text = ResidentRules.trim(value);
        if (text == null && required) {
            problem(field, "required", label + "必填", field + " is required");
        } else if (text != null && text.length() > max) {
            problem(field, "too-long", label + "不超过 " + max + " 字", field + " is longer than " + max);
        }
        return text;
    }

    /** A phone number as it will be sealed, or null when left out. */
    String phone(String field, String value, String label) {
        String text = ResidentRules.trim(value);
        if (text == null) {
            return null;
        }
        try {
            String normalized = PersonalDataKind.PHONE.normalize(text);
            int digits = normalized.replace("+", "").length();
            if (digits >= 7 && digits <= 15) {
                return normalized;
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the problem below; the message never repeats the number.
        }
        problem(field, "format", label + "须为 7–15 位数字", field + " must be a phone number of 7 to 15 digits");
        return null;
    }

    String code(String field, String set, String value, String label, boolean required) {
        String code = ResidentRules.trim(value);
        if (code == null) {
            if (required) {
                problem(field, "required", label + "必填", field + " is required");
            }
        } else if (!codes.has(set, code)) {
            problem(field, "unknown-value", label + "取值 " + code + " 不在代码表中", "unknown " + field + " " + code);
        }
        return code;
    }

    List<String> codes(String field, String set, List<String> values, String label) {
        var out = new ArrayList<String>();
        for (String value : values == null ? List.<String>of() : values) {
            String code = code(field, set, value, label, true);
            if (code != null && !out.contains(code)) {
                out.add(code);
            }
        }
        return out;
    }

    String grid(String value) {
        String grid = ResidentRules.trim(value);
        if (grid == null) {
            problem("gridCode", "required", "所属网格必填", "gridCode is required");
        } else if (!gridExists.test(grid)) {
            problem("gridCode", "unknown", "网格 " + grid + " 不存在", "unknown grid " + grid);
        }
        return grid;
    }

    /** Coordinates are optional, but given together and inside the record's own grid. */
    void point(Double lon, Double lat, String gridCode) {
        if (lon == null && lat == null) {
            return;
        }
        if (lon == null || lat == null || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            problem("lon", "invalid", "经纬度须成对给出且在有效范围内", "lon and lat go together, within range");
            return;
        }
        if (gridCode != null
                && !regions.gridCodeAt(lon, lat).map(gridCode::equals).orElse(false)) {
            problem("lon", "outside-grid", "坐标不在所属网格内", "the point lies outside the grid");
        }
    }

    void problem(String field, String code, String message, String messageEn) {
        problems.add(new FieldProblem(field, code, message, messageEn));
    }

    /** What the checks found so far. */
    List<FieldProblem> problems() {
        return List.copyOf(problems);
    }

    /** Ends the check: 400 with every problem found, if any. */
    void verify() {
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }
}
