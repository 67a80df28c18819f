package org.gridgov.event.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Province-scale figures: fills a throw-away embedded PostgreSQL with a generated history
 * ({@code bench/event-history.sql}), then times the dashboard figures from the rollups against the plain GROUP BY
 * over the event tables, and the event work lists before and after their indexes, all in the same run;
 * {@code bench/event-figures.sh} runs it. Arguments: events (default 10,000,000), rounds (default 21), data
 * directory (default a new one under /tmp; an existing one with events is reused, without filling it again).
 */
public final class EventFiguresBenchmark {

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("gridgov-figures");
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        try (var postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setServerConfig("timezone", "UTC")
                .setServerConfig("shared_buffers", "2GB")
                .setServerConfig("max_wal_size", "16GB")
                .setServerConfig("checkpoint_timeout", "30min")
                // A throw-away server: nothing to keep across a crash.
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("synchronous_commit", "off")
                .setPGStartupWait(Duration.ofSeconds(120))
                .start()) {
            long migrateStart = System.nanoTime();
            int applied = Flyway.configure()
                    .dataSource(postgres.getPostgresDatabase())
                    .locations("classpath:db/migration")
                    .load()
                    .migrate()
                    .migrationsExecuted;
            System.out.printf("%d migrations applied in %.1f s%n", applied, (System.nanoTime() - migrateStart) / 1e9);
            try (var connection = postgres.getPostgresDatabase().getConnection()) {
                var dataSource = new SingleConnectionDataSource(connection, true);
                fill(connection, JdbcClient.create(dataSource), events);
                run(dataSource, rounds, parts());
            }
        }
    }

    /** Runs bench/event-history.sql step by step when the event table is empty, printing the time of each step. */
    static void fill(Connection connection, JdbcClient jdbc, long events) throws Exception {
        long existing = jdbc.sql("select count(*) from event").query(Long.class).single();
        if (existing > 0) {
            System.out.printf("%,d events already there: not filled again%n", existing);
            return;
        }
        String script = Files.readString(Path.of("bench/event-history.sql"));
        long start = System.nanoTime();
        try (var statement = connection.createStatement()) {
            statement.execute("set bench.events = '" + events + "'");
            for (var step : steps(script)) {
                long stepStart = System.nanoTime();
                statement.execute(step.sql());
                System.out.printf("  %-16s %8.1f s%n", step.name(), (System.nanoTime() - stepStart) / 1e9);
            }
        }
        System.out.printf(
                "filled %,d events, %,d history rows, %,d cards in %.1f s%n",
                jdbc.sql("select count(*) from event").query(Long.class).single(),
                jdbc.sql("select count(*) from event_history").query(Long.class).single(),
                jdbc.sql("select count(*) from deadline_card").query(Long.class).single(),
                (System.nanoTime() - start) / 1e9);
    }

    record Step(String name, String sql) {}

    /** The script cut at its "-- step: name" lines. */
    static List<Step> steps(String script) {
        var steps = new ArrayList<Step>();
        String name = null;
        var sql = new StringBuilder();
        for (var line : script.split("\n")) {
            if (line.startsWith("-- step: ")) {
                if (name != null) {
                    steps.add(new Step(name, sql.toString()));
                }
                name = line.substring("-- step: ".length()).strip();
                sql.setLength(0);
            } else if (name != null) {
                sql.append(line).append('\n');
            }
        }
        if (name != null) {
            steps.add(new Step(name, sql.toString()));
        }
        return steps;
    }

    /** The day the generated history ends (bench.now's date); the figures read the periods before it. */
    private static final LocalDate END = LocalDate.parse("2026-12-01");

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * The indexes V29, V30 and V31 add for the work lists: dropped (in a transaction rolled back) for the "before"
     * figures.
     */
    static final List<String> LIST_INDEXES = List.of(
            "event_open_grid_deadline",
            "event_grid_category_reported",
            "event_county_reported",
            "event_township_reported",
            "event_county_category",
            "event_supervised_open",
            "event_holder_open");

    /**
     * Which parts to run after the fill, from {@code BENCH_PARTS} (comma-separated: figures, lists; default both;
     * empty: only fill).
     */
    static java.util.Set<String> parts() {
        String parts = System.getenv().getOrDefault("BENCH_PARTS", "figures,lists");
        return java.util.Set.of(parts.split(","));
    }

    private static void run(DataSource dataSource, int rounds, java.util.Set<String> parts) {
        if (!parts.contains("figures") && !parts.contains("lists")) {
            return;
        }
        var jdbc = JdbcClient.create(dataSource);
        var rollups = new RollupRepository(jdbc);
        if (parts.contains("figures") && !rollups.anyRollup()) {
            long start = System.nanoTime();
            var first = rollups.firstReport().orElseThrow();
            var from = LocalDate.ofInstant(first, ZONE);
            var result = rollups.check(
                    new RollupRepository.CheckedPeriod(
                            null,
                            from.withDayOfMonth(1),
                            END.plusMonths(1),
                            from,
                            END.plusDays(1),
                            from.withDayOfMonth(1).atStartOfDay(ZONE).toInstant(),
                            END.plusMonths(1).atStartOfDay(ZONE).toInstant(),
                            ZONE.getId()),
                    true,
                    1);
            jdbc.sql("vacuum analyze event_rollup").update();
            jdbc.sql("vacuum analyze event_closing_rollup").update();
            System.out.printf(
                    "rollups filled by the check (repair) in %.1f s: %,d status rows, %,d closing rows%n",
                    (System.nanoTime() - start) / 1e9, result.statusRows(), result.closingRows());
        }
        System.out.printf(
                "%,d events, %,d history rows; rollups: %,d status rows, %,d closing rows%n",
                count(jdbc, "event"),
                count(jdbc, "event_history"),
                count(jdbc, "event_rollup"),
                count(jdbc, "event_closing_rollup"));
        if (parts.contains("figures")) {
            figures(jdbc, rollups, rounds);
        }
        if (parts.contains("lists")) {
            lists(jdbc, dataSource, rounds);
        }
    }

    private static long count(JdbcClient jdbc, String table) {
        // The planner's estimate: an exact count of the largest tables would take longer than the figures.
        return jdbc.sql("select reltuples::bigint from pg_class where relname = :table")
                .param("table", table)
                .query(Long.class)
                .single();
    }

    /** A dashboard query: region, period and grouping, as GET /api/events/figures takes them. */
    record Figure(String label, String region, LocalDate from, LocalDate to, RollupRepository.By by) {}

    private static void figures(JdbcClient jdbc, RollupRepository rollups, int rounds) {
        var queries = List.of(
                new Figure(
                        "county, 1 month, by township",
                        "990101",
                        END.minusMonths(1),
                        END,
                        RollupRepository.By.TOWNSHIP),
                new Figure("county, 30 days, by day", "990507", END.minusDays(30), END, RollupRepository.By.DAY),
                new Figure(
                        "county, 12 months, by category",
                        "990305",
                        END.minusMonths(12),
                        END,
                        RollupRepository.By.CATEGORY),
                new Figure(
                        "county, 24 months, by month", "990910", END.minusMonths(24), END, RollupRepository.By.MONTH),
                new Figure(
                        "county, 100 days (ragged), by status",
                        "990202",
                        LocalDate.parse("2026-08-17"),
                        LocalDate.parse("2026-11-25"),
                        RollupRepository.By.STATUS),
                new Figure(
                        "township, 3 months, by category",
                        "990404003",
                        END.minusMonths(3),
                        END,
                        RollupRepository.By.CATEGORY),
                new Figure("province, 1 month, by county", "99", END.minusMonths(1), END, RollupRepository.By.COUNTY),
                new Figure(
                        "province, 1 month, by category", "99", END.minusMonths(1), END, RollupRepository.By.CATEGORY),
                new Figure(
                        "province, 12 months, by county", "99", END.minusMonths(12), END, RollupRepository.By.COUNTY));
        System.out.printf(
                "%nDashboard figures: rollups against the plain GROUP BY over the event tables (median of %d"
                        + " rounds for the rollups, of %d for the GROUP BY)%n",
                rounds, Math.min(rounds, 3));
        System.out.printf(
                "  %-40s %12s %12s %12s %10s %9s%n", "query", "rollup", "rollup p99", "GROUP BY", "ratio", "agree");
        for (var q : queries) {
            var slice = EventFiguresDesk.slice(q.region(), q.from(), q.to(), q.by());
            var fromRollups = rollups.figures(q.by(), slice);
            var plain = plain(jdbc, q);
            boolean agree = totals(fromRollups).equals(totals(plain));
            var rollupTimes = time(rounds, () -> rollups.figures(q.by(), slice));
            var plainTimes = time(Math.min(rounds, 3), () -> plain(jdbc, q));
            double rollup = median(rollupTimes);
            double group = median(plainTimes);
            System.out.printf(
                    "  %-40s %9.2f ms %9.2f ms %9.1f ms %9.0fx %9s%n",
                    q.label(),
                    rollup,
                    percentile(rollupTimes, 99),
                    group,
                    group / rollup,
                    agree ? "yes" : "NO " + totals(fromRollups) + " / " + totals(plain));
        }
    }

    /** reported, open, done, closings, on time over all groups. */
    private static List<Long> totals(List<RollupRepository.Group> groups) {
        long[] t = new long[5];
        for (var g : groups) {
            t[0] += g.reported();
            t[1] += g.open();
            t[2] += g.done();
            t[3] += g.closings();
            t[4] += g.closedOnTime();
        }
        return List.of(t[0], t[1], t[2], t[3], t[4]);
    }

    /** The same figures counted straight from the event tables, as a dashboard without rollups would. */
    private static List<RollupRepository.Group> plain(JdbcClient jdbc, Figure q) {
        String eventKey = switch (q.by()) {
            case TOWNSHIP -> "left(e.grid_code, 9)";
            case CATEGORY -> "e.category_code";
            case STATUS -> "e.status";
            case DAY -> "to_char(e.reported_at at time zone :zone, 'YYYY-MM-DD')";
            case MONTH -> "to_char(e.reported_at at time zone :zone, 'YYYY-MM')";
            case COUNTY -> "left(e.grid_code, 6)";
        };
        String closingKey = switch (q.by()) {
            case STATUS -> "cast(null as text)";
            case DAY -> "to_char(h.at at time zone :zone, 'YYYY-MM-DD')";
            case MONTH -> "to_char(h.at at time zone :zone, 'YYYY-MM')";
            default -> eventKey;
        };
        return jdbc.sql(
                        "select key, sum(reported), sum(open), sum(done), sum(closed), sum(on_time) from ("
                                + " select " + eventKey + " as key, count(*) as reported,"
                                + "   count(*) filter (where e.status = any(cast(:open as text[]))) as open,"
                                + "   count(*) filter (where e.status in ('CLOSED', 'ARCHIVED')) as done, 0 as closed, 0 as on_time"
                                + " from event e where e.grid_code like :region || '%' and e.reported_at >= :start"
                                + "   and e.reported_at < :end group by 1"
                                + " union all"
                                + " select " + closingKey + ", 0, 0, 0, count(*), count(*) filter (where not "
                                + RollupRepository.LATE.formatted("h.event_id", "h.id") + ")"
                                + " from event_history h join event e on e.id = h.event_id"
                                + " where h.move = 'VERIFY_PASS' and h.at >= :start and h.at < :end"
                                + "   and e.grid_code like :region || '%' group by 1) as r group by key order by key nulls last")
                .param("region", q.region())
                .param("start", Timestamp.from(q.from().atStartOfDay(ZONE).toInstant()))
                .param("end", Timestamp.from(q.to().atStartOfDay(ZONE).toInstant()))
                .param("zone", ZONE.getId())
                .param("open", EventRollups.OPEN.toArray(String[]::new))
                .query((rs, n) -> new RollupRepository.Group(
                        rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .list();
    }

    /** A work list as EventDesk.list asks for it: one page and the total, for a caller of the generated province. */
    record WorkList(String label, java.util.function.IntFunction<EventRepository.Filter> filter) {}

    private static void lists(JdbcClient jdbc, DataSource dataSource, int rounds) {
        var events = new EventRepository(jdbc);
        var now = END.atStartOfDay(ZONE).toInstant();
        var page = new org.gridgov.common.PageQuery(0, 20);
        var queries = List.of(
                new WorkList(
                        "to-do of a township center",
                        c -> filter(township(c), "todo", township(c) + "-center", null, null, null, null)),
                new WorkList(
                        "overdue in a county",
                        c -> filter(county(c), "overdue", county(c) + "-center", null, null, null, null)),
                new WorkList(
                        "a township in a county's list",
                        c -> filter(county(c), null, county(c) + "-center", township(c), null, null, null)),
                new WorkList(
                        "a category in a county's list",
                        c -> filter(
                                county(c),
                                null,
                                county(c) + "-center",
                                null,
                                CATEGORIES.get(c % CATEGORIES.size()),
                                null,
                                null)),
                new WorkList(
                        "a county's list, this month",
                        c -> filter(
                                county(c),
                                null,
                                county(c) + "-center",
                                null,
                                null,
                                END.minusMonths(1).atStartOfDay(ZONE).toInstant(),
                                null)),
                new WorkList(
                        "to-do of a county department",
                        c -> filter(county(c), "todo", county(c) + "-cgj", null, null, null, county(c) + "-cgj")),
                new WorkList("open supervised cases of a county", c -> supervisedOpen(county(c))));
        int requests = Math.max(100, rounds * 5);
        var transactions = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource));
        System.out.printf(
                "%nEvent work lists (page of 20 + total count, %d requests each over random counties):%n", requests);
        System.out.printf(
                "  %-34s %11s %11s %11s %11s %9s%n",
                "list", "before p50", "before p99", "after p50", "after p99", "total");
        for (var q : queries) {
            List<Double>[] before = new List[1];
            transactions.executeWithoutResult(status -> {
                for (var index : LIST_INDEXES) {
                    jdbc.sql("drop index if exists " + index).update();
                }
                before[0] = timeLists(events, q, now, page, requests);
                status.setRollbackOnly();
            });
            var after = timeLists(events, q, now, page, requests);
            long total = events.count(q.filter().apply(7), now);
            System.out.printf(
                    "  %-34s %8.1f ms %8.1f ms %8.1f ms %8.1f ms %,9d%n",
                    q.label(),
                    median(before[0]),
                    percentile(before[0], 99),
                    median(after),
                    percentile(after, 99),
                    total);
        }
    }

    private static final List<String> CATEGORIES = List.of("0110", "ZZ0101", "04", "ZZ03", "0406");

    private static List<Double> timeLists(
            EventRepository events,
            WorkList q,
            java.time.Instant now,
            org.gridgov.common.PageQuery page,
            int requests) {
        var random = new java.util.SplittableRandom(29);
        // Warm-up: the same number of requests, not measured.
        for (int i = 0; i < requests / 4; i++) {
            var f = q.filter().apply(random.nextInt(1000));
            events.list(f, now, page);
            events.count(f, now);
        }
        var times = new ArrayList<Double>();
        for (int i = 0; i < requests; i++) {
            var f = q.filter().apply(random.nextInt(1000));
            long start = System.nanoTime();
            events.list(f, now, page);
            events.count(f, now);
            times.add((System.nanoTime() - start) / 1e6);
        }
        return times;
    }

    private static String county(int c) {
        int county = c % 100;
        return String.format("99%02d%02d", county / 10 + 1, county % 10 + 1);
    }

    private static String township(int c) {
        return county(c) + String.format("%03d", c / 100 % 10 + 1);
    }

    private static EventRepository.Filter filter(
            String prefix,
            String box,
            String holder,
            String region,
            String category,
            java.time.Instant from,
            String department) {
        return new EventRepository.Filter(
                new EventRepository.Visibility(prefix, null, null, department, 1L),
                box,
                holder,
                List.of(),
                1L,
                null,
                category,
                null,
                from,
                null,
                region,
                null,
                null,
                null,
                false,
                false,
                null);
    }

    /** A county leader's 督办件 still open (supervised=true, open=true), as the home page counts them. */
    private static EventRepository.Filter supervisedOpen(String county) {
        var any = filter(county, null, county + "-center", null, null, null, null);
        return new EventRepository.Filter(
                any.visibility(),
                null,
                any.holderOrg(),
                any.gridCodes(),
                any.me(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                true,
                true,
                null);
    }

    private static List<Double> time(int rounds, Runnable work) {
        var times = new ArrayList<Double>();
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            work.run();
            times.add((System.nanoTime() - start) / 1e6);
        }
        return times;
    }

    private static double median(List<Double> times) {
        return percentile(times, 50);
    }

    private static double percentile(List<Double> times, int p) {
        var sorted = new ArrayList<>(times);
        java.util.Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
