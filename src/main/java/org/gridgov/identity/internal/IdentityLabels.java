package org.gridgov.identity.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.gridgov.common.ObjectLabels;
import org.gridgov.common.ScopedData;
import org.gridgov.common.Unscoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts by their people's names and organizations by their names, for the audit log. */
@Repository
@ScopedData(tables = {"app_user", "organization"})
@Unscoped("auditors read the whole audit log; a label is a name, nothing more")
class IdentityLabels implements ObjectLabels {

    private final JdbcClient jdbc;

    IdentityLabels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> objectTypes() {
        return Map.of("user", "/api/users/", "user.phone", "", "organization", "");
    }

    @Override
    public Map<String, String> labels(String objectType, Collection<String> keys) {
        var labels = new HashMap<String, String>();
        if (objectType.equals("organization")) {
            jdbc.sql("select code, name from organization where code = any(:codes)")
                    .param("codes", keys.toArray(String[]::new))
                    .query(rs -> {
                        labels.put(rs.getString("code"), rs.getString("name"));
                    });
        } else {
            jdbc.sql("select id, real_name from app_user where id = any(:ids)")
                    .param("ids", ObjectLabels.numericIds(keys))
                    .query(rs -> {
                        labels.put(rs.getString("id"), rs.getString("real_name"));
                    });
        }
        return labels;
    }
}
