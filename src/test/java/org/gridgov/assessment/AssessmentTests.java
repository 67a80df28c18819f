package org.gridgov.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gridgov.MovableClock;
import org.gridgov.SignedIn;
import org.gridgov.assessment.internal.PeriodClosing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

/**
 * A scripted month (March 2026) in one village of 杨寨镇: seven reports by the demo grid worker taken through the
 * loop, one late, one rejected, one reworked, one returned, one resolved on the spot, one of a category the county
 * vetoes; every figure below is counted by hand from that script. Then an adjustment, the closing of the month, and
 * who may see what.
 */
// The deadline scan and the closing scan stay out of the way: the test writes the one card it needs itself. Live
// figures are kept for a day, so that every figure read after a move shows that the move dropped them.
@SpringBootTest(
        properties = {
            "gridgov.event.deadline-scan=PT24H",
            "gridgov.assessment.close-scan=PT24H",
            "gridgov.assessment.live-for=PT24H"
        })
@Import(MovableClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AssessmentTests {

    private static final String GRID = "421381101001101";
    private static final String OTHER_GRID = "421381101001102";
    private static final String VILLAGE = "421381101001";
    private static final String TOWNSHIP = "421381101";
    private static final String DEPARTMENT = "421381-cgj";
    /** Monday 2 March 2026, 09:00 in China. */
    private static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

    @Autowired
    WebApplicationContext context;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PeriodClosing closing;

    MockMvc worker;
    MockMvc township;
    MockMvc department;
    MockMvc countyOperator;
    MockMvc countyLeader;
    String category;
    String vetoed;
    String vetoedName;
    long workerId;
    int townshipGrids;
    int villageGrids;
    long e1, e2, e3, e4, e5, e6, e7;

    @BeforeAll
    void scriptTheMonth() throws Exception {
        worker = SignedIn.as(context, "grid.worker");
        township = SignedIn.as(context, "yz.operator");
        department = SignedIn.as(context, "dept.handler");
        countyOperator = SignedIn.as(context, "county.operator");
        countyLeader = SignedIn.as(context, "county.leader");
        String major = JsonPath.read(body(township.perform(get("/api/event-categories"))), "$.content[0].code");
        String minors = body(township.perform(get("/api/event-categories").param("parent", major)));
        category = JsonPath.read(minors, "$.content[0].code");
        vetoed = JsonPath.read(minors, "$.content[1].code");
        vetoedName = JsonPath.read(minors, "$.content[1].name");
        workerId = jdbc.sql("select id from app_user where username = 'grid.worker'")
                .query(Long.class)
                .single();
        townshipGrids = grids(TOWNSHIP);
        villageGrids = grids(VILLAGE);

        // In February the county makes an event of one category a 一票否决 for townships from March on.
        clock.set(Instant.parse("2026-02-10T02:00:00Z"));
        countyOperator
                .perform(put("/api/assessment/schemes/TOWNSHIP")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"effectiveFrom":"2026-03",
                                 "weights":[{"indicator":"REPORTS","value":20},{"indicator":"ON_THE_SPOT","value":10},
                                   {"indicator":"CLOSE_RATE","value":25},{"indicator":"ON_TIME_CLOSE","value":25},
                                   {"indicator":"SATISFACTION","value":20}],
                                 "penalties":[{"indicator":"RED_CARDS","value":1},
                                   {"indicator":"YELLOW_CARDS","value":0.25},{"indicator":"SUPERVISED","value":0.5}],
                                 "excellentMin":90,"goodMin":75,"passMin":60,"excellentShare":0.2,"reportQuota":4,
                                 "vetoes":[{"kind":"CATEGORY","code":"%s"}]}""".formatted(vetoed)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regionCode").value("421381"))
                .andExpect(jsonPath("$.vetoes[0].code").value(vetoed));

        clock.set(START);
        e1 = report(GRID, category);
        e2 = report(GRID, category);
        e3 = report(GRID, category);
        e4 = report(GRID, category);
        e5 = report(GRID, category);
        e6 = report(GRID, category);
        e7 = report(OTHER_GRID, vetoed);

        // E1: through the loop on time, rated very satisfied.
        dispatched(e1);
        move(department, e1, "claim", null);
        move(department, e1, "feedback", "\"note\":\"已清运\"");
        move(township, e1, "verify", null);
        move(worker, e1, "rate", "\"satisfaction\":5");
        // E2: reworked once, then closed on time, rated dissatisfied.
        dispatched(e2);
        move(department, e2, "claim", null);
        move(department, e2, "feedback", "\"note\":\"已清运\"");
        move(township, e2, "rework", "\"note\":\"还有残留\"");
        move(department, e2, "feedback", "\"note\":\"已彻底清理\"");
        move(township, e2, "verify", null);
        move(worker, e2, "rate", "\"satisfaction\":2");
        // E4: not a case. E5: resolved on the spot by the worker, verified by the township, rated satisfied.
        move(township, e4, "reject", "\"note\":\"不属于受理范围\"");
        move(worker, e5, "resolve", "\"note\":\"当场劝离\"");
        move(township, e5, "verify", null);
        move(worker, e5, "rate", "\"satisfaction\":4");
        // E6: returned by the department; E7: accepted and left waiting.
        dispatched(e6);
        move(department, e6, "return", "\"note\":\"不属本部门\"");
        move(township, e7, "accept", null);
        // E3: dispatched on time but claimed twenty days later, then closed.
        dispatched(e3);
        clock.advance(Duration.ofDays(20));
        move(department, e3, "claim", null);
        move(department, e3, "feedback", "\"note\":\"已处理\"");
        move(township, e3, "verify", null);
        // One red card on E6 while the township held it.
        jdbc.sql("""
                        insert into deadline_card (event_id, step, step_started_at, deadline_at, card, holder_org,
                            raised_at)
                        select id, 'DISPATCH', step_started_at, deadline_at, 'RED', holder_org, :at from event
                        where id = :id""")
                .param("id", e6)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        // Figures are read on 25 March, the month still open.
        clock.set(Instant.parse("2026-03-25T02:00:00Z"));
    }

    @Test
    @Order(1)
    void theWorkersFiguresAreThoseCountedByHand() throws Exception {
        var score = score(countyOperator, "WORKER:" + workerId, "2026-03");
        // Seven reports against a quota of four: 100. Six valid of seven. One of six resolved on the spot. Two of
        // three ratings satisfied (5, 2, 4).
        assertFigure(score, "REPORTS", 7, 4);
        assertFigure(score, "VALID_REPORTS", 6, 7);
        assertFigure(score, "ON_THE_SPOT", 1, 6);
        assertFigure(score, "SATISFACTION", 2, 3);
        // Weights 50 / 20 / 10 / 20 (the deployment's default for workers): 82.14, 良好.
        double expected = (50 * 100 + 20 * 600.0 / 7 + 10 * 100.0 / 6 + 20 * 200.0 / 3) / 100;
        assertThat(((Number) JsonPath.read(score, "$.score")).doubleValue()).isCloseTo(expected, within(0.01));
        assertThat((String) JsonPath.read(score, "$.grade")).isEqualTo("GOOD");
        assertThat((Integer) JsonPath.read(score, "$.rank")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void theTownshipIsVetoedAndItsFiguresAreThoseCountedByHand() throws Exception {
        var score = score(countyOperator, "TOWNSHIP:" + TOWNSHIP, "2026-03");
        assertFigure(score, "REPORTS", 7, 4L * townshipGrids);
        assertFigure(score, "ON_THE_SPOT", 1, 6);
        // Due: E1, E2, E3, E5, E6, E7 (E4 rejected); closed E1, E2, E3, E5; on time E1, E2, E5 (E3 was claimed late).
        assertFigure(score, "CLOSE_RATE", 4, 6);
        assertFigure(score, "ON_TIME_CLOSE", 3, 6);
        assertFigure(score, "REWORK", 1, 6);
        // Late: E3 (claimed late), E6 and E7 (still waiting past their deadlines on 25 March).
        assertFigure(score, "OVERDUE", 3, 7);
        assertFigure(score, "RED_CARDS", 1, 7);
        assertFigure(score, "CASES", 5, 7);
        // The township's residents were registered when the demo data was loaded, inside the verification window.
        long residents = jdbc.sql("select count(*) from resident where grid_code like :t || '%' and retired_at is null")
                .param("t", TOWNSHIP)
                .query(Long.class)
                .single();
        assertThat(residents).isPositive();
        assertFigure(score, "REGISTRY_VERIFIED", residents, residents);
        double quota = Math.min(100, 700.0 / (4 * townshipGrids));
        double expected = (20 * quota + 10 * 100.0 / 6 + 25 * 400.0 / 6 + 25 * 50 + 20 * 200.0 / 3) / 100 - 1;
        assertThat(((Number) JsonPath.read(score, "$.score")).doubleValue()).isCloseTo(expected, within(0.01));
        assertThat((String) JsonPath.read(score, "$.grade")).isEqualTo("FAIL");
        assertThat((String) JsonPath.read(score, "$.veto")).contains(vetoedName);

        // The village has no veto of its own, and takes two points off a red card.
        var village = score(countyOperator, "VILLAGE:" + VILLAGE, "2026-03");
        double villageQuota = Math.min(100, 700.0 / (4 * villageGrids));
        // The deployment's default for villages weighs 20 / 25 / 30 / 25 and leaves the on-the-spot share out.
        double villageExpected = (20 * villageQuota + 25 * 400.0 / 6 + 30 * 50 + 25 * 200.0 / 3) / 100 - 2;
        assertThat(((Number) JsonPath.read(village, "$.score")).doubleValue()).isCloseTo(villageExpected, within(0.01));
        assertThat((Object) JsonPath.read(village, "$.veto")).isNull();
    }

    @Test
    @Order(3)
    void theDepartmentsFiguresCountItsDispatches() throws Exception {
        var score = score(countyOperator, "DEPARTMENT:" + DEPARTMENT, "2026-03");
        // Dispatched E1, E2, E3, E6; E6 returned. Closed 3 of 3; handled on time E1, E2 (E3 claimed late); E2 reworked.
        assertFigure(score, "CLOSE_RATE", 3, 3);
        assertFigure(score, "ON_TIME_HANDLE", 2, 3);
        assertFigure(score, "REWORK", 1, 3);
        assertFigure(score, "RETURNS", 1, 4);
        assertFigure(score, "OVERDUE", 1, 4);
        assertFigure(score, "RED_CARDS", 0, 4);
        double expected = (30 * 100 + 30 * 200.0 / 3 + 30 * (100 - 100.0 / 3) + 10 * 75) / 100;
        assertThat(((Number) JsonPath.read(score, "$.score")).doubleValue()).isCloseTo(expected, within(0.01));
        assertThat((String) JsonPath.read(score, "$.grade")).isEqualTo("GOOD");
    }

    @Test
    @Order(4)
    void aRankingDrillsDownToTheEventsBehindANumber() throws Exception {
        String ranking = body(countyOperator
                .perform(get("/api/assessment/rankings")
                        .param("level", "TOWNSHIP")
                        .param("period", "2026-03")
                        .param("size", "50"))
                .andExpect(status().isOk()));
        List<String> subjects = JsonPath.read(ranking, "$.content[*].subject");
        assertThat(subjects).hasSize(JsonPath.read(ranking, "$.totalElements"));
        // Only 杨寨镇 reported anything: it leads, vetoed as it is; the townships that reported nothing score 0.
        assertThat(subjects.getFirst()).isEqualTo("TOWNSHIP:" + TOWNSHIP);
        assertThat((Integer) JsonPath.read(ranking, "$.content[0].rank")).isEqualTo(1);
        assertThat((Boolean) JsonPath.read(ranking, "$.content[0].bulletin")).isFalse();
        List<Boolean> bulletin = JsonPath.read(ranking, "$.content[*].bulletin");
        assertThat(bulletin.subList(1, bulletin.size())).containsOnly(true);

        // Down to the villages of the township, then to the events behind its on-time closing rate.
        String villages = body(countyOperator.perform(get("/api/assessment/rankings")
                .param("level", "VILLAGE")
                .param("region", TOWNSHIP)
                .param("period", "2026-03")));
        assertThat((String) JsonPath.read(villages, "$.content[0].subject")).isEqualTo("VILLAGE:" + VILLAGE);
        String events = body(countyOperator
                .perform(get("/api/assessment/scores/VILLAGE:" + VILLAGE + "/events")
                        .param("period", "2026-03")
                        .param("indicator", "ON_TIME_CLOSE"))
                .andExpect(status().isOk()));
        assertThat((Integer) JsonPath.read(events, "$.totalElements")).isEqualTo(6);
        List<Integer> counted = JsonPath.read(events, "$.content[*].counted");
        assertThat(counted).containsExactly(1, 1, 1, 0, 0, 0);
        List<Integer> ids = JsonPath.read(events, "$.content[?(@.counted == 1)].id");
        assertThat(ids.stream().map(Integer::longValue)).containsExactlyInAnyOrder(e1, e2, e5);
    }

    @Test
    @Order(5)
    void anApprovedAdjustmentLiftsTheScoreAndTheGrade() throws Exception {
        String entered = body(countyOperator
                .perform(post("/api/assessment/adjustments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"period\":\"2026-03\",\"subject\":\"WORKER:" + workerId
                                + "\",\"points\":8,\"reason\":\"协助处置突发火情\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING")));
        long id = ((Number) JsonPath.read(entered, "$.id")).longValue();
        // Pending points do not count; the person who asked cannot decide.
        double before = ((Number) JsonPath.read(score(countyOperator, "WORKER:" + workerId, "2026-03"), "$.score"))
                .doubleValue();
        countyOperator
                .perform(post("/api/assessment/adjustments/" + id + "/approve"))
                .andExpect(status().isForbidden());
        countyLeader
                .perform(post("/api/assessment/adjustments/" + id + "/approve")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"同意\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        countyLeader
                .perform(post("/api/assessment/adjustments/" + id + "/reject"))
                .andExpect(status().isConflict());
        var after = score(countyOperator, "WORKER:" + workerId, "2026-03");
        // 82.14 + 8 = 90.14: 优秀, the one worker of the county being allowed to be.
        assertThat(((Number) JsonPath.read(after, "$.score")).doubleValue()).isCloseTo(before + 8, within(0.001));
        assertThat((String) JsonPath.read(after, "$.grade")).isEqualTo("EXCELLENT");
        assertThat(((Number) JsonPath.read(after, "$.adjustment")).doubleValue())
                .isEqualTo(8.0);

        countyOperator
                .perform(post("/api/assessment/adjustments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"period\":\"2026-03\",\"subject\":\"WORKER:" + workerId + "\",\"points\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("points", "reason")));
    }

    @Test
    @Order(6)
    void eachPersonSeesOnlyWhatIsTheirs() throws Exception {
        // The worker sees their own figures and rank, nothing of the township's.
        score(worker, "WORKER:" + workerId, "2026-03");
        worker.perform(get("/api/assessment/scores/TOWNSHIP:" + TOWNSHIP).param("period", "2026-03"))
                .andExpect(status().isNotFound());
        worker.perform(get("/api/assessment/rankings")
                        .param("level", "WORKER")
                        .param("region", VILLAGE)
                        .param("period", "2026-03"))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].subject").value("WORKER:" + workerId));
        worker.perform(get("/api/assessment/rankings")
                        .param("level", "TOWNSHIP")
                        .param("period", "2026-03"))
                .andExpect(jsonPath("$.totalElements").value(0));
        // The department sees its own; the other township's operator sees nothing of 杨寨镇.
        score(department, "DEPARTMENT:" + DEPARTMENT, "2026-03");
        department
                .perform(get("/api/assessment/scores/VILLAGE:" + VILLAGE).param("period", "2026-03"))
                .andExpect(status().isNotFound());
        SignedIn.as(context, "ys.operator")
                .perform(get("/api/assessment/scores/TOWNSHIP:" + TOWNSHIP).param("period", "2026-03"))
                .andExpect(status().isNotFound());
        SignedIn.as(context, "resident")
                .perform(get("/api/assessment/rankings").param("level", "TOWNSHIP"))
                .andExpect(status().isForbidden());
    }

    @Test
    @Order(7)
    void aTrendShowsTheScoreOfEachPeriodUpToOneWithinTheCallersScope() throws Exception {
        String subject = "WORKER:" + workerId;
        var score = score(countyOperator, subject, "2026-03");
        String trend = trend(countyOperator, subject, Map.of("period", "2026-03"));
        List<String> periods = JsonPath.read(trend, "$.content[*].period");
        assertThat(periods).containsExactly("2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03");
        assertThat((Integer) JsonPath.read(trend, "$.totalElements")).isEqualTo(6);
        // The last point is the score of the month, as its own page shows it.
        for (String field : List.of("score", "grade", "rank", "of")) {
            assertThat((Object) JsonPath.read(trend, "$.content[5]." + field))
                    .as(field)
                    .isEqualTo(JsonPath.read(score, "$." + field));
        }
        // Fewer periods, and quarters; the worker reads their own trend and no one else's.
        assertThat((List<String>) JsonPath.read(
                        trend(countyOperator, subject, Map.of("period", "2026-03", "count", "3")),
                        "$.content[*].period"))
                .containsExactly("2026-01", "2026-02", "2026-03");
        assertThat((List<String>) JsonPath.read(
                        trend(countyOperator, "TOWNSHIP:" + TOWNSHIP, Map.of("period", "2026-Q1", "count", "2")),
                        "$.content[*].period"))
                .containsExactly("2025-Q4", "2026-Q1");
        assertThat((Object) JsonPath.read(trend(worker, subject, Map.of("period", "2026-03")), "$.content[5].score"))
                .isEqualTo(JsonPath.read(score, "$.score"));
        worker.perform(get("/api/assessment/scores/TOWNSHIP:" + TOWNSHIP + "/trend")
                        .param("period", "2026-03"))
                .andExpect(status().isNotFound());
        SignedIn.as(context, "ys.operator")
                .perform(get("/api/assessment/scores/VILLAGE:" + VILLAGE + "/trend"))
                .andExpect(status().isNotFound());
    }

    @Test
    @Order(8)
    void badInputNamesTheField() throws Exception {
        for (String count : List.of("0", "13", "six")) {
            countyOperator
                    .perform(get("/api/assessment/scores/TOWNSHIP:" + TOWNSHIP + "/trend")
                            .param("period", "2026-03")
                            .param("count", count))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("count"));
        }
        countyOperator
                .perform(get("/api/assessment/scores/TOWNSHIP:" + TOWNSHIP + "/trend")
                        .param("period", "2026-Q5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        countyOperator
                .perform(get("/api/assessment/scores/VILLAGE:42/trend"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("subject"));
        countyOperator
                .perform(get("/api/assessment/rankings")
                        .param("level", "TOWNSHIP")
                        .param("period", "2026-13"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        countyOperator
                .perform(get("/api/assessment/rankings").param("level", "STREET"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("level"));
        countyOperator
                .perform(get("/api/assessment/scores/TOWNSHIP:42").param("period", "2026-03"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("subject"));
        countyOperator
                .perform(get("/api/assessment/scores/DEPARTMENT:" + DEPARTMENT + "/events")
                        .param("period", "2026-03")
                        .param("indicator", "REPORTS"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("indicator"));
        countyOperator
                .perform(get("/api/assessment/rankings")
                        .param("level", "TOWNSHIP")
                        .param("period", "2026-05"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("future"));
    }

    @Test
    @Order(9)
    void aClosedMonthStaysAsItWasAndLaterCorrectionsAreAdjustments() throws Exception {
        countyOperator
                .perform(post("/api/assessment/periods/2026-03/close"))
                .andExpect(status().isUnprocessableContent());
        countyOperator
                .perform(post("/api/assessment/periods/2026-03/close-all"))
                .andExpect(status().isUnprocessableContent());
        clock.set(Instant.parse("2026-04-08T02:00:00Z"));
        var before = score(countyOperator, "TOWNSHIP:" + TOWNSHIP, "2026-03");
        // The county operator's area is one county: closing all of it closes that county.
        countyOperator
                .perform(post("/api/assessment/periods/2026-03/close-all"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.period").value("2026-03"))
                .andExpect(jsonPath("$.counties").value(1))
                .andExpect(jsonPath("$.closed").value(1))
                .andExpect(jsonPath("$.closedBefore").value(0))
                .andExpect(jsonPath("$.failed").value(0))
                .andExpect(jsonPath("$.subjects").value(org.hamcrest.Matchers.greaterThan(0)));
        countyOperator.perform(post("/api/assessment/periods/2026-03/close")).andExpect(status().isConflict());
        countyOperator
                .perform(post("/api/assessment/periods/2026-03/close-all"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.closed").value(0))
                .andExpect(jsonPath("$.closedBefore").value(1))
                .andExpect(jsonPath("$.subjects").value(0));
        countyLeader.perform(post("/api/assessment/periods/2026-03/close-all")).andExpect(status().isForbidden());
        // E6 is dispatched again and closed in April: March's figures do not move, April's follow each move.
        dispatched(e6);
        assertFigure(score(countyOperator, "DEPARTMENT:" + DEPARTMENT, "2026-04"), "CLOSE_RATE", 0, 1);
        move(department, e6, "claim", null);
        move(department, e6, "feedback", "\"note\":\"已处理\"");
        move(township, e6, "verify", null);
        assertFigure(score(countyOperator, "DEPARTMENT:" + DEPARTMENT, "2026-04"), "CLOSE_RATE", 1, 1);
        var after = score(countyOperator, "TOWNSHIP:" + TOWNSHIP, "2026-03");
        assertThat((Boolean) JsonPath.read(after, "$.frozen")).isTrue();
        assertThat((Object) JsonPath.read(after, "$.indicators")).isEqualTo(JsonPath.read(before, "$.indicators"));
        assertFigure(after, "CLOSE_RATE", 4, 6);
        // The worker's approved adjustment still counts in the frozen month.
        var workerScore = score(countyOperator, "WORKER:" + workerId, "2026-03");
        assertThat(((Number) JsonPath.read(workerScore, "$.adjustment")).doubleValue())
                .isEqualTo(8.0);
        // The bulletin workbook of the closed month opens as a workbook.
        var xlsx = countyOperator
                .perform(get("/api/assessment/bulletin/export")
                        .param("level", "TOWNSHIP")
                        .param("period", "2026-03"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(xlsx, 0, 2)).isEqualTo("PK");
    }

    @Test
    @Order(10)
    void thePlatformClosesAMonthOnceItsReviewDaysHavePassed() throws Exception {
        // April ends on 1 May (China time); its five review days end on 6 May.
        clock.set(Instant.parse("2026-05-05T02:00:00Z"));
        closing.closeDue();
        assertThat((Boolean) JsonPath.read(score(countyOperator, "TOWNSHIP:" + TOWNSHIP, "2026-04"), "$.frozen"))
                .isFalse();
        clock.set(Instant.parse("2026-05-06T02:00:00Z"));
        closing.closeDue();
        closing.closeDue();
        var april = score(countyOperator, "TOWNSHIP:" + TOWNSHIP, "2026-04");
        assertThat((Boolean) JsonPath.read(april, "$.frozen")).isTrue();
        // E6, dispatched again in April, is the department's one April dispatch, kept as it was at the closing.
        assertFigure(score(countyOperator, "DEPARTMENT:" + DEPARTMENT, "2026-04"), "CLOSE_RATE", 1, 1);
        assertThat(jdbc.sql("select closer_name from assessment_period where period = '2026-04'")
                        .query(String.class)
                        .list())
                .containsExactly("系统");
        // March, closed by hand, stays as its closer left it; February, never closed, is closed now too, and so is
        // the first quarter, which March ended.
        assertThat(jdbc.sql("select period || ' ' || closer_name from assessment_period order by period")
                        .query(String.class)
                        .list())
                .containsExactly("2026-02 系统", "2026-03 县中心坐席员", "2026-04 系统", "2026-Q1 系统");
    }

    @Test
    @Order(11)
    void aCountyKeepsVersionsOfItsSchemeFromMonthsNotYetBegun() throws Exception {
        // 6 May: the county's version from March scores the month; the deployment's stands behind it.
        countyLeader
                .perform(get("/api/assessment/schemes/TOWNSHIP/versions"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content[0].scheme.effectiveFrom").value("2026-03-01"))
                .andExpect(jsonPath("$.content[0].scheme.regionCode").value("421381"))
                .andExpect(jsonPath("$.content[0].scheme.vetoes[0].code").value(vetoed))
                .andExpect(jsonPath("$.content[0].state").value("IN_FORCE"))
                .andExpect(jsonPath("$.content[1].scheme.regionCode").value(""))
                .andExpect(jsonPath("$.content[1].state").value("SUPERSEDED"));

        saveTownshipScheme("2026-07", 6).andExpect(status().isOk());
        countyOperator
                .perform(get("/api/assessment/schemes/TOWNSHIP/versions").param("size", "2"))
                .andExpect(jsonPath("$.totalElements").value(3))
                .andExpect(jsonPath("$.totalPages").value(2))
                .andExpect(jsonPath("$.content[0].scheme.effectiveFrom").value("2026-07-01"))
                .andExpect(jsonPath("$.content[0].state").value("PLANNED"))
                .andExpect(jsonPath("$.content[0].scheme.reportQuota").value(6))
                .andExpect(jsonPath("$.content[0].scheme.weights.REPORTS").value(30.0))
                .andExpect(jsonPath("$.content[0].scheme.vetoes[1].atLeast").value(3))
                .andExpect(jsonPath("$.content[1].state").value("IN_FORCE"));
        countyOperator
                .perform(get("/api/assessment/schemes/TOWNSHIP/versions")
                        .param("page", "1")
                        .param("size", "2"))
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.content[0].scheme.regionCode").value(""));

        // Saved again from the same month, the planned version is replaced, not added; June keeps March's.
        saveTownshipScheme("2026-07", 5).andExpect(status().isOk());
        countyOperator
                .perform(get("/api/assessment/schemes/TOWNSHIP/versions"))
                .andExpect(jsonPath("$.totalElements").value(3))
                .andExpect(jsonPath("$.content[0].scheme.reportQuota").value(5));
        countyOperator
                .perform(get("/api/assessment/schemes/TOWNSHIP").param("period", "2026-06"))
                .andExpect(jsonPath("$.effectiveFrom").value("2026-03-01"));

        // Once July has begun, its version is in force and March's superseded.
        clock.set(Instant.parse("2026-06-30T16:00:00Z"));
        countyOperator
                .perform(get("/api/assessment/schemes/TOWNSHIP/versions"))
                .andExpect(jsonPath("$.content[0].state").value("IN_FORCE"))
                .andExpect(jsonPath("$.content[1].state").value("SUPERSEDED"));

        // Other types and other counties are untouched; a township's operator may read the versions, not add one.
        township.perform(get("/api/assessment/schemes/WORKER/versions"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].state").value("IN_FORCE"));
        putScheme(township, "TOWNSHIP", "{\"effectiveFrom\":\"2026-09\"}").andExpect(status().isForbidden());
    }

    @Test
    @Order(12)
    void aSchemeWithBadInputIsRefusedNamingEveryField() throws Exception {
        // July has begun: a version from it is refused.
        clock.set(Instant.parse("2026-07-02T02:00:00Z"));
        var refused = putScheme(countyOperator, "TOWNSHIP", """
                                {"effectiveFrom":"2026-07",
                                 "weights":[{"indicator":"RETURNS","value":20},{"indicator":"CLOSE_RATE","value":120},
                                   {"indicator":"CLOSE_RATE","value":10}],
                                 "penalties":[{"indicator":"REPORTS","value":1}],
                                 "excellentMin":90,"goodMin":95,"passMin":60,"excellentShare":1.5,"reportQuota":-1,
                                 "vetoes":[{"kind":"CATEGORY","code":"ZZ9999"},{"kind":"RED_CARDS","atLeast":0},
                                   {"kind":"SOMETHING"}]}""").andExpect(status().isBadRequest());
        List<String> fields = JsonPath.read(body(refused), "$.errors[*].field");
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "effectiveFrom",
                        "weights[0].indicator",
                        "weights[1].value",
                        "penalties[0].indicator",
                        "excellentMin",
                        "excellentShare",
                        "reportQuota",
                        "vetoes[0].code",
                        "vetoes[1]",
                        "vetoes[2]");
        assertThat((List<String>) JsonPath.read(body(refused), "$.errors[?(@.field == 'effectiveFrom')].code"))
                .containsExactly("past");
        assertThat((List<String>) JsonPath.read(body(refused), "$.errors[*].messageEn"))
                .allMatch(m -> !m.isBlank());

        // Weights adding up to nothing, an indicator named twice, a month written otherwise, a wrong JSON type.
        putScheme(countyOperator, "WORKER", """
                                {"effectiveFrom":"2027-1","weights":[{"indicator":"REPORTS","value":0},
                                  {"indicator":"REPORTS","value":0}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("effectiveFrom", "weights", "weights[1].indicator")));
        putScheme(countyOperator, "WORKER", "{\"effectiveFrom\":\"2026-13\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("effectiveFrom"));
        putScheme(countyOperator, "WORKER", "{\"effectiveFrom\":\"2027-01\",\"reportQuota\":\"many\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reportQuota"));
        putScheme(countyOperator, "STREET", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        countyOperator
                .perform(get("/api/assessment/schemes/STREET/versions"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        countyOperator
                .perform(get("/api/assessment/schemes/WORKER/versions").param("size", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    @Order(13)
    void theIndicatorsAreListedWithTheirNamesAndTheTypesThatHaveThem() throws Exception {
        String indicators =
                body(countyLeader.perform(get("/api/assessment/indicators")).andExpect(status().isOk()));
        assertThat((List<String>) JsonPath.read(indicators, "$[*].indicator")).hasSize(Indicator.values().length);
        assertThat((List<String>) JsonPath.read(indicators, "$[?(@.indicator == 'REPORTS')].label"))
                .containsExactly("上报数");
        assertThat((List<String>) JsonPath.read(indicators, "$[?(@.indicator == 'RED_CARDS')].kind"))
                .containsExactly("PENALTY");
        assertThat((List<List<String>>) JsonPath.read(indicators, "$[?(@.indicator == 'RETURNS')].subjectTypes"))
                .containsExactly(List.of("DEPARTMENT"));
    }

    private ResultActions saveTownshipScheme(String from, int quota) throws Exception {
        return putScheme(countyOperator, "TOWNSHIP", """
                        {"effectiveFrom":"%s",
                         "weights":[{"indicator":"REPORTS","value":30},{"indicator":"CLOSE_RATE","value":25},
                           {"indicator":"ON_TIME_CLOSE","value":25},{"indicator":"SATISFACTION","value":20}],
                         "penalties":[{"indicator":"RED_CARDS","value":1}],
                         "excellentMin":92,"goodMin":80,"passMin":60,"excellentShare":0.15,"reportQuota":%d,
                         "vetoes":[{"kind":"CATEGORY","code":"%s"},{"kind":"RED_CARDS","atLeast":3}]}""".formatted(from, quota, vetoed));
    }

    private static ResultActions putScheme(MockMvc as, String type, String json) throws Exception {
        return as.perform(put("/api/assessment/schemes/" + type)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private long report(String grid, String categoryCode) throws Exception {
        List<Double> label = JsonPath.read(body(worker.perform(get("/api/grids/" + grid))), "$.labelPoint");
        String created = body(worker.perform(post("/api/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"requestId\":\"" + UUID.randomUUID() + "\",\"title\":\"路边暴露垃圾\","
                                + "\"categoryCode\":\"" + categoryCode + "\",\"lon\":" + label.get(0) + ",\"lat\":"
                                + label.get(1) + "}"))
                .andExpect(status().isCreated()));
        clock.advance(Duration.ofMinutes(5));
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    private void dispatched(long id) throws Exception {
        if ("REPORTED".equals(JsonPath.read(body(township.perform(get("/api/events/" + id))), "$.status"))) {
            move(township, id, "accept", null);
        }
        move(township, id, "dispatch", "\"assignee\":\"" + DEPARTMENT + "\"");
    }

    private void move(MockMvc as, long id, String move, String extra) throws Exception {
        int version = JsonPath.read(body(as.perform(get("/api/events/" + id))), "$.version");
        as.perform(post("/api/events/" + id + "/" + move)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version + (extra == null ? "" : "," + extra) + "}"))
                .andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(5));
    }

    private String score(MockMvc as, String subject, String period) throws Exception {
        return body(as.perform(get("/api/assessment/scores/" + subject).param("period", period))
                .andExpect(status().isOk()));
    }

    private String trend(MockMvc as, String subject, Map<String, String> query) throws Exception {
        var request = get("/api/assessment/scores/" + subject + "/trend");
        query.forEach(request::param);
        return body(as.perform(request).andExpect(status().isOk()));
    }

    private static void assertFigure(String score, String indicator, long numerator, long denominator) {
        List<Map<String, Object>> figures = JsonPath.read(score, "$.indicators[?(@.indicator == '" + indicator + "')]");
        assertThat(figures).as(indicator).hasSize(1);
        assertThat(((Number) figures.getFirst().get("numerator")).longValue())
                .as(indicator + " numerator")
                .isEqualTo(numerator);
        assertThat(((Number) figures.getFirst().get("denominator")).longValue())
                .as(indicator + " denominator")
                .isEqualTo(denominator);
    }

    private int grids(String prefix) {
        return jdbc.sql("select count(*) from grid where valid_to is null and level = 1 and code like :p || '%'")
                .param("p", prefix)
                .query(Integer.class)
                .single();
    }

    private static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }
}
