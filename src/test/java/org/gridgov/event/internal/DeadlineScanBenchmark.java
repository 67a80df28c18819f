package org.gridgov.event.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Times the deadline scan's SQL ({@link DeadlineRepository#raiseRed} and {@link DeadlineRepository#raiseYellow}) over
 * a million open events in a throw-away embedded PostgreSQL, beside a plain {@code count(*)} over the same rows in the
 * same run; {@code bench/deadline-scan.sh} runs it.
 *
 * <p>Two figures per card kind: the first scan after the cards fell due, which inserts them all (run in a transaction
 * that is rolled back, so every round does the same work), and the steady scan of every minute after that, which
 * finds the cards already raised and inserts nothing. Arguments: number of events (default 1,000,000), rounds
 * (default 5).
 */
public final class DeadlineScanBenchmark {

    /** The scan's "now"; every deadline is placed around it. */
    private static final Instant NOW = Instant.parse("2026-06-01T04:00:00Z");

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        // Flyway's and the embedded server's progress would bury the figures.
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        try (var postgres = EmbeddedPostgres.builder()
                .setServerConfig("timezone", "UTC")
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("max_wal_size", "4GB")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start()) {
            Flyway.configure()
                    .dataSource(postgres.getPostgresDatabase())
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            try (var connection = postgres.getPostgresDatabase().getConnection()) {
                // One connection for the whole run, so that no timing includes opening one.
                run(new SingleConnectionDataSource(connection, true), events, rounds);
            }
        }
    }

    private static void run(DataSource dataSource, int events, int rounds) {
        var jdbc = JdbcClient.create(dataSource);
        var repository = new DeadlineRepository(jdbc);
        var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        long loadStart = System.nanoTime();
        insertEvents(jdbc, events);
        jdbc.sql("vacuum analyze event").update();
        System.out.printf(
                "%,d open events inserted and analyzed in %.1f s (PostgreSQL %s)%n",
                events,
                (System.nanoTime() - loadStart) / 1e9,
                jdbc.sql("show server_version").query(String.class).single());
        System.out.printf(
                "due: %,d red, %,d yellow%n",
                jdbc.sql("select count(*) from event where deadline_at < :now")
                        .param("now", Timestamp.from(NOW))
                        .query(Long.class)
                        .single(),
                jdbc.sql("select count(*) from event where yellow_at <= :now and deadline_at >= :now")
                        .param("now", Timestamp.from(NOW))
                        .query(Long.class)
                        .single());

        var count = time(
                rounds,
                () -> jdbc.sql("select count(*) from event").query(Long.class).single());
        var redFirst = time(
                rounds,
                () -> rolledBack(transactions, () -> repository.raiseRed(NOW).size()));
        var yellowFirst = time(
                rounds,
                () -> rolledBack(transactions, () -> repository.raiseYellow(NOW).size()));
        int red = repository.raiseRed(NOW).size();
        int yellow = repository.raiseYellow(NOW).size();
        jdbc.sql("analyze deadline_card").update();
        var redSteady = time(rounds, () -> repository.raiseRed(NOW).size());
        var yellowSteady = time(rounds, () -> repository.raiseYellow(NOW).size());

        System.out.printf("median of %d rounds over %,d open events:%n", rounds, events);
        print("baseline select count(*) from event", count);
        print("red scan, first (inserts " + red + " cards)", redFirst);
        print("yellow scan, first (inserts " + yellow + " cards)", yellowFirst);
        print("red scan, steady (cards already raised)", redSteady);
        print("yellow scan, steady (cards already raised)", yellowSteady);
    }

    /**
     * Open events in the five open statuses; every hundredth is a little past its deadline (1 % due red), and the
     * steps run ten hours, so that those due within the next two hours are past 80 % (2 % due yellow). Every NOT NULL
     * column is filled; the event table has no foreign keys to fill. The yellow moment is set in natural time here,
     * since the benchmark times the scan, not the working calendar.
     */
    private static void insertEvents(JdbcClient jdbc, int events) {
        jdbc.sql("""
                        insert into event (serial_number, title, category_code, category_name, major_code, major_name,
                            catalog_version, urgency, lon, lat, grid_code, grid_version_id, source, status,
                            holder_org, step, step_started_at, deadline_at, yellow_at, reported_at)
                        select 'B-' || i, '基准事件 ' || i, '0101', '私搭乱建', '01', '市容环境', 1,
                            (array['NORMAL', 'URGENT', 'EMERGENCY'])[1 + i % 3],
                            113.8 + (i % 1000) * 0.0001, 31.6 + (i / 1000 % 1000) * 0.0001,
                            '421381101001' || lpad((i % 200)::text, 3, '0'), 1, 'GRID_WORKER',
                            s.status, '421381101-center', s.step,
                            d.deadline - interval '10 hours', d.deadline,
                            d.deadline - interval '2 hours', d.deadline - interval '11 hours'
                        from generate_series(1, :events) as i
                        cross join lateral (select case i % 5
                                when 0 then 'REPORTED' when 1 then 'ACCEPTED' when 2 then 'DISPATCHED'
                                when 3 then 'CLAIMED' else 'FEEDBACK' end as status,
                            case i % 5
                                when 0 then 'ACCEPT' when 1 then 'DISPATCH' when 2 then 'CLAIM'
                                when 3 then 'HANDLE' else 'VERIFY' end as step) s
                        cross join lateral (select cast(:now as timestamptz)
                            + case when i % 100 = 0 then -(i % 97 + 1) * interval '1 minute'
                                   else (i % 100) * interval '1 hour' - interval '30 minutes' end as deadline) d""").param("events", events).param("now", Timestamp.from(NOW)).update();
    }

    private static <T> T rolledBack(TransactionTemplate transactions, Supplier<T> work) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }

    /** The milliseconds of each round. */
    private static List<Double> time(int rounds, Supplier<?> work) {
        var times = new ArrayList<Double>();
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            work.get();
            times.add((System.nanoTime() - start) / 1e6);
        }
        return times;
    }

    private static void print(String label, List<Double> times) {
        var sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        System.out.printf(
                "  %-48s median %8.1f ms   (min %.1f, max %.1f)%n",
                label, sorted.get(sorted.size() / 2), sorted.getFirst(), sorted.getLast());
    }
}
