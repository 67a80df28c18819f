package org.gridgov.registry.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Retires a house, household, place or organization: the same logical retirement for each, guarded by the version
 * the caller read. Callers have found the row within their scope first.
 */
@Repository
@ScopedData(tables = {"house", "household", "place", "registry_organization"})
class Retirements {

    /** The tables retired here; the statement names one of these constants, never a request value. */
    enum Table {
        HOUSE("house"),
        HOUSEHOLD("household"),
        PLACE("place"),
        ORGANIZATION("registry_organization");

        final String name;

        Table(String name) {
            this.name = name;
        }
    }

    private final JdbcClient jdbc;

    Retirements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when somebody changed the row since {@code version} or it is retired already. */
    boolean retire(Table table, long id, int version, String reason, Instant now) {
        return jdbc.sql("update " + table.name + """
                         set retired_at = :at, retired_reason = :reason, updated_at = :at, version = version + 1
                        where id = :id and version = :version and retired_at is null""")
                        .param("id", id)
                        .param("version", version)
                        .param("reason", reason)
                        .param("at", now.atOffset(ZoneOffset.UTC))
                        .update()
                == 1;
    }
}
