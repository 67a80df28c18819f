package org.gridgov.registry.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.gridgov.common.ObjectLabels;
import org.gridgov.common.ScopedData;
import org.gridgov.common.Unscoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Residents, group members, places and organizations by name, houses by address, for the audit log. */
@Repository
@ScopedData(tables = {"resident", "person_group_member", "house", "place", "registry_organization"})
@Unscoped("auditors read the whole audit log; a label is a name or an address, never an ID or phone number")
class RegistryLabels implements ObjectLabels {

    /** The query per type; each selects the key as text and the label. */
    private static final Map<String, String> QUERIES = Map.of(
            "resident",
            "select id::text as key, name as label from resident where id = any(:ids)",
            "special-group-member",
            "select m.id::text as key, r.name as label from person_group_member m"
                    + " join resident r on r.id = m.resident_id where m.id = any(:ids)",
            "house",
            "select id::text as key, address as label from house where id = any(:ids)",
            "place",
            "select id::text as key, name as label from place where id = any(:ids)",
            "registered-organization",
            "select id::text as key, name as label from registry_organization where id = any(:ids)");

    private final JdbcClient jdbc;

    RegistryLabels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> objectTypes() {
        return Map.of(
                "resident", "/api/registry/residents/",
                "special-group-member", "",
                "house", "/api/registry/houses/",
                "place", "/api/registry/places/",
                "registered-organization", "/api/registry/organizations/");
    }

    @Override
    public Map<String, String> labels(String objectType, Collection<String> keys) {
        var labels = new HashMap<String, String>();
        String sql = QUERIES.get(objectType);
        if (sql != null) {
            jdbc.sql(sql).param("ids", ObjectLabels.numericIds(keys)).query(rs -> {
                labels.put(rs.getString("key"), rs.getString("label"));
            });
        }
        return labels;
    }
}
