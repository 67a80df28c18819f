package org.gridgov.region.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.gridgov.common.ObjectLabels;
import org.gridgov.common.ScopedData;
import org.gridgov.common.Unscoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Grids and regions by their names (the last one they had, for a retired grid), for the audit log. */
@Repository
@ScopedData(tables = {"grid", "region"})
@Unscoped("auditors read the whole audit log; a label is a name")
class RegionLabels implements ObjectLabels {

    private final JdbcClient jdbc;

    RegionLabels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> objectTypes() {
        return Map.of("grid", "/api/grids/", "region", "/api/regions/");
    }

    @Override
    public Map<String, String> labels(String objectType, Collection<String> keys) {
        var labels = new HashMap<String, String>();
        String table = objectType.equals("grid") ? "grid" : "region";
        // The table name is one of two constants, never input.
        jdbc.sql("select distinct on (code) code, name from " + table
                        + " where code = any(:codes) order by code, valid_from desc")
                .param(
                        "codes",
                        keys.stream().filter(k -> k.matches("\\d{1,20}")).toArray(String[]::new))
                .query(rs -> {
                    labels.put(rs.getString("code"), rs.getString("name"));
                });
        return labels;
    }
}
