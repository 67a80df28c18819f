package org.gridgov.team.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.gridgov.common.ObjectLabels;
import org.gridgov.common.ScopedData;
import org.gridgov.common.Unscoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Team members and assigned cadres by name, for the audit log. */
@Repository
@ScopedData(tables = {"team_member", "team_assignment"})
@Unscoped("auditors read the whole audit log; a label is a name, never a phone number")
class TeamLabels implements ObjectLabels {

    /** The query per type; each selects the key as text and the label. */
    private static final Map<String, String> QUERIES = Map.of(
            RosterDesk.MEMBER,
            "select distinct on (member_id) member_id::text as key, name as label from team_member"
                    + " where member_id = any(:ids) order by member_id, version desc",
            AssignmentDesk.ASSIGNMENT,
            "select id::text as key, cadre_name || '（' || role || '）' as label from team_assignment where id = any(:ids)");

    private final JdbcClient jdbc;

    TeamLabels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> objectTypes() {
        return Map.of(RosterDesk.MEMBER, "/api/teams/members/", AssignmentDesk.ASSIGNMENT, "/api/teams/assignments/");
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
