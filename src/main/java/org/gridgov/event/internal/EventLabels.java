package org.gridgov.event.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.gridgov.common.ObjectLabels;
import org.gridgov.common.ScopedData;
import org.gridgov.common.Unscoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Events by case number and title, for the audit log. */
@Repository
@ScopedData(tables = {"event"})
@Unscoped("auditors read the whole audit log; a label is a case number and title")
class EventLabels implements ObjectLabels {

    private final JdbcClient jdbc;

    EventLabels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> objectTypes() {
        return Map.of("event", "/api/events/");
    }

    @Override
    public Map<String, String> labels(String objectType, Collection<String> keys) {
        var labels = new HashMap<String, String>();
        jdbc.sql("select id, serial_number, title from event where id = any(:ids)")
                .param("ids", ObjectLabels.numericIds(keys))
                .query(rs -> {
                    labels.put(rs.getString("id"), rs.getString("serial_number") + " " + rs.getString("title"));
                });
        return labels;
    }
}
