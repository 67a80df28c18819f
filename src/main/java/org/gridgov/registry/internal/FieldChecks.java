package org.gridgov.registry.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.ProblemException;
import org.springframework.stereotype.Component;

/**
 * Checks a set of values against field definitions held as data: unknown fields, missing required ones, dates,
 * numbers, and codes from their sets; every problem named by its field under a prefix such as {@code details}.
 */
@Component
class FieldChecks {

    static final Set<String> TYPES = Set.of("TEXT", "DATE", "CODE", "NUMBER");
    static final int MAX_TEXT = 500;

    private final CodeSets codes;

    FieldChecks(CodeSets codes) {
        this.codes = codes;
    }

    /** The values trimmed, blanks dropped, in the order of the definitions; or a 400 naming every bad field. */
    Map<String, String> checked(String prefix, List<FieldDefinition> fields, Map<String, String> values) {
        var problems = new ArrayList<FieldProblem>();
        var out = check(prefix, fields, values, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return out;
    }

    Map<String, String> check(
            String prefix, List<FieldDefinition> fields, Map<String, String> values, List<FieldProblem> problems) {
        var given = values == null ? Map.<String, String>of() : values;
        var known = new LinkedHashMap<String, FieldDefinition>();
        fields.forEach(f -> known.put(f.name(), f));
        given.keySet().stream()
                .filter(name -> !known.containsKey(name))
                .sorted()
                .forEach(name -> problems.add(
                        new FieldProblem(prefix + "." + name, "unknown-field", "没有这个字段", "no such field")));
        var out = new LinkedHashMap<String, String>();
        for (var f : fields) {
            String field = prefix + "." + f.name();
            String value = ResidentRules.trim(given.get(f.name()));
            if (value == null) {
                if (Boolean.TRUE.equals(f.required())) {
                    problems.add(new FieldProblem(field, "required", f.label() + "必填", f.labelEn() + " is required"));
                }
                continue;
            }
            var problem = problemOf(f, value);
            if (problem != null) {
                problems.add(new FieldProblem(field, problem[0], f.label() + problem[1], f.labelEn() + problem[2]));
            } else {
                out.put(f.name(), value);
            }
        }
        return out;
    }

    private String[] problemOf(FieldDefinition f, String value) {
        switch (f.type()) {
            case "DATE" -> {
                try {
                    LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    return new String[] {"date-format", "须为 yyyy-MM-dd 格式的日期", " must be a date yyyy-MM-dd"};
                }
            }
            case "NUMBER" -> {
                try {
                    new BigDecimal(value);
                } catch (NumberFormatException e) {
                    return new String[] {"number-format", "须为数字", " must be a number"};
                }
            }
            case "CODE" -> {
                if (!codes.has(f.codeSet(), value)) {
                    return new String[] {"unknown-value", "的代码值不存在：" + value, " has no code " + value};
                }
            }
            default -> {
                if (value.length() > MAX_TEXT) {
                    return new String[] {"too-long", "不能超过 " + MAX_TEXT + " 字", " is longer than " + MAX_TEXT};
                }
            }
        }
        return null;
    }

    boolean hasCodeSet(String set) {
        return codes.list().containsKey(set);
    }

    boolean hasCode(String set, String code) {
        return codes.has(set, code);
    }

    String codeName(String set, String code) {
        return code == null ? null : codes.name(set, code).orElse(code);
    }
}
