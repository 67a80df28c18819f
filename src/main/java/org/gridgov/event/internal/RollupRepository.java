package org.gridgov.event.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard rollups: the changes of each transaction added, the figures read, and the same figures counted afresh
 * out of the event tables to check the rollups. Every read binds its counties (a range of county codes) and township.
 */
@Repository
@ScopedData(tables = {"event_rollup", "event_closing_rollup", "event", "event_history"})
class RollupRepository {

    /**
     * Whether the step ended by some row of event {@code %1$s} up to row {@code %2$s} ran past its deadline: a row
     * whose deadline differs from the row before it (the next step, an approved delay, the closing) came after the
     * deadline of the row before. The assessment's LedgerReader counts late steps by the same rule.
     */
    static final String LATE = """
            exists (select 1
                    from (select x.at, x.deadline_at, lag(x.deadline_at) over (order by x.id) as before
                          from event_history x where x.event_id = %1$s and x.id <= %2$s) s
                    where s.before is not null and (s.deadline_at is null or s.deadline_at <> s.before)
                      and s.at > s.before)""";

    private final JdbcClient jdbc;

    RollupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The rollup rows an event of grid {@code %1$s} and category {@code %2$s} counts in on day {@code %3$s}, as grain,
     * period, township and category: the rows {@link #countedIn} names, in SQL for the check.
     */
    private static final String GRAINS = """
            values ('DAY', %3$s, left(%1$s, 9), %2$s),
                ('MONTH', cast(date_trunc('month', %3$s) as date), left(%1$s, 9), %2$s),
                ('COUNTY_DAY', %3$s, '', ''),
                ('COUNTY_MONTH', cast(date_trunc('month', %3$s) as date), '', ''),
                ('CATEGORY_DAY', %3$s, '', %2$s),
                ('CATEGORY_MONTH', cast(date_trunc('month', %3$s) as date), '', %2$s)""";

    /** A row of {@code event_rollup} at the grain of a day; its month's row changes with it. */
    record StatusKey(String county, LocalDate day, String township, String category, String status) {
        static final Comparator<StatusKey> ORDER = Comparator.comparing(StatusKey::county)
                .thenComparing(StatusKey::day)
                .thenComparing(StatusKey::township)
                .thenComparing(StatusKey::category)
                .thenComparing(StatusKey::status);
    }

    /** A row of {@code event_closing_rollup} at the grain of a day. */
    record ClosingKey(String county, LocalDate day, String township, String category) {
        static final Comparator<ClosingKey> ORDER = Comparator.comparing(ClosingKey::county)
                .thenComparing(ClosingKey::day)
                .thenComparing(ClosingKey::township)
                .thenComparing(ClosingKey::category);
    }

    record StatusDelta(StatusKey key, int events) {}

    record ClosingDelta(ClosingKey key, int closed, int onTime) {}

    /**
     * Adds the changes to the day rows and to their months' rows, each rollup row once and in the order of the
     * primary key, so that concurrent writers lock rollup rows in one order.
     */
    void add(List<StatusDelta> status, List<ClosingDelta> closings) {
        if (!status.isEmpty()) {
            var rows = new TreeMap<List<String>, Integer>(RollupRepository::compareKeys);
            for (var d : status) {
                var k = d.key();
                for (var row : countedIn(k.county(), k.day(), k.township(), k.category())) {
                    var key = new ArrayList<>(row);
                    key.add(k.status());
                    rows.merge(key, d.events(), Integer::sum);
                }
            }
            jdbc.sql("""
                            insert into event_rollup (county_code, grain, period, township_code, category_code, status,
                                events)
                            select county, grain, cast(period as date), township, category, status, events
                            from unnest(cast(:counties as text[]), cast(:grains as text[]), cast(:periods as text[]),
                                cast(:townships as text[]), cast(:categories as text[]), cast(:statuses as text[]),
                                cast(:events as int[]))
                                as d (county, grain, period, township, category, status, events)
                            order by county, grain, period, township, category, status
                            on conflict (county_code, grain, period, township_code, category_code, status)
                            do update set events = event_rollup.events + excluded.events""")
                    .param("counties", column(rows, 0))
                    .param("grains", column(rows, 1))
                    .param("periods", column(rows, 2))
                    .param("townships", column(rows, 3))
                    .param("categories", column(rows, 4))
                    .param("statuses", column(rows, 5))
                    .param("events", rows.values().toArray(Integer[]::new))
                    .update();
        }
        if (!closings.isEmpty()) {
            var rows = new TreeMap<List<String>, int[]>(RollupRepository::compareKeys);
            for (var d : closings) {
                var k = d.key();
                for (var row : countedIn(k.county(), k.day(), k.township(), k.category())) {
                    rows.merge(row, new int[] {d.closed(), d.onTime()}, (a, b) -> new int[] {a[0] + b[0], a[1] + b[1]});
                }
            }
            jdbc.sql("""
                            insert into event_closing_rollup (county_code, grain, period, township_code, category_code,
                                closed, on_time)
                            select county, grain, cast(period as date), township, category, closed, on_time
                            from unnest(cast(:counties as text[]), cast(:grains as text[]), cast(:periods as text[]),
                                cast(:townships as text[]), cast(:categories as text[]), cast(:closed as int[]),
                                cast(:onTime as int[]))
                                as d (county, grain, period, township, category, closed, on_time)
                            order by county, grain, period, township, category
                            on conflict (county_code, grain, period, township_code, category_code)
                            do update set closed = event_closing_rollup.closed + excluded.closed,
                                on_time = event_closing_rollup.on_time + excluded.on_time""")
                    .param("counties", column(rows, 0))
                    .param("grains", column(rows, 1))
                    .param("periods", column(rows, 2))
                    .param("townships", column(rows, 3))
                    .param("categories", column(rows, 4))
                    .param("closed", rows.values().stream().map(v -> v[0]).toArray(Integer[]::new))
                    .param("onTime", rows.values().stream().map(v -> v[1]).toArray(Integer[]::new))
                    .update();
        }
    }

    /**
     * The rows a change of one day, township and category counts in, as county, grain, period, township and category:
     * the fine day and month rows, the coarse rows of the county's day and month (V30), which have no township and no
     * category, and the county's rows of the category (V33), which have no township. ISO dates sort as the dates do.
     */
    private static List<List<String>> countedIn(String county, LocalDate day, String township, String category) {
        String date = day.toString();
        String month = day.withDayOfMonth(1).toString();
        return List.of(
                List.of(county, "CATEGORY_DAY", date, "", category),
                List.of(county, "CATEGORY_MONTH", month, "", category),
                List.of(county, "COUNTY_DAY", date, "", ""),
                List.of(county, "COUNTY_MONTH", month, "", ""),
                List.of(county, "DAY", date, township, category),
                List.of(county, "MONTH", month, township, category));
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static String[] column(Map<List<String>, ?> rows, int index) {
        return rows.keySet().stream().map(k -> k.get(index)).toArray(String[]::new);
    }

    /** Whether an event just closed had no step past its deadline in all its history. */
    boolean closedOnTime(long eventId) {
        return jdbc.sql("select not "
                        + LATE.formatted(":event", "(select max(id) from event_history where event_id = :event)"))
                .param("event", eventId)
                .query(Boolean.class)
                .single();
    }

    /** An open event moved to another grid, as it stood before. */
    record Regridded(long eventId, String fromGridCode, String categoryCode, Instant reportedAt, String status) {}

    /** A closing of an event, on time or not. */
    record Closing(long eventId, Instant at, boolean onTime) {}

    List<Closing> closingsOf(Collection<Long> eventIds) {
        return jdbc.sql("select h.event_id, h.at, not " + LATE.formatted("h.event_id", "h.id") + " as on_time"
                        + " from event_history h where h.event_id = any(:ids) and h.move = 'VERIFY_PASS'")
                .param("ids", eventIds.toArray(Long[]::new))
                .query((rs, n) -> new Closing(
                        rs.getLong("event_id"), rs.getTimestamp("at").toInstant(), rs.getBoolean("on_time")))
                .list();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Figures

    /**
     * What the figures are grouped by: each a fixed expression over the rollup columns, chosen by name, never taken
     * from the request. The closings have no status: grouped by status, they come as one row with a null key.
     */
    enum By {
        TOWNSHIP("township_code", "township_code"),
        CATEGORY("category_code", "category_code"),
        STATUS("status", "cast(null as text)"),
        DAY("to_char(period, 'YYYY-MM-DD')", "to_char(period, 'YYYY-MM-DD')"),
        MONTH("to_char(period, 'YYYY-MM')", "to_char(period, 'YYYY-MM')"),
        COUNTY("county_code", "county_code");

        final String statusKey;
        final String closingKey;

        By(String statusKey, String closingKey) {
            this.statusKey = statusKey;
            this.closingKey = closingKey;
        }
    }

    /**
     * Where and when: the counties {@code countyFrom..countyTo}, one township or any, whole months
     * {@code [monthFrom, monthTo)} read from the month rows and the days before and after them
     * {@code [headFrom, headTo)}, {@code [tailFrom, tailTo)} from the day rows.
     */
    record Slice(
            String countyFrom,
            String countyTo,
            String township,
            LocalDate monthFrom,
            LocalDate monthTo,
            LocalDate headFrom,
            LocalDate headTo,
            LocalDate tailFrom,
            LocalDate tailTo) {}

    /**
     * One group of figures: events reported in the period ({@code reported}), of them those still open and those
     * closed or archived by now, and the closings in the period with those on time.
     */
    record Group(String key, long reported, long open, long done, long closings, long closedOnTime) {}

    /**
     * The rows of a slice: its whole months, its head and its tail, in the region {@code %4$s}. One county, and one
     * township, are named as equalities in the text rather than as a range or as "any or this one", so that a plan
     * prepared once for any values still reads a township's own index entries.
     */
    private static final String SLICES = """
            select %1$s as key, %2$s from %3$s
            where %4$s and grain = :monthGrain and period >= :monthFrom and period < :monthTo
            union all
            select %1$s, %2$s from %3$s
            where %4$s and grain = :dayGrain and period >= :headFrom and period < :headTo
            union all
            select %1$s, %2$s from %3$s
            where %4$s and grain = :dayGrain and period >= :tailFrom and period < :tailTo""";

    /**
     * The figures of a slice grouped {@code by}: from the fine rows when a township or a grouping by township asks for
     * them, else from the county's rows of each category when grouped by category, else from the county's coarse rows.
     */
    List<Group> figures(By by, Slice slice) {
        boolean fine = slice.township() != null || by == By.TOWNSHIP;
        String grain = fine ? "" : by == By.CATEGORY ? "CATEGORY_" : "COUNTY_";
        String region = (slice.countyFrom().equals(slice.countyTo())
                        ? "county_code = :countyFrom"
                        : "county_code between :countyFrom and :countyTo")
                + (slice.township() == null ? "" : " and township_code = :township");
        String statusRows = SLICES.formatted(
                by.statusKey,
                "events, case when status = any(cast(:open as text[])) then events else 0 end as open,"
                        + " case when status in ('CLOSED', 'ARCHIVED') then events else 0 end as done,"
                        + " 0 as closed, 0 as on_time",
                "event_rollup",
                region);
        String closingRows =
                SLICES.formatted(by.closingKey, "0, 0, 0, closed, on_time", "event_closing_rollup", region);
        var spec = jdbc.sql("select key, sum(events), sum(open), sum(done), sum(closed), sum(on_time) from ("
                        + statusRows + " union all " + closingRows + ") as r"
                        + " group by key order by key nulls last")
                .param("countyFrom", slice.countyFrom())
                .param("countyTo", slice.countyTo())
                .param("monthGrain", grain + "MONTH")
                .param("dayGrain", grain + "DAY")
                .param("monthFrom", slice.monthFrom())
                .param("monthTo", slice.monthTo())
                .param("headFrom", slice.headFrom())
                .param("headTo", slice.headTo())
                .param("tailFrom", slice.tailFrom())
                .param("tailTo", slice.tailTo())
                .param("open", EventRollups.OPEN.toArray(String[]::new));
        if (slice.township() != null) {
            spec = spec.param("township", slice.township());
        }
        return spec.query((rs, n) -> new Group(
                        rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .list();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The check

    /** A rollup row that differs from the event tables: what it holds and what it should. */
    record Drift(
            String table,
            String county,
            String grain,
            LocalDate period,
            String township,
            String category,
            String status,
            long stored,
            long expected,
            long storedOnTime,
            long expectedOnTime) {}

    /**
     * Counts the rollups of {@code county} (null: every county) afresh from the event tables: the day rows of
     * {@code [dayFrom, dayTo)} and the month rows of {@code [monthFrom, monthTo)} (whole months, which the day range
     * lies in); answers the rows that differ, at most {@code limit} of each table with the number of all of them
     * first, and with {@code repair} adds the differences to the rollups in the same statement. Adding differences
     * rather than setting values keeps a move that commits meanwhile: its change is in both, and cancels out.
     */
    CheckResult check(CheckedPeriod period, boolean repair, int limit) {
        var status = jdbc.sql("""
                        with fresh as (
                            select left(e.grid_code, 6) as county_code, g.grain, g.period,
                                g.township_code, g.category_code, e.status, count(*)::int as events
                            from event e
                            cross join lateral (select cast(e.reported_at at time zone :zone as date) as day) d
                            cross join lateral (%s) as g (grain, period, township_code, category_code)
                            where e.grid_code like coalesce(cast(:county as text), '') || '%%'
                              and e.reported_at >= :start and e.reported_at < :end
                              and (g.grain like '%%MONTH' or g.period >= :dayFrom and g.period < :dayTo)
                            group by 1, 2, 3, 4, 5, 6),
                        stored as (
                            select county_code, grain, period, township_code, category_code, status, events
                            from event_rollup
                            where (cast(:county as text) is null or county_code = :county)
                              and (grain like '%%MONTH' and period >= :monthFrom and period < :monthTo
                                   or grain like '%%DAY' and period >= :dayFrom and period < :dayTo)),
                        drift as (
                            select county_code, grain, period, township_code, category_code, status,
                                coalesce(s.events, 0) as stored, coalesce(f.events, 0) as expected
                            from fresh f
                            full join stored s using (county_code, grain, period, township_code, category_code, status)
                            where coalesce(s.events, 0) <> coalesce(f.events, 0)),
                        repaired as (
                            insert into event_rollup (county_code, grain, period, township_code, category_code,
                                status, events)
                            select county_code, grain, period, township_code, category_code, status,
                                expected - stored
                            from drift where :repair
                            order by county_code, grain, period, township_code, category_code, status
                            on conflict (county_code, grain, period, township_code, category_code, status)
                            do update set events = event_rollup.events + excluded.events)
                        select *, count(*) over () as drifted from drift
                        order by county_code, grain, period, township_code, category_code, status
                        limit :limit""".formatted(GRAINS.formatted("e.grid_code", "e.category_code", "d.day")));
        var closing = jdbc.sql("""
                        with closings as materialized (
                            select h.id, h.event_id, h.at, e.grid_code, e.category_code
                            from event_history h join event e on e.id = h.event_id
                            where h.move = 'VERIFY_PASS' and h.at >= :start and h.at < :end
                              and e.grid_code like coalesce(cast(:county as text), '') || '%%'),
                        fresh as (
                            select left(c.grid_code, 6) as county_code, g.grain, g.period,
                                g.township_code, g.category_code,
                                count(*)::int as closed, count(*) filter (where not l.late)::int as on_time
                            from closings c
                            cross join lateral (select %s as late offset 0) l
                            cross join lateral (select cast(c.at at time zone :zone as date) as day) d
                            cross join lateral (%s) as g (grain, period, township_code, category_code)
                            where g.grain like '%%MONTH' or g.period >= :dayFrom and g.period < :dayTo
                            group by 1, 2, 3, 4, 5),
                        stored as (
                            select county_code, grain, period, township_code, category_code, closed, on_time
                            from event_closing_rollup
                            where (cast(:county as text) is null or county_code = :county)
                              and (grain like '%%MONTH' and period >= :monthFrom and period < :monthTo
                                   or grain like '%%DAY' and period >= :dayFrom and period < :dayTo)),
                        drift as (
                            select county_code, grain, period, township_code, category_code,
                                coalesce(s.closed, 0) as stored, coalesce(f.closed, 0) as expected,
                                coalesce(s.on_time, 0) as stored_on_time, coalesce(f.on_time, 0) as expected_on_time
                            from fresh f
                            full join stored s using (county_code, grain, period, township_code, category_code)
                            where coalesce(s.closed, 0) <> coalesce(f.closed, 0)
                               or coalesce(s.on_time, 0) <> coalesce(f.on_time, 0)),
                        repaired as (
                            insert into event_closing_rollup (county_code, grain, period, township_code,
                                category_code, closed, on_time)
                            select county_code, grain, period, township_code, category_code,
                                expected - stored, expected_on_time - stored_on_time
                            from drift where :repair
                            order by county_code, grain, period, township_code, category_code
                            on conflict (county_code, grain, period, township_code, category_code)
                            do update set closed = event_closing_rollup.closed + excluded.closed,
                                on_time = event_closing_rollup.on_time + excluded.on_time)
                        select *, count(*) over () as drifted from drift
                        order by county_code, grain, period, township_code, category_code
                        limit :limit""".formatted(
                LATE.formatted("c.event_id", "c.id"), GRAINS.formatted("c.grid_code", "c.category_code", "d.day")));
        var drifts = new ArrayList<Drift>();
        long[] counts = new long[2];
        bindCheck(status, period, repair, limit)
                .query((rs, n) -> {
                    counts[0] = rs.getLong("drifted");
                    return drift(rs, "event_rollup", rs.getString("status"), 0, 0);
                })
                .list()
                .forEach(drifts::add);
        bindCheck(closing, period, repair, limit)
                .query((rs, n) -> {
                    counts[1] = rs.getLong("drifted");
                    return drift(
                            rs,
                            "event_closing_rollup",
                            null,
                            rs.getLong("stored_on_time"),
                            rs.getLong("expected_on_time"));
                })
                .list()
                .forEach(drifts::add);
        return new CheckResult(counts[0], counts[1], drifts);
    }

    /** How many status and closing rollup rows differed, and the first of them. */
    record CheckResult(long statusRows, long closingRows, List<Drift> drifts) {}

    /**
     * What a check counts: one county or (null) all, the month rows of {@code [monthFrom, monthTo)} and the day rows of
     * {@code [dayFrom, dayTo)}, the months as instants {@code [from, to)} in {@code zone}.
     */
    record CheckedPeriod(
            String county,
            LocalDate monthFrom,
            LocalDate monthTo,
            LocalDate dayFrom,
            LocalDate dayTo,
            Instant from,
            Instant to,
            String zone) {}

    private static JdbcClient.StatementSpec bindCheck(
            JdbcClient.StatementSpec spec, CheckedPeriod p, boolean repair, int limit) {
        return spec.param("county", p.county())
                .param("monthFrom", p.monthFrom())
                .param("monthTo", p.monthTo())
                .param("dayFrom", p.dayFrom())
                .param("dayTo", p.dayTo())
                .param("start", Timestamp.from(p.from()))
                .param("end", Timestamp.from(p.to()))
                .param("zone", p.zone())
                .param("repair", repair)
                .param("limit", limit);
    }

    private static Drift drift(ResultSet rs, String table, String status, long storedOnTime, long expectedOnTime)
            throws SQLException {
        return new Drift(
                table,
                rs.getString("county_code"),
                rs.getString("grain"),
                rs.getObject("period", LocalDate.class),
                rs.getString("township_code"),
                rs.getString("category_code"),
                status,
                rs.getLong("stored"),
                rs.getLong("expected"),
                storedOnTime,
                expectedOnTime);
    }

    /** Whether the rollups hold anything at all. */
    boolean anyRollup() {
        return jdbc.sql("select exists (select 1 from event_rollup)")
                .query(Boolean.class)
                .single();
    }

    /** Serializes checks that repair, on any number of nodes, until the transaction ends. */
    void lockChecks() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('event_rollup_check'))")
                .query(Object.class)
                .single();
    }

    /** The earliest report, where a first fill of the rollups starts. */
    java.util.Optional<Instant> firstReport() {
        var first = jdbc.sql("select min(reported_at) from event")
                .query((rs, n) -> rs.getTimestamp(1))
                .list();
        return first.isEmpty() || first.getFirst() == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(first.getFirst().toInstant());
    }
}
