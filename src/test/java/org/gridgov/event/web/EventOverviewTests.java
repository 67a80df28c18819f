package org.gridgov.event.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.event.web.EventCalls.body;
import static org.gridgov.event.web.EventCalls.move;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * The home page's figures (GET /api/events/overview): what events made through the API add to each caller's counts,
 * within the caller's scope, and that each figure equals the total of the event list it opens. Other tests share the
 * database, so the figures are compared before and after.
 */
@SpringBootTest
class EventOverviewTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    MockMvc worker;
    MockMvc township;
    MockMvc department;
    EventCalls calls;

    @BeforeEach
    void setUp() throws Exception {
        worker = SignedIn.as(context, "grid.worker");
        township = SignedIn.as(context, "yz.operator");
        department = SignedIn.as(context, "dept.handler");
        calls = EventCalls.reportingFirstCategory(worker);
    }

    @Test
    void anOperatorCountsTodaysReportsByChannelAndWhatWaitsForTheirCenter() throws Exception {
        var otherTownship = SignedIn.as(context, "ys.operator");
        var before = overview(township);
        var elsewhere = overview(otherTownship);

        long accepted = calls.reported(worker);
        calls.reported(worker);
        move(township, accepted, "accept", null).andExpect(status().isOk());

        var after = overview(township);
        assertThat(delta(before, after, "reportedToday")).isEqualTo(2);
        assertThat(bySource(after, "GRID_WORKER") - bySource(before, "GRID_WORKER"))
                .isEqualTo(2);
        assertThat(bySource(after, "HOTLINE") - bySource(before, "HOTLINE")).isZero();
        assertThat(delta(before, after, "toAccept")).isEqualTo(1);
        assertThat(delta(before, after, "toDispatch")).isEqualTo(1);
        assertThat(delta(before, after, "todo")).isEqualTo(2);
        // Another township's center sees none of it.
        assertThat(delta(elsewhere, overview(otherTownship), "reportedToday")).isZero();

        String day = (String) after.get("todayFrom");
        String next = (String) after.get("todayTo");
        assertThat(total(township, Map.of("from", day, "to", next))).isEqualTo(figure(after, "reportedToday"));
        assertThat(total(township, Map.of("from", day, "to", next, "source", "GRID_WORKER")))
                .isEqualTo(bySource(after, "GRID_WORKER"));
        assertThat(total(township, Map.of("box", "todo", "status", "REPORTED"))).isEqualTo(figure(after, "toAccept"));
        assertThat(total(township, Map.of("box", "overdue"))).isEqualTo(figure(after, "overdue"));
        assertThat(total(township, Map.of("card", "RED"))).isEqualTo(figure(after, "redCards"));
    }

    @Test
    void aDepartmentCountsWhatIsDispatchedToItAndTheCenterTheDelaysItDecides() throws Exception {
        var before = overview(department);
        var centerBefore = overview(township);

        long claimed = dispatched();
        long returned = dispatched();
        var waiting = overview(department);
        assertThat(delta(before, waiting, "toClaim")).isEqualTo(2);

        move(department, claimed, "claim", null).andExpect(status().isOk());
        move(department, returned, "return", "\"note\":\"不属本局职责\"").andExpect(status().isOk());
        department
                .perform(post("/api/events/" + claimed + "/delay-requests")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"需协调拆除\",\"extraAmount\":3,\"unit\":\"WORKING_DAYS\"}"))
                .andExpect(status().isCreated());

        var after = overview(department);
        assertThat(delta(before, after, "toClaim")).isZero();
        assertThat(delta(before, after, "inHand")).isEqualTo(1);
        assertThat(delta(before, after, "returnedThisMonth")).isEqualTo(1);
        assertThat(total(department, Map.of("box", "returned"))).isEqualTo(figure(after, "returnedThisMonth"));
        assertThat(total(department, Map.of("box", "todo", "status", "CLAIMED")))
                .isEqualTo(figure(after, "inHand"));

        var center = overview(township);
        assertThat(delta(centerBefore, center, "pendingDelays")).isEqualTo(1);
        assertThat(delta(centerBefore, center, "returnedThisMonth")).isEqualTo(1);
        assertThat(total(township, Map.of("box", "delay"))).isEqualTo(figure(center, "pendingDelays"));
        // The department decides no delays and accepts nothing.
        assertThat(delta(before, after, "pendingDelays")).isZero();
        assertThat(delta(before, after, "toAccept")).isZero();
    }

    @Test
    void aGridWorkerCountsTheirGridsAndTheirOwnReportsOnly() throws Exception {
        String sibling = jdbc.sql("""
                        select code from grid where village_code = '421381101001' and level = 1 and valid_to is null
                          and code not in ('421381101001101', '421381101001102') order by code limit 1""").query(String.class).single();
        var beside = EventCalls.reporting(township, calls.category, sibling);
        var before = overview(worker);
        var centerBefore = overview(township);

        long mine = calls.reported(worker);
        beside.reported(township);

        var after = overview(worker);
        assertThat(delta(before, after, "reportedToday")).isEqualTo(1);
        assertThat(delta(before, after, "reportedThisMonth")).isEqualTo(1);
        assertThat(delta(before, after, "reportedThisMonthOpen")).isEqualTo(1);
        // Their own report waits in their to-do until the center accepts it.
        assertThat(delta(before, after, "todo")).isEqualTo(1);
        assertThat(delta(centerBefore, overview(township), "reportedToday")).isEqualTo(2);
        assertThat(total(worker, Map.of("box", "todo"))).isEqualTo(figure(after, "todo"));
        assertThat(total(worker, Map.of("box", "reported", "from", (String) after.get("monthFrom"), "open", "true")))
                .isEqualTo(figure(after, "reportedThisMonthOpen"));

        move(township, mine, "reject", "\"note\":\"重复上报\"").andExpect(status().isOk());
        var rejected = overview(worker);
        assertThat(delta(before, rejected, "reportedThisMonth")).isEqualTo(1);
        assertThat(delta(before, rejected, "reportedThisMonthOpen")).isZero();
    }

    @Test
    void aResidentCountsOnlyTheirOwnReportsAndAnAuditorReadsNoFigures() throws Exception {
        var resident = SignedIn.as(context, "resident");
        var before = overview(resident);
        calls.reported(worker);
        calls.reported(resident);
        var after = overview(resident);
        assertThat(delta(before, after, "reportedToday")).isEqualTo(1);
        assertThat(bySource(after, "RESIDENT_WEB") - bySource(before, "RESIDENT_WEB"))
                .isEqualTo(1);
        assertThat(delta(before, after, "reportedThisMonth")).isEqualTo(1);

        SignedIn.as(context, "auditor").perform(get("/api/events/overview")).andExpect(status().isForbidden());
    }

    @Test
    void aLeaderCountsTheOpenSupervisedCasesOfTheirScopeAsTheListShowsThem() throws Exception {
        var leader = SignedIn.as(context, "county.leader");
        var departmentLeader = SignedIn.as(context, "dept.leader");
        var before = overview(leader);
        var departmentBefore = overview(departmentLeader);

        long late = dispatched();
        long onTime = calls.reported(worker);
        long rejected = calls.reported(worker);
        calls.reported(worker);
        for (long id : List.of(late, onTime, rejected)) {
            move(leader, id, "supervise", "\"supervision\":\"RED\",\"note\":\"请加快办理\"")
                    .andExpect(status().isOk());
        }
        move(township, rejected, "reject", "\"note\":\"不属于受理范围\"").andExpect(status().isOk());
        jdbc.sql("update event set deadline_at = now() - interval '1 hour' where id = :id")
                .param("id", late)
                .update();

        var after = overview(leader);
        // The rejected case is supervised but no longer open; the fourth was never supervised.
        assertThat(delta(before, after, "supervised")).isEqualTo(2);
        assertThat(delta(before, after, "supervisedOverdue")).isEqualTo(1);
        assertThat(total(leader, Map.of("supervised", "true", "open", "true"))).isEqualTo(figure(after, "supervised"));
        assertThat(total(leader, Map.of("box", "overdue", "supervised", "true")))
                .isEqualTo(figure(after, "supervisedOverdue"));
        // A department sees the supervised cases that reached it: the one dispatched to it.
        var department = overview(departmentLeader);
        assertThat(delta(departmentBefore, department, "supervised")).isEqualTo(1);
        assertThat(delta(departmentBefore, department, "supervisedOverdue")).isEqualTo(1);
        assertThat(total(departmentLeader, Map.of("supervised", "true", "open", "true")))
                .isEqualTo(figure(department, "supervised"));
        // An operator neither supervises nor judges: the figures are left out of their home.
        var operator = overview(township);
        assertThat(operator).containsEntry("supervised", null).containsEntry("supervisedOverdue", null);
    }

    @Test
    void unknownChannelsAndCardsAreRefusedByTheList() throws Exception {
        township.perform(get("/api/events").param("source", "FAX")).andExpect(status().isBadRequest());
        township.perform(get("/api/events").param("card", "GREEN")).andExpect(status().isBadRequest());
        township.perform(get("/api/events").param("supervised", "maybe"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("supervised"));
    }

    /** A new event of the worker's grid, accepted by the township and dispatched to the city management bureau. */
    private long dispatched() throws Exception {
        long id = calls.reported(worker);
        move(township, id, "accept", null).andExpect(status().isOk());
        move(township, id, "dispatch", "\"assignee\":\"421381-cgj\",\"note\":\"请城管局处置\"")
                .andExpect(status().isOk());
        return id;
    }

    private static Map<String, Object> overview(MockMvc as) throws Exception {
        return JsonPath.read(body(as.perform(get("/api/events/overview")).andExpect(status().isOk())), "$");
    }

    private static long figure(Map<String, Object> overview, String figure) {
        return ((Number) overview.get(figure)).longValue();
    }

    private static long delta(Map<String, Object> before, Map<String, Object> after, String figure) {
        return figure(after, figure) - figure(before, figure);
    }

    private static long bySource(Map<String, Object> overview, String source) {
        @SuppressWarnings("unchecked")
        var counts = (List<Map<String, Object>>) overview.get("reportedTodayBySource");
        return counts.stream()
                .filter(c -> source.equals(c.get("source")))
                .mapToLong(c -> ((Number) c.get("count")).longValue())
                .findFirst()
                .orElseThrow();
    }

    /** The total of the event list with these query parameters, as the figure's link opens it. */
    private static long total(MockMvc as, Map<String, String> query) throws Exception {
        var request = get("/api/events");
        query.forEach(request::param);
        Number total = JsonPath.read(body(as.perform(request).andExpect(status().isOk())), "$.totalElements");
        return total.longValue();
    }
}
