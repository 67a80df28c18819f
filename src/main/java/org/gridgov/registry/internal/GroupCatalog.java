package org.gridgov.registry.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridgov.common.Unscoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The groups and their fields (person_group_type, person_group_field), read once: they change by deployment. */
@Repository
@Unscoped("group definitions are the same for every region")
class GroupCatalog {

    private final JdbcClient jdbc;
    private volatile Loaded loaded;

    /** The groups by code, and the fields of each that hold a personal number and are kept sealed. */
    private record Loaded(Map<String, GroupType> types, Map<String, Set<String>> sealed) {}

    GroupCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<GroupType> find(String code) {
        return Optional.ofNullable(code == null ? null : all().get(code));
    }

    List<GroupType> list(GroupCategory category) {
        return all().values().stream().filter(t -> t.category() == category).toList();
    }

    /** The fields of a group's record that hold a personal number (a 残疾人证号), kept encrypted. */
    Set<String> sealedFields(String groupCode) {
        return load().sealed().getOrDefault(groupCode, Set.of());
    }

    /** The sealed fields that may still hold plain values stored before they were sealed, by group; read anew. */
    Map<String, Set<String>> fieldsWithPlainValuesLeft() {
        var left = new LinkedHashMap<String, Set<String>>();
        jdbc.sql("select group_code, field from person_group_field where sealed and plain_values_left order by 1, 2")
                .query(rs -> {
                    left.computeIfAbsent(rs.getString(1), k -> new java.util.LinkedHashSet<>())
                            .add(rs.getString(2));
                });
        return left;
    }

    /** Records that the group's fields hold no plain value any more. */
    void plainValuesSealed(String groupCode, Set<String> fields) {
        jdbc.sql("update person_group_field set plain_values_left = false where group_code = :group"
                        + " and field = any(:fields)")
                .param("group", groupCode)
                .param("fields", fields.toArray(String[]::new))
                .update();
    }

    private Map<String, GroupType> all() {
        return load().types();
    }

    private Loaded load() {
        var loaded = this.loaded;
        if (loaded == null) {
            var fields = new LinkedHashMap<String, List<FieldDefinition>>();
            var sealed = new LinkedHashMap<String, Set<String>>();
            jdbc.sql("""
                            select group_code, field, label, label_en, type, code_set, required, sealed
                            from person_group_field order by group_code, position""").query(rs -> {
                if (rs.getBoolean(8)) {
                    sealed.computeIfAbsent(rs.getString(1), k -> new java.util.LinkedHashSet<>())
                            .add(rs.getString(2));
                }
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
            var sealedByGroup = new LinkedHashMap<String, Set<String>>();
            sealed.forEach((group, names) -> sealedByGroup.put(group, Set.copyOf(names)));
            this.loaded = loaded = new Loaded(read, Map.copyOf(sealedByGroup));
        }
        return loaded;
    }
}
