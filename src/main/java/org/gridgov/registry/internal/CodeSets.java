package org.gridgov.registry.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.common.Unscoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The code sets values are checked against (民族, 与户主关系, 学历…), read once and kept: they change by deployment. */
@Repository
@Unscoped("code sets are the same for every region")
class CodeSets {

    private final JdbcClient jdbc;
    private volatile Map<String, Map<String, CodeValue>> sets;

    CodeSets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean has(String set, String code) {
        return code != null && all().getOrDefault(set, Map.of()).containsKey(code);
    }

    /** The Chinese name of a code, which workbooks and the views' name fields carry. */
    Optional<String> name(String set, String code) {
        return Optional.ofNullable(all().getOrDefault(set, Map.of()).get(code)).map(CodeValue::name);
    }

    /**
     * The code a cell gives as the code itself, its name (汉族 for 01) or its English name in any case (Han); empty when
     * it is none of them.
     */
    Optional<String> codeOf(String set, String codeOrName) {
        var values = all().getOrDefault(set, Map.of());
        if (values.containsKey(codeOrName)) {
            return Optional.of(codeOrName);
        }
        return values.values().stream()
                .filter(v -> v.name().equals(codeOrName) || v.nameEn().equalsIgnoreCase(codeOrName))
                .map(CodeValue::code)
                .findFirst();
    }

    /** Every set with its values in order, for forms and import templates. */
    Map<String, List<CodeValue>> list() {
        var out = new LinkedHashMap<String, List<CodeValue>>();
        all().forEach((set, values) -> out.put(set, List.copyOf(values.values())));
        return out;
    }

    private Map<String, Map<String, CodeValue>> all() {
        var loaded = sets;
        if (loaded == null) {
            var read = new LinkedHashMap<String, Map<String, CodeValue>>();
            jdbc.sql("select code_set, code, name, name_en from code_value order by code_set, position")
                    .query(rs -> {
                        var value = new CodeValue(rs.getString(2), rs.getString(3), rs.getString(4));
                        read.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                                .put(value.code(), value);
                    });
            sets = loaded = read;
        }
        return loaded;
    }
}
