package org.gridgov.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import org.gridgov.MovableClock;
import org.gridgov.SignedIn;
import org.gridgov.event.internal.DeadlineWatch;
import org.gridgov.event.internal.WorkingCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

/**
 * Deadlines as data, with a clock the test moves and the scan called directly: yellow and red cards raised once,
 * also by two scans at once, automatic escalation of urgent events, and delay requests.
 */
// The scheduled scan runs once at start-up and then not again during the tests, which drive every scan themselves.
@SpringBootTest(properties = "gridgov.event.deadline-scan=PT24H")
@Import(MovableClock.Config.class)
class DeadlineWatchTests {

    /** A grid of 站前社区 (杨寨镇) that the demo grid worker covers. */
    private static final String GRID = "421381101001101";

    @Autowired
    WebApplicationContext context;

    @Autowired
    MovableClock clock;

    @Autowired
    DeadlineWatch watch;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    MockMvc worker;
    MockMvc township;
    String major;
    String category;
    double[] point;

    @BeforeEach
    void setUp() throws Exception {
        worker = SignedIn.as(context, "grid.worker");
        township = SignedIn.as(context, "yz.operator");
        String majors = township.perform(get("/api/event-categories"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        major = JsonPath.read(majors, "$.content[0].code");
        String minors = township.perform(get("/api/event-categories").param("parent", major))
                .andReturn()
                .getResponse()
                .getContentAsString();
        category = JsonPath.read(minors, "$.content[0].code");
        String grid = worker.perform(get("/api/grids/" + GRID))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Double> label = JsonPath.read(grid, "$.labelPoint");
        point = new double[] {label.get(0), label.get(1)};
    }

    private long report(String urgency) throws Exception {
        String body = worker.perform(post("/api/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"requestId\":\"" + UUID.randomUUID() + "\",\"title\":\"井盖缺失\","
                                + "\"categoryCode\":\"" + category + "\",\"urgency\":\"" + urgency + "\",\"lon\":"
                                + point[0] + ",\"lat\":" + point[1] + "}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private ResultActions move(MockMvc as, long id, String move, String extra) throws Exception {
        String event =
                as.perform(get("/api/events/" + id)).andReturn().getResponse().getContentAsString();
        int version = JsonPath.read(event, "$.version");
        return as.perform(post("/api/events/" + id + "/" + move)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + version + (extra == null ? "" : "," + extra) + "}"));
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("""
                        select status, holder_org, step, step_started_at, deadline_at, yellow_at, version
                        from event where id = :id""").param("id", id).query().singleRow();
    }

    private static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }

    private List<String> cards(long id) {
        return jdbc.sql("select card from deadline_card where event_id = :id order by id")
                .param("id", id)
                .query(String.class)
                .list();
    }

    private List<Map<String, Object>> history(long id) {
        return jdbc.sql("select move, actor_name, from_holder, to_holder from event_history where event_id = :id"
                        + " order by id")
                .param("id", id)
                .query()
                .listOfRows();
    }

    @Test
    void raisesAYellowCardAtEightyPercentAndARedOneWhenOverdueEachOnce() throws Exception {
        long id = report("NORMAL");
        var started = instant(row(id).get("step_started_at"));
        var deadline = instant(row(id).get("deadline_at"));

        watch.scan();
        assertThat(cards(id)).isEmpty();
        var yellow = instant(row(id).get("yellow_at"));
        assertThat(yellow).isAfter(started).isBefore(deadline);
        // The yellow moment is 80 % of the step's working time, as the event's card in the API counts it.
        var unit = TimeUnitKind.WORKING_HOURS;
        long total = calendar.workingTimeBetween(started, deadline, unit).toMillis();
        assertThat(calendar.workingTimeBetween(started, yellow, unit).toMillis() * 10)
                .isGreaterThanOrEqualTo(total * 8);
        assertThat(calendar.workingTimeBetween(started, yellow.minusMillis(1), unit)
                                .toMillis()
                        * 10)
                .isLessThan(total * 8);

        clock.set(yellow.minusSeconds(1));
        watch.scan();
        assertThat(cards(id)).isEmpty();

        clock.set(yellow);
        watch.scan();
        watch.scan();
        assertThat(cards(id)).containsExactly("YELLOW");
        township.perform(get("/api/events/" + id)).andExpect(jsonPath("$.card").value("YELLOW"));

        clock.set(deadline.plusSeconds(1));
        watch.scan();
        watch.scan();
        assertThat(cards(id)).containsExactly("YELLOW", "RED");
        // A normal event's rules do not escalate; the card is the notice.
        assertThat(row(id)).containsEntry("holder_org", "421381101-center").containsEntry("status", "REPORTED");
        assertThat(history(id)).extracting(h -> h.get("move")).containsExactly("REPORT");
    }

    @Test
    void twoScansAtOnceRaiseEachCardOnce() throws Exception {
        long id = report("NORMAL");
        clock.set(instant(row(id).get("deadline_at")).plusSeconds(60));
        var start = new CyclicBarrier(2);
        try (var threads = Executors.newFixedThreadPool(2)) {
            var first = threads.submit(() -> {
                start.await();
                watch.scan();
                return null;
            });
            var second = threads.submit(() -> {
                start.await();
                watch.scan();
                return null;
            });
            first.get();
            second.get();
        }
        assertThat(cards(id)).containsExactly("RED");
    }

    @Test
    void anOverdueUrgentEventEscalatesToTheCenterAbove() throws Exception {
        long id = report("URGENT");
        var deadline = instant(row(id).get("deadline_at"));

        clock.set(deadline.minusSeconds(60));
        watch.scan();
        assertThat(row(id)).containsEntry("holder_org", "421381101-center");

        var now = deadline.plusSeconds(60);
        clock.set(now);
        watch.scan();
        var escalated = row(id);
        assertThat(escalated)
                .containsEntry("holder_org", "421381-center")
                .containsEntry("status", "REPORTED")
                .containsEntry("step", "ACCEPT")
                .containsEntry("version", 1);
        assertThat(instant(escalated.get("step_started_at"))).isEqualTo(now);
        assertThat(instant(escalated.get("deadline_at"))).isAfter(now);
        var last = history(id).getLast();
        assertThat(last)
                .containsEntry("move", "ESCALATE")
                .containsEntry("actor_name", "system")
                .containsEntry("from_holder", "421381101-center")
                .containsEntry("to_holder", "421381-center");
        assertThat(jdbc.sql("select holder_org from deadline_card where event_id = :id and card = 'RED'")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("421381101-center");

        watch.scan();
        assertThat(history(id)).extracting(h -> h.get("move")).containsOnlyOnce("ESCALATE");
        SignedIn.as(context, "county.operator")
                .perform(get("/api/events").param("box", "todo"))
                .andExpect(jsonPath("$.content[*].id", hasItems((int) id)));
    }

    @Test
    void theDispatcherApprovesADelayAndTheDeadlineMovesOn() throws Exception {
        long id = report("NORMAL");
        var department = SignedIn.as(context, "dept.handler");
        move(township, id, "accept", null).andExpect(status().isOk());
        // The grid worker's center holds the accepted event, but only an assignee may ask for more time.
        worker.perform(post("/api/events/" + id + "/delay-requests")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"需协调\",\"extraAmount\":1,\"unit\":\"WORKING_DAYS\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        move(township, id, "dispatch", "\"assignee\":\"421381-cgj\"").andExpect(status().isOk());
        move(department, id, "claim", null).andExpect(status().isOk());
        var deadline = instant(row(id).get("deadline_at"));

        department
                .perform(post("/api/events/" + id + "/delay-requests")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"\",\"extraAmount\":0,\"unit\":\"WEEKS\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("reason", "extraAmount", "unit")));
        String created = department
                .perform(post("/api/events/" + id + "/delay-requests")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"需协调环卫车辆\",\"extraAmount\":2,\"unit\":\"WORKING_DAYS\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.step").value("HANDLE"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long request = ((Number) JsonPath.read(created, "$.id")).longValue();
        department
                .perform(post("/api/events/" + id + "/delay-requests")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"再延\",\"extraAmount\":1,\"unit\":\"WORKING_DAYS\"}"))
                .andExpect(status().isConflict());

        String approve = "/api/delay-requests/" + request + "/approve";
        var note = "{\"note\":\"同意\"}";
        // A center that did not dispatch the event, the requester, and a center that cannot see it.
        SignedIn.as(context, "county.operator")
                .perform(post(approve).contentType(MediaType.APPLICATION_JSON).content(note))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].field").value("dispatcherOrg"));
        department
                .perform(post(approve).contentType(MediaType.APPLICATION_JSON).content(note))
                .andExpect(status().isForbidden());
        SignedIn.as(context, "ys.operator")
                .perform(post(approve).contentType(MediaType.APPLICATION_JSON).content(note))
                .andExpect(status().isNotFound());
        assertThat(instant(row(id).get("deadline_at"))).isEqualTo(deadline);

        var extended = calendar.deadline(deadline, 2, TimeUnitKind.WORKING_DAYS);
        township.perform(post(approve).contentType(MediaType.APPLICATION_JSON).content(note))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.deciderName").value("杨寨镇坐席员"))
                .andExpect(jsonPath("$.newDeadlineAt").value(extended.toString()));
        assertThat(instant(row(id).get("deadline_at"))).isEqualTo(extended);
        assertThat(history(id).getLast())
                .containsEntry("move", "DELAY_APPROVED")
                .containsEntry("actor_name", "yz.operator");
        township.perform(post(approve).contentType(MediaType.APPLICATION_JSON).content(note))
                .andExpect(status().isConflict());

        String second = department
                .perform(post("/api/events/" + id + "/delay-requests")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"仍需时间\",\"extraAmount\":4,\"unit\":\"WORKING_HOURS\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String reject = "/api/delay-requests/" + JsonPath.read(second, "$.id") + "/reject";
        township.perform(post(reject).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        township.perform(post(reject).contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"时限已足\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));
        assertThat(instant(row(id).get("deadline_at"))).isEqualTo(extended);

        township.perform(get("/api/events/" + id + "/delay-requests"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content[0].status").value("REJECTED"))
                .andExpect(jsonPath("$.content[1].status").value("APPROVED"));
    }

    @Test
    void aNewDeadlineEarnsANewRedCardOnceItPasses() throws Exception {
        long id = report("NORMAL");
        var deadline = instant(row(id).get("deadline_at"));
        clock.set(deadline.plusSeconds(1));
        watch.scan();
        assertThat(cards(id)).containsExactly("RED");

        // As an approved delay does: the step runs on to a later deadline, and its yellow moment is computed anew.
        var later = calendar.deadline(deadline, 1, TimeUnitKind.WORKING_DAYS);
        jdbc.sql("update event set deadline_at = :deadline where id = :id")
                .param("deadline", Timestamp.from(later))
                .param("id", id)
                .update();
        assertThat(row(id).get("yellow_at")).isNull();
        watch.scan();
        assertThat(row(id).get("yellow_at")).isNotNull();
        assertThat(cards(id)).containsOnlyOnce("RED");

        clock.set(later.plusSeconds(1));
        watch.scan();
        watch.scan();
        assertThat(cards(id)).filteredOn("RED"::equals).hasSize(2);
    }

    /** Runs {@code test} with the reach rule of the test category's major and the urgency changed, then restores it. */
    private void withReach(String urgency, String escalateUpTo, boolean superviseAssignee, ThrowingRunnable test)
            throws Exception {
        var before = jdbc.sql("select escalate_up_to, supervise_assignee from auto_escalation_rule"
                        + " where category_code = :major and urgency = :urgency")
                .param("major", major)
                .param("urgency", urgency)
                .query()
                .singleRow();
        setReach(urgency, escalateUpTo, superviseAssignee);
        try {
            test.run();
        } finally {
            setReach(urgency, (String) before.get("escalate_up_to"), (Boolean) before.get("supervise_assignee"));
        }
    }

    private void setReach(String urgency, String escalateUpTo, boolean superviseAssignee) {
        jdbc.sql("update auto_escalation_rule set escalate_up_to = :up, supervise_assignee = :supervise"
                        + " where category_code = :major and urgency = :urgency")
                .param("up", escalateUpTo)
                .param("supervise", superviseAssignee)
                .param("major", major)
                .param("urgency", urgency)
                .update();
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** An urgent event dispatched to the city management bureau and claimed by it. */
    private long claimedByTheDepartment() throws Exception {
        long id = report("URGENT");
        var department = SignedIn.as(context, "dept.handler");
        move(township, id, "accept", null).andExpect(status().isOk());
        move(township, id, "dispatch", "\"assignee\":\"421381-cgj\"").andExpect(status().isOk());
        move(department, id, "claim", null).andExpect(status().isOk());
        return id;
    }

    @Test
    void anOverdueUrgentCaseAtItsAssigneeIsSupervisedInTheDispatchersName() throws Exception {
        long id = claimedByTheDepartment();
        int version = (Integer) row(id).get("version");
        clock.set(instant(row(id).get("deadline_at")).plusSeconds(60));
        watch.scan();
        watch.scan();
        assertThat(cards(id)).containsExactly("RED");
        assertThat(row(id))
                .containsEntry("status", "CLAIMED")
                .containsEntry("holder_org", "421381-cgj")
                .containsEntry("version", version + 1);
        assertThat(jdbc.sql("select supervision from event where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("RED");
        var supervisions = jdbc.sql("select actor_name, actor_org, supervision, own_organization from event_history"
                        + " where event_id = :id and move = 'SUPERVISE'")
                .param("id", id)
                .query()
                .listOfRows();
        assertThat(supervisions).hasSize(1);
        assertThat(supervisions.getFirst())
                .containsEntry("actor_name", "system")
                .containsEntry("actor_org", "421381101-center")
                .containsEntry("supervision", "RED")
                .containsEntry("own_organization", false);
        township.perform(get("/api/events/" + id + "/history"))
                .andExpect(jsonPath("$.content[-1:].bySystem", hasItems(true)));
    }

    @Test
    void aReachRuleWithoutSupervisionLeavesAnOverdueAssigneeWithItsCardAlone() throws Exception {
        withReach("URGENT", "COUNTY", false, () -> {
            long id = claimedByTheDepartment();
            int version = (Integer) row(id).get("version");
            clock.set(instant(row(id).get("deadline_at")).plusSeconds(60));
            watch.scan();
            assertThat(cards(id)).containsExactly("RED");
            assertThat(row(id)).containsEntry("status", "CLAIMED").containsEntry("version", version);
            assertThat(history(id)).extracting(h -> h.get("move")).doesNotContain("SUPERVISE");
        });
    }

    @Test
    void aReachRuleUpToTheTownshipKeepsAnOverdueCaseFromTheCounty() throws Exception {
        withReach("URGENT", "TOWNSHIP", true, () -> {
            long id = report("URGENT");
            clock.set(instant(row(id).get("deadline_at")).plusSeconds(60));
            watch.scan();
            assertThat(cards(id)).containsExactly("RED");
            assertThat(row(id)).containsEntry("holder_org", "421381101-center").containsEntry("status", "REPORTED");
            assertThat(history(id)).extracting(h -> h.get("move")).containsExactly("REPORT");
        });
    }
}
