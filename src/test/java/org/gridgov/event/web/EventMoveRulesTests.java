package org.gridgov.event.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.event.web.EventCalls.body;
import static org.gridgov.event.web.EventCalls.move;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * Who may make which move when, as the API offers and refuses it: the moves offered are the moves that succeed, the
 * verifier is someone other than the handler, each closing gets its return visit, a state that does not allow a move
 * answers 409 and a caller whose move it is not 403, the holder's own leaders may supervise, the work-list filters
 * refuse unknown values, and history and detail name people and places.
 */
@SpringBootTest
class EventMoveRulesTests {

    @Autowired
    WebApplicationContext context;

    MockMvc worker;
    MockMvc township;
    MockMvc county;
    MockMvc department;
    EventCalls calls;

    @BeforeEach
    void setUp() throws Exception {
        worker = SignedIn.as(context, "grid.worker");
        township = SignedIn.as(context, "yz.operator");
        county = SignedIn.as(context, "county.operator");
        department = SignedIn.as(context, "dept.handler");
        calls = EventCalls.reportingFirstCategory(worker);
    }

    private List<String> allowedMoves(MockMvc as, long id) throws Exception {
        return JsonPath.read(body(as.perform(get("/api/events/" + id))), "$.allowedMoves");
    }

    private List<String> allowedActions(MockMvc as, long id) throws Exception {
        return JsonPath.read(body(as.perform(get("/api/events/" + id))), "$.allowedActions");
    }

    private List<Map<String, Object>> history(MockMvc as, long id) throws Exception {
        return JsonPath.read(body(as.perform(get("/api/events/" + id + "/history"))), "$.content");
    }

    /** A case closed through the department: reported by the grid worker, verified by the township operator. */
    private long closedThroughTheDepartment() throws Exception {
        long id = calls.reported(worker);
        move(township, id, "accept", null).andExpect(status().isOk());
        move(township, id, "dispatch", "\"assignee\":\"421381-cgj\"").andExpect(status().isOk());
        move(department, id, "claim", null).andExpect(status().isOk());
        move(department, id, "feedback", "\"note\":\"已处理\"").andExpect(status().isOk());
        move(township, id, "verify", null).andExpect(status().isOk());
        return id;
    }

    @Test
    void theTopCenterIsNotOfferedEscalationAndEveryOfferedMoveSucceeds() throws Exception {
        long id = calls.reported(worker);
        assertThat(allowedMoves(township, id)).contains("ESCALATE", "ACCEPT");
        move(township, id, "escalate", "\"note\":\"请县中心协调\"").andExpect(status().isOk());
        assertThat(allowedMoves(county, id)).contains("ACCEPT").doesNotContain("ESCALATE");
        move(county, id, "accept", null).andExpect(status().isOk());
        var offered = allowedMoves(county, id);
        assertThat(offered).contains("DISPATCH", "SUSPEND").doesNotContain("ESCALATE");
        // An operator may not supervise: the moves offered are those the permission, the state and the caller allow.
        assertThat(allowedMoves(SignedIn.as(context, "county.leader"), id)).containsExactly("SUPERVISE");
    }

    @Test
    void theConsoleIsToldWhoMayAskForADelayAndWhoDecides() throws Exception {
        long id = calls.reported(worker);
        move(township, id, "accept", null);
        move(township, id, "dispatch", "\"assignee\":\"421381-cgj\"");
        assertThat(allowedActions(department, id)).contains("DELAY_REQUEST", "ADD_PHOTO");
        assertThat(allowedActions(township, id)).contains("DELAY_DECIDE").doesNotContain("DELAY_REQUEST");
        assertThat(allowedActions(SignedIn.as(context, "dept.leader"), id)).contains("DELAY_REQUEST");
        assertThat(allowedActions(SignedIn.as(context, "county.leader"), id))
                .doesNotContain("DELAY_REQUEST", "DELAY_DECIDE", "ADD_PHOTO");
    }

    @Test
    void theGridWorkerWhoResolvedOnTheSpotMayNotVerifyHisOwnResult() throws Exception {
        long id = calls.reported(worker);
        move(worker, id, "resolve", "\"note\":\"当场劝离\"").andExpect(status().isOk());
        assertThat(allowedMoves(worker, id)).doesNotContain("VERIFY_PASS", "VERIFY_FAIL");
        move(worker, id, "verify", null)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].field").value("verifier"))
                .andExpect(jsonPath("$.errors[0].code").value("self-verification"));
        // Someone else of the verifying center may: the grid leader, an operator.
        assertThat(allowedMoves(SignedIn.as(context, "grid.leader"), id)).contains("VERIFY_PASS", "VERIFY_FAIL");
        assertThat(allowedMoves(township, id)).contains("VERIFY_PASS", "VERIFY_FAIL");
        move(township, id, "verify", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
    }

