package org.gridgov.registry.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.common.Unscoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The groups and their fields (person_group_type, person_group_field), read once: they change by deployment. */
@Repository
@Unscoped("group definitions are the same for every region")
class GroupCatalog {

    private final JdbcClient jdbc;
    private volatile Map<String, GroupType> types;

    GroupCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<GroupType> find(String code) {
        return Optional.ofNullable(code == null ? null : all().get(code));
    }

    List<GroupType> list(GroupCategory category) {
        return all().values().stream().filter(t -> t.category() == category).toList();
    }

    private Map<String, GroupType> all() {
        var loaded = types;
        if (loaded == null) {
            var fields = new LinkedHashMap<String, List<FieldDefinition>>();
            jdbc.sql("""
                            select group_code, field, label, label_en, type, code_set, required
                            from person_group_field order by group_code, position""").query(rs -> {
                fields.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new FieldDefinition(
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getBoolean(7)));
            });
            var read = new LinkedHashMap<String, GroupType>();
            jdbc.sql("""
                            select code, category, name, name_en, default_frequency_days, ledgers
                            from person_group_type order by position""").query(rs -> {
                read.put(
                        rs.getString(1),
                        new GroupType(
                                rs.getString(1),
                                GroupCategory.valueOf(rs.getString(2)),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getInt(5),
                                Arrays.asList((String[]) rs.getArray(6).getArray()),
                                List.copyOf(fields.getOrDefault(rs.getString(1), List.of()))));
            });
            types = loaded = read;
        }
        return loaded;
    }
}
