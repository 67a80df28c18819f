package org.gridgov.team.internal;

import java.util.List;
import org.gridgov.team.Employment;
import org.gridgov.team.Position;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The positions of a grid's team: a short code list that belongs to no region. */
@Repository
class PositionRepository {

    private final JdbcClient jdbc;

    PositionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Position> all() {
        return jdbc.sql("""
                        select code, name, name_en, sort_order, one_per_grid, employment
                        from team_position order by sort_order, code""")
                .query((rs, n) -> new Position(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("name_en"),
                        rs.getInt("sort_order"),
                        rs.getBoolean("one_per_grid"),
                        rs.getString("employment") == null ? null : Employment.valueOf(rs.getString("employment"))))
                .list();
    }
}
