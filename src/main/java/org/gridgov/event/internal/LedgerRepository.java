package org.gridgov.event.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The history rows and cards of the events a period's figures count, read in one pass per table, ordered by event and
 * then by row, so that they are folded without holding more than one event's rows at a time.
 */
@Repository
@ScopedData(tables = {"event", "event_history", "deadline_card"})
class LedgerRepository {

    /** Events reported in the period, in grids under the prefix (the index on grid code serves the prefix). */
    private static final String REPORTED = """
            select e.id from event e
            where e.grid_code like :prefix || '%' and e.reported_at >= :since and e.reported_at < :until""";

    /**
     * Events in grids under the prefix with a dispatch to one of the receivers in the period. The receivers lead, as
     * in their index of dispatches: the dispatches of the period across all counties are many times a county's.
     */
    private static final String DISPATCHED = """
            select distinct d.event_id as id from event_history d join event e on e.id = d.event_id
            where d.move = 'DISPATCH' and d.to_holder = any(cast(:receivers as text[]))
              and d.at >= :since and d.at < :until and d.at <= :cutoff
              and e.grid_code like :prefix || '%'""";

    private final JdbcClient jdbc;

    LedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(
            long eventId,
            String serialNumber,
            String title,
            String gridCode,
            Long reporterUserId,
            String source,
            String categoryCode,
            String categoryName,
            Instant reportedAt,
            String move,
            String toStatus,
            String fromHolder,
            String toHolder,
            Instant deadlineAt,
            Instant at,
            Integer satisfaction) {}

    record Card(long eventId, String card, String holder, Instant raisedAt) {}

    void reported(String prefix, Instant from, Instant to, Instant cutoff, Consumer<Row> rows, Consumer<Card> cards) {
        read(REPORTED, prefix, new String[0], from, to, cutoff, rows, cards);
    }

    void dispatched(
            String prefix,
            java.util.Collection<String> receivers,
            Instant from,
            Instant to,
            Instant cutoff,
            Consumer<Row> rows,
            Consumer<Card> cards) {
        read(DISPATCHED, prefix, receivers.toArray(String[]::new), from, to, cutoff, rows, cards);
    }

    private void read(
            String events,
            String prefix,
            String[] receivers,
            Instant from,
            Instant to,
            Instant cutoff,
            Consumer<Row> rows,
            Consumer<Card> cards) {
        jdbc.sql("""
                        select e.id, e.serial_number, e.title, e.grid_code, e.reporter_user_id, e.source,
                            e.category_code, e.category_name, e.reported_at, h.move, h.to_status, h.from_holder,
                            h.to_holder, h.deadline_at, h.at, h.satisfaction
                        from (""" + events + """
                        ) c join event e on e.id = c.id
                        join event_history h on h.event_id = e.id and h.at <= :cutoff
                        order by e.id, h.id""")
                .param("prefix", prefix)
                .param("receivers", receivers)
                .param("since", Timestamp.from(from))
                .param("until", Timestamp.from(to))
                .param("cutoff", Timestamp.from(cutoff))
                .query(rs -> {
                    rows.accept(row(rs));
                });
        jdbc.sql("""
                        select k.event_id, k.card, k.holder_org, k.raised_at
                        from (""" + events + """
                        ) c join deadline_card k on k.event_id = c.id and k.raised_at <= :cutoff
                        order by k.event_id, k.id""")
                .param("prefix", prefix)
                .param("receivers", receivers)
                .param("since", Timestamp.from(from))
                .param("until", Timestamp.from(to))
                .param("cutoff", Timestamp.from(cutoff))
                .query(rs -> {
                    cards.accept(new Card(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                });
    }

    private static Row row(ResultSet rs) throws SQLException {
        long reporter = rs.getLong("reporter_user_id");
        Long reporterId = rs.wasNull() ? null : reporter;
        int satisfaction = rs.getInt("satisfaction");
        Integer rating = rs.wasNull() ? null : satisfaction;
        return new Row(
                rs.getLong("id"),
                rs.getString("serial_number"),
                rs.getString("title"),
                rs.getString("grid_code"),
                reporterId,
                rs.getString("source"),
                rs.getString("category_code"),
                rs.getString("category_name"),
                instant(rs.getTimestamp("reported_at")),
                rs.getString("move"),
                rs.getString("to_status"),
                rs.getString("from_holder"),
                rs.getString("to_holder"),
                instant(rs.getTimestamp("deadline_at")),
                instant(rs.getTimestamp("at")),
                rating);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