    @Test
    void aHandlerMayNotVerifyTheResultHeFedBack() throws Exception {
        long id = calls.reported(worker);
        move(township, id, "accept", null);
        // Dispatched to the township center's own grid worker through the county: the county dispatches down.
        move(township, id, "escalate", "\"note\":\"上报\"");
        move(county, id, "accept", null);
        move(county, id, "dispatch", "\"assignee\":\"421381101-center\"").andExpect(status().isOk());
        move(worker, id, "claim", null).andExpect(status().isOk());
        move(worker, id, "feedback", "\"note\":\"已处理\"").andExpect(status().isOk());
        // The county center verifies; the grid worker covering the grid may too, but not the one who handled it.
        assertThat(allowedMoves(worker, id)).doesNotContain("VERIFY_PASS", "VERIFY_FAIL");
        move(worker, id, "verify", null)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].code").value("self-verification"));
        move(county, id, "verify", null).andExpect(status().isOk());
    }

    @Test
    void aSecondRatingOfOneClosingIsNotAllowedInThatStateWhileAStrangerIsForbidden() throws Exception {
        long id = closedThroughTheDepartment();
        move(department, id, "rate", "\"satisfaction\":4").andExpect(status().isForbidden());
        move(worker, id, "rate", "\"satisfaction\":5").andExpect(status().isOk());
        assertThat(allowedMoves(worker, id)).doesNotContain("RATE");
        move(worker, id, "rate", "\"satisfaction\":1")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type", matchesPattern(".*move-not-allowed")));
        move(township, id, "rate", "\"satisfaction\":1").andExpect(status().isConflict());
        // A move the status does not allow is 409 for everyone, whether or not the caller holds the event.
        move(department, id, "claim", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type", matchesPattern(".*move-not-allowed")));
        move(department, id, "reopen", "\"note\":\"再办\"").andExpect(status().isForbidden());
    }

    @Test
    void aReopenedAndClosedAgainCaseAwaitsANewReturnVisit() throws Exception {
        long id = closedThroughTheDepartment();
        move(worker, id, "rate", "\"satisfaction\":2,\"note\":\"不满意\"").andExpect(status().isOk());
        township.perform(get("/api/events").param("box", "visit").param("size", "100"))
                .andExpect(jsonPath("$.content[*].id", not(hasItem((int) id))));
        move(township, id, "reopen", "\"note\":\"群众反映未处理好\"")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.satisfaction").isEmpty());
        move(township, id, "dispatch", "\"assignee\":\"421381-cgj\"");
        move(department, id, "claim", null);
        move(department, id, "feedback", "\"note\":\"再次处理\"");
        move(township, id, "verify", null).andExpect(status().isOk());
        township.perform(get("/api/events").param("box", "visit").param("size", "100"))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) id)));
        assertThat(allowedMoves(worker, id)).contains("RATE");
        move(worker, id, "rate", "\"satisfaction\":5").andExpect(status().isOk());
        var ratings = history(township, id).stream()
                .filter(row -> "RATE".equals(row.get("move")))
                .map(row -> row.get("satisfaction"))
                .toList();
        assertThat(ratings).containsExactly(2, 5);
    }

    @Test
    void aCenterLeaderMaySuperviseACaseHisOwnCenterHoldsRecordedAsSuch() throws Exception {
        long id = calls.reported(worker);
        move(township, id, "escalate", "\"note\":\"上报\"");
        var leader = SignedIn.as(context, "county.leader");
        assertThat(allowedMoves(leader, id)).contains("SUPERVISE");
        move(leader, id, "supervise", "\"supervision\":\"YELLOW\",\"note\":\"请今日内受理\"")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supervision").value("YELLOW"));
        move(leader, id, "supervise", "\"supervision\":\"PURPLE\",\"note\":\"？\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("supervision"));
        var last = history(township, id).getLast();
        assertThat(last)
                .containsEntry("move", "SUPERVISE")
                .containsEntry("supervision", "YELLOW")
                .containsEntry("ownOrganization", true)
                .containsEntry("note", "请今日内受理")
                .containsEntry("actorName", "县中心领导");
    }

    @Test
    void theHistoryNamesPeopleAndTheDetailNamesTheGridVillageAndTownship() throws Exception {
        long id = calls.reported(worker);
        move(township, id, "accept", null);
        var rows = history(township, id);
        assertThat(rows).extracting(row -> row.get("actorName")).containsExactly("网格员", "杨寨镇坐席员");
        assertThat(rows).extracting(row -> row.get("bySystem")).containsOnly(false);
        assertThat(body(township.perform(get("/api/events/" + id + "/history"))))
                .doesNotContain("grid.worker", "yz.operator");
        township.perform(get("/api/events/" + id))
                .andExpect(jsonPath("$.gridName").value("站前社区第1网格"))
                .andExpect(jsonPath("$.villageName").value("站前社区"))
                .andExpect(jsonPath("$.townshipName").value("杨寨镇"));
        township.perform(get("/api/events").param("box", "todo"))
                .andExpect(jsonPath("$.content[0].gridName").isNotEmpty());
    }

    @Test
    void everyEnumeratedFilterRefusesAnUnknownValueByName() throws Exception {
        for (var filter : List.of("status", "urgency", "box", "category")) {
            township.perform(get("/api/events").param(filter, "NOPE"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(filter))
                    .andExpect(jsonPath("$.errors[0].code").value("unknown-value"));
        }
        township.perform(get("/api/events")
                        .param("status", "REPORTED")
                        .param("urgency", "NORMAL")
                        .param("box", "todo")
                        .param("category", calls.category))
                .andExpect(status().isOk());
    }
}
