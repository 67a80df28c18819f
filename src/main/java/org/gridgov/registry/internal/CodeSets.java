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
    private volatile Map<String, Map<String, String>> sets;

    CodeSets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean has(String set, String code) {
        return code != null && all().getOrDefault(set, Map.of()).containsKey(code);
    }

    Optional<String> name(String set, String code) {
        return Optional.ofNullable(all().getOrDefault(set, Map.of()).get(code));
    }

    /** The code a cell gives either as the code itself or as its name (汉族 for 01); empty when it is neither. */
    Optional<String> codeOf(String set, String codeOrName) {
        var values = all().getOrDefault(set, Map.of());
        if (values.containsKey(codeOrName)) {
            return Optional.of(codeOrName);
        }
        return values.entrySet().stream()
                .filter(e -> e.getValue().equals(codeOrName))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** Every set with its values in order, for forms and import templates. */
    Map<String, List<CodeValue>> list() {
        var out = new LinkedHashMap<String, List<CodeValue>>();
        all().forEach((set, values) -> out.put(
                set,
                values.entrySet().stream()
                        .map(e -> new CodeValue(e.getKey(), e.getValue()))
                        .toList()));
        return out;
    }

    private Map<String, Map<String, String>> all() {
        var loaded = sets;
        if (loaded == null) {
            var read = new LinkedHashMap<String, Map<String, String>>();
            jdbc.sql("select code_set, code, name from code_value order by code_set, position")
                    .query(rs -> {
                        read.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                                .put(rs.getString(2), rs.getString(3));
                    });
            sets = loaded = read;
        }
        return loaded;
    }
}
