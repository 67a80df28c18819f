package org.gridgov.event.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.event.web.EventCalls.body;
import static org.gridgov.event.web.EventCalls.move;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gridgov.SignedIn;
import org.gridgov.event.web.EventCalls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * The dashboard rollups: kept by the moves in their own transactions (a scripted set of moves gives the counts a
 * GROUP BY over the event tables gives), checked and repaired by {@link RollupCheck}, and read through
 * GET /api/events/figures within the caller's scope. Other tests share the database, so counts are compared before
 * and after, and the rollups as a whole against the event tables.
 */
@SpringBootTest
class EventFiguresTests {

    private static final String COUNTY = "421381";
    private static final String TOWNSHIP = "421381101";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RollupCheck check;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    Clock clock;

    MockMvc worker;
    MockMvc township;
    MockMvc county;
    EventCalls calls;
    LocalDate today;

    @BeforeEach
    void setUp() throws Exception {
        worker = SignedIn.as(context, "grid.worker");
        township = SignedIn.as(context, "yz.operator");
        county = SignedIn.as(context, "county.operator");
        calls = EventCalls.reportingFirstCategory(worker);
        today = LocalDate.ofInstant(clock.instant(), calendar.zone());
    }

    @Test
    void scriptedMovesGiveTheRollupCountsOfAGroupByOverTheEventTables() throws Exception {
        var before = statusCounts();
        var closingsBefore = closings();

        long city = calls.reported(worker);
        move(township, city, "accept", null).andExpect(status().isOk());
        move(township, city, "dispatch", "\"assignee\":\"421381-cgj\"").andExpect(status().isOk());
        var department = SignedIn.as(context, "dept.handler");
        move(department, city, "claim", null).andExpect(status().isOk());
        move(department, city, "feedback", "\"note\":\"已清运\"").andExpect(status().isOk());
        move(worker, city, "verify", "\"note\":\"现场已清理\"").andExpect(status().isOk());
        move(worker, city, "rate", "\"satisfaction\":5").andExpect(status().isOk());
        long resolved = calls.reported(worker);
        move(worker, resolved, "resolve", "\"note\":\"当场劝离\"").andExpect(status().isOk());
        move(township, resolved, "verify", null).andExpect(status().isOk());
        long rejected = calls.reported(worker);
        move(township, rejected, "reject", "\"note\":\"不属于受理范围\"").andExpect(status().isOk());
        long accepted = calls.reported(worker);
        move(township, accepted, "accept", null).andExpect(status().isOk());

        var after = statusCounts();
        assertThat(after.getOrDefault("CLOSED", 0L) - before.getOrDefault("CLOSED", 0L))
                .isEqualTo(2);
        assertThat(after.getOrDefault("REJECTED", 0L) - before.getOrDefault("REJECTED", 0L))
                .isEqualTo(1);
        assertThat(after.getOrDefault("ACCEPTED", 0L) - before.getOrDefault("ACCEPTED", 0L))
                .isEqualTo(1);
        assertThat(after.getOrDefault("REPORTED", 0L) - before.getOrDefault("REPORTED", 0L))
                .isZero();
        var closingsAfter = closings();
        assertThat(closingsAfter[0] - closingsBefore[0]).isEqualTo(2);
        assertThat(closingsAfter[1] - closingsBefore[1]).isEqualTo(2);

        // Every row of the county, day and month alike, equals the count over the events and their history.
        assertThat(jdbc.sql("""
                        select township_code, category_code, status, events from event_rollup
                        where county_code = :county and grain = 'DAY' and period = :day and events <> 0
                        except
                        select left(grid_code, 9), category_code, status, count(*)::int from event
                        where grid_code like :county || '%'
                          and cast(reported_at at time zone :zone as date) = :day
                        group by 1, 2, 3""")
                        .param("county", COUNTY)
                        .param("zone", calendar.zone().getId())
                        .param("day", today)
                        .query(String.class)
                        .list())
                .as("rollup rows of today that the events do not give")
                .isEmpty();
        // The county's coarse rows (no township, no category) and its rows of each category (no township) hold the
        // same counts as the fine rows, day and month, both ways round.
        for (var grain : List.of("DAY", "MONTH")) {
            for (var coarse : List.of("COUNTY_", "CATEGORY_")) {
                String key = coarse.equals("COUNTY_") ? "''" : "category_code";
                var params = java.util.Map.<String, Object>of(
                        "county",
                        COUNTY,
                        "grain",
                        grain,
                        "coarse",
                        coarse + grain,
                        "period",
                        grain.equals("DAY") ? today : today.withDayOfMonth(1));
                String stored = """
                        select category_code as key, status, events from event_rollup
                        where county_code = :county and grain = :coarse and period = :period and events <> 0""";
                String summed = """
                        select %s as key, status, sum(events)::int from event_rollup
                        where county_code = :county and grain = :grain and period = :period
                        group by 1, 2 having sum(events) <> 0""".formatted(key);
                assertThat(jdbc.sql("select count(*) from (" + stored + ") as s")
                                .params(params)
                                .query(Long.class)
                                .single())
                        .as("%s%s rows", coarse, grain)
                        .isPositive();
                assertThat(jdbc.sql("(" + stored + " except " + summed + ") union all (" + summed + " except " + stored
                                        + ")")
                                .params(params)
                                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3))
                                .list())
                        .as("%s%s rows that differ from the sum of the fine ones", coarse, grain)
                        .isEmpty();
            }
        }
        assertThat(jdbc.sql("""
                        select closed, on_time from event_closing_rollup
                        where county_code = :county and grain = 'COUNTY_MONTH' and period = :month""")
                        .param("county", COUNTY)
                        .param("month", today.withDayOfMonth(1))
                        .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
                        .single())
                .isEqualTo(jdbc.sql("""
                                select sum(closed), sum(on_time) from event_closing_rollup
                                where county_code = :county and grain = 'MONTH' and period = :month""")
                        .param("county", COUNTY)
                        .param("month", today.withDayOfMonth(1))
                        .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
                        .single());
        var report = check.check(COUNTY, today.withDayOfMonth(1), today.plusDays(1), false);
        assertThat(report.drifts()).isEmpty();
        // By status (the coarse rows), by category (the county's category rows) and by township (the fine ones), the
        // county's totals are the same.
        var byStatus = figures(county, Map.of("by", "status"));
        var byCategory = figures(county, Map.of("by", "category"));
        var byTownship = figures(county, Map.of("by", "township"));
        for (var figure : List.of("reported", "open", "done", "closings", "closedOnTime")) {
            long fine = ((Number) JsonPath.read(byTownship, "$.total." + figure)).longValue();
            assertThat(((Number) JsonPath.read(byStatus, "$.total." + figure)).longValue())
                    .as(figure)
                    .isEqualTo(fine);
            assertThat(((Number) JsonPath.read(byCategory, "$.total." + figure)).longValue())
                    .as(figure)
                    .isEqualTo(fine);
        }
        assertThat(((Number) JsonPath.read(byTownship, "$.total.reported")).longValue())
                .isPositive();
    }

    @Test
    void theCheckFindsABrokenRowAndRepairsIt() throws Exception {
        long id = calls.reported(worker);
        move(worker, id, "resolve", "\"note\":\"当场劝离\"").andExpect(status().isOk());
        move(township, id, "verify", null).andExpect(status().isOk());
        jdbc.sql("update event_rollup set events = events + 5 where county_code = :county and grain = 'DAY'"
                        + " and period = :day and status = 'CLOSED' and category_code = :category")
                .param("county", COUNTY)
                .param("day", today)
                .param("category", calls.category)
                .update();
        jdbc.sql("delete from event_closing_rollup where county_code = :county and grain = 'MONTH'"
                        + " and period = :month and category_code = :category")
                .param("county", COUNTY)
                .param("month", today.withDayOfMonth(1))
                .param("category", calls.category)
                .update();

        var found = check.check(COUNTY, today, today.plusDays(1), false);
        assertThat(found.statusRows()).isEqualTo(1);
        assertThat(found.closingRows()).isEqualTo(1);
        var status = found.drifts().stream()
                .filter(d -> d.table().equals("event_rollup"))
                .findFirst()
                .orElseThrow();
        assertThat(List.of(status.grain(), status.status(), status.stored() - status.expected()))
                .containsExactly("DAY", "CLOSED", 5L);
        var closing = found.drifts().stream()
                .filter(d -> d.table().equals("event_closing_rollup"))
                .findFirst()
                .orElseThrow();
        assertThat(List.of(closing.grain(), closing.stored())).containsExactly("MONTH", 0L);
        assertThat(closing.expected()).isPositive();
        // Found, not repaired: a second look finds the same.
        assertThat(check.check(COUNTY, today, today.plusDays(1), false).clean()).isFalse();

        assertThat(check.check(COUNTY, today, today.plusDays(1), true).statusRows())
                .isEqualTo(1);
        assertThat(check.check(COUNTY, today, today.plusDays(1), false).clean()).isTrue();
    }

    @Test
    void figuresCountWhatTheCallerMaySeeByTownshipCategoryStatusAndDay() throws Exception {
        var before = figures(county, Map.of("by", "township"));
        calls.reported(worker);
        var after = figures(county, Map.of("by", "township"));
        assertThat(reported(after, TOWNSHIP) - reported(before, TOWNSHIP)).isEqualTo(1);
        assertThat((String) JsonPath.read(after, "$.region")).isEqualTo(COUNTY);
        long total = ((Number) JsonPath.read(after, "$.total.reported")).longValue();
        assertThat(total)
                .isEqualTo(jdbc.sql("select count(*) from event where grid_code like :county || '%'"
                                + " and reported_at >= :from")
                        .param("county", COUNTY)
                        .param(
                                "from",
                                java.sql.Timestamp.from(today.withDayOfMonth(1)
                                        .atStartOfDay(calendar.zone())
                                        .toInstant()))
                        .query(Long.class)
                        .single());

        // A township's operator: their township by category, status and day; not the county.
        String ownTownship = figures(township, Map.of("by", "category"));
        assertThat((String) JsonPath.read(ownTownship, "$.region")).isEqualTo(TOWNSHIP);
        assertThat(figures(township, Map.of("by", "status", "region", TOWNSHIP)))
                .contains("\"key\":\"REPORTED\"");
        assertThat(figures(township, Map.of("by", "day", "from", today.toString())))
                .contains("\"key\":\"" + today + "\"");
        township.perform(get("/api/events/figures").param("by", "township").param("region", COUNTY))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("region"));

        // Narrower scopes than a township are refused: a grid worker, a department.
        worker.perform(get("/api/events/figures").param("by", "category"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("scope-too-narrow"));
        SignedIn.as(context, "dept.handler")
                .perform(get("/api/events/figures").param("by", "category"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void malformedFigureQueriesNameTheParameter() throws Exception {
        county.perform(get("/api/events/figures"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("by"));
        county.perform(get("/api/events/figures").param("by", "county"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("by"));
        county.perform(get("/api/events/figures").param("by", "day").param("region", "4213x1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("region"));
        county.perform(get("/api/events/figures")
                        .param("by", "day")
                        .param("from", "2026-03-01")
                        .param("to", "2026-03-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        county.perform(get("/api/events/figures").param("by", "day").param("from", "yesterday"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aPeriodOfWholeMonthsAndRaggedEndsReadsMonthsAndDays() {
        var slice = EventFiguresDesk.slice(
                COUNTY, LocalDate.parse("2026-01-15"), LocalDate.parse("2026-04-03"), RollupRepository.By.TOWNSHIP);
        assertThat(List.of(slice.monthFrom(), slice.monthTo(), slice.headFrom(), slice.headTo()))
                .containsExactly(
                        LocalDate.parse("2026-02-01"),
                        LocalDate.parse("2026-04-01"),
                        LocalDate.parse("2026-01-15"),
                        LocalDate.parse("2026-02-01"));
        assertThat(List.of(slice.tailFrom(), slice.tailTo()))
                .containsExactly(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-03"));
        var province = EventFiguresDesk.slice(
                "42", LocalDate.parse("2026-03-01"), LocalDate.parse("2026-04-01"), RollupRepository.By.COUNTY);
        assertThat(List.of(province.countyFrom(), province.countyTo())).containsExactly("420000", "429999");
        assertThat(province.headFrom()).isEqualTo(province.headTo());
    }

    private Map<String, Long> statusCounts() {
        var counts = new java.util.HashMap<String, Long>();
        jdbc.sql("select status, sum(events) from event_rollup where county_code = :county and grain = 'DAY'"
                        + " and period = :day and township_code = :township and category_code = :category"
                        + " group by status")
                .param("county", COUNTY)
                .param("day", today)
                .param("township", TOWNSHIP)
                .param("category", calls.category)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    private long[] closings() {
        return jdbc.sql("select coalesce(sum(closed), 0), coalesce(sum(on_time), 0) from event_closing_rollup"
                        + " where county_code = :county and grain = 'MONTH' and period = :month"
                        + " and township_code = :township and category_code = :category")
                .param("county", COUNTY)
                .param("month", today.withDayOfMonth(1))
                .param("township", TOWNSHIP)
                .param("category", calls.category)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }

    private String figures(MockMvc as, Map<String, String> params) throws Exception {
        var request = get("/api/events/figures");
        params.forEach(request::param);
        return body(as.perform(request).andExpect(status().isOk()));
    }

    private static long reported(String figures, String key) {
        List<Number> values = JsonPath.read(figures, "$.rows[?(@.key == '" + key + "')].reported");
        return values.isEmpty() ? 0 : values.getFirst().longValue();
    }
}
