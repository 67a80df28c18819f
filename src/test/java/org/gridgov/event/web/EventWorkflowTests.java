package org.gridgov.event.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.event.web.EventCalls.move;
import static org.gridgov.event.web.EventCalls.version;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
class EventWorkflowTests {

    private static final String GRID = EventCalls.GRID;

    @Autowired
    WebApplicationContext context;

    MockMvc worker;
    MockMvc township;
    EventCalls calls;
    String category;
    double[] point;

    @BeforeEach
    void setUp() throws Exception {
        worker = SignedIn.as(context, "grid.worker");
        township = SignedIn.as(context, "yz.operator");
        calls = EventCalls.reportingFirstCategory(worker);
        category = calls.category;
        point = calls.point;
    }

    private ResultActions report(MockMvc as, String requestId) throws Exception {
        return calls.report(as, requestId);
    }

    private long reported(MockMvc as) throws Exception {
        return calls.reported(as);
    }

    @Test
    void theWholeLoopFromReportToRating() throws Exception {
        String body = report(worker, UUID.randomUUID().toString())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("REPORTED"))
                .andExpect(jsonPath("$.serialNumber", matchesPattern("421381-\\d{4}-\\d{6}")))
                .andExpect(jsonPath("$.gridCode").value(GRID))
                .andExpect(jsonPath("$.holderOrg").value("421381101-center"))
                .andExpect(jsonPath("$.step").value("ACCEPT"))
                .andExpect(jsonPath("$.deadlineAt").isNotEmpty())
                .andExpect(jsonPath("$.reporterPhone").value("139****5678"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();

        township.perform(get("/api/events").param("box", "todo"))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) id)));
        String serial = JsonPath.read(body, "$.serialNumber");
        township.perform(get("/api/events").param("serial", serial))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value((int) id));
        move(township, id, "accept", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.allowedMoves", hasItem("DISPATCH")));
        move(township, id, "dispatch", "\"assignee\":\"421381-cgj\",\"note\":\"请城管局处置\"")
                .andExpect(jsonPath("$.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.holderOrg").value("421381-cgj"))
                .andExpect(jsonPath("$.step").value("CLAIM"));

        var department = SignedIn.as(context, "dept.handler");
        department.perform(get("/api/events").param("box", "todo")).andExpect(jsonPath("$.content[*].id", hasItem((int)
                id)));
        move(department, id, "claim", null).andExpect(jsonPath("$.status").value("CLAIMED"));
        move(department, id, "feedback", "\"note\":\"已清运\"")
                .andExpect(jsonPath("$.status").value("FEEDBACK"))
                .andExpect(jsonPath("$.holderOrg").value("421381101-center"));

        move(worker, id, "verify", "\"note\":\"现场已清理\"")
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.closedAt").isNotEmpty());
        // 待回访: closed and not yet rated, until someone records the return visit.
        township.perform(get("/api/events").param("box", "visit"))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) id)));
        move(worker, id, "rate", "\"satisfaction\":5")
                .andExpect(jsonPath("$.satisfaction").value(5));
        // One return visit per closing: a second rating does not fit the state.
        move(worker, id, "rate", "\"satisfaction\":1").andExpect(status().isConflict());
        township.perform(get("/api/events").param("box", "visit"))
                .andExpect(jsonPath("$.content[*].id", not(hasItem((int) id))));

        String history = township.perform(get("/api/events/" + id + "/history"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> moves = JsonPath.read(history, "$.content[*].move");
        assertThat(moves).containsExactly("REPORT", "ACCEPT", "DISPATCH", "CLAIM", "FEEDBACK", "VERIFY_PASS", "RATE");
    }

    @Test
    void escalationGoesLevelByLevelToTheCounty() throws Exception {
        long id = reported(worker);
        move(township, id, "escalate", "\"note\":\"涉及多个部门\"")
                .andExpect(jsonPath("$.status").value("REPORTED"))
                .andExpect(jsonPath("$.holderOrg").value("421381-center"));
        var county = SignedIn.as(context, "county.operator");
        move(county, id, "accept", null).andExpect(jsonPath("$.status").value("ACCEPTED"));
        move(county, id, "escalate", "\"note\":\"再上报\"").andExpect(status().isUnprocessableContent());
        // Accepted already: the state refuses it (409) before asking whose move it would be.
        move(township, id, "accept", null).andExpect(status().isConflict());
    }

    @Test
    void skipLevelRulesSendAReportStraightToTheCountyWithCopies() throws Exception {
        worker.perform(post("/api/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"仓库起火隐患\",\"categoryCode\":\"ZZ0301\",\"urgency\":\"EMERGENCY\","
                                + "\"lon\":" + point[0] + ",\"lat\":" + point[1] + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.holderOrg").value("421381-center"));
        String body = worker.perform(post("/api/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"施工占道\",\"categoryCode\":\"0302\",\"urgency\":\"URGENT\"," + "\"lon\":"
                                + point[0] + ",\"lat\":" + point[1] + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.holderOrg").value("421381-center"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        SignedIn.as(context, "dept.handler")
                .perform(get("/api/events").param("box", "copied").param("size", "100"))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) id)));
        worker.perform(post("/api/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"施工占道\",\"categoryCode\":\"0302\",\"lon\":" + point[0] + ",\"lat\":"
                                + point[1] + "}"))
                .andExpect(jsonPath("$.holderOrg").value("421381101-center"));
    }

    @Test
    void reworkSendsItBackToTheHandler() throws Exception {
        long id = reported(worker);
        move(township, id, "accept", null);
        move(township, id, "dispatch", "\"assignee\":\"421381-cgj\"");
        var department = SignedIn.as(context, "dept.handler");
        move(department, id, "claim", null);
        move(department, id, "feedback", "\"note\":\"已处理\"");
        move(worker, id, "rework", "\"note\":\"垃圾还在\"")
                .andExpect(jsonPath("$.status").value("CLAIMED"))
                .andExpect(jsonPath("$.holderOrg").value("421381-cgj"));
        move(department, id, "return", "\"note\":\"不属本部门\"")
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.holderOrg").value("421381101-center"));
    }

    @Test
    void aGridWorkerMayResolveOnTheSpotAndTheCenterStillVerifies() throws Exception {
        long id = reported(worker);
        move(worker, id, "resolve", "\"note\":\"当场劝离\"")
                .andExpect(jsonPath("$.status").value("FEEDBACK"));
        move(township, id, "verify", null).andExpect(jsonPath("$.status").value("CLOSED"));
    }

    @Test
    void nearbyOpenEventsOfTheSameCategoryAreHintedAndCanBeMerged() throws Exception {
        long original = reported(worker);
        long duplicate = reported(SignedIn.as(context, "grid.leader"));
        worker.perform(get("/api/events/duplicates")
                        .param("categoryCode", category)
                        .param("lon", "" + (point[0] + 0.0005))
                        .param("lat", "" + point[1]))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id", hasItem((int) original)));
        worker.perform(get("/api/events/duplicates")
                        .param("categoryCode", category)
                        .param("lon", "" + (point[0] + 0.05))
                        .param("lat", "" + point[1]))
                .andExpect(jsonPath("$.content[*].id", not(hasItem((int) original))));
        township.perform(post("/api/events/" + duplicate + "/merge-into/" + original)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version(township, duplicate) + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value((int) original));
        township.perform(get("/api/events/" + duplicate))
                .andExpect(jsonPath("$.status").value("REJECTED"));
        township.perform(get("/api/events/" + original + "/merged-reporters"))
                .andExpect(jsonPath("$.totalElements").value(1));
    }

    @Test
    void ofTwoConcurrentMovesExactlyOneWins() throws Exception {
        long id = reported(worker);
        int version = version(township, id);
        var start = new java.util.concurrent.CountDownLatch(1);
        var statuses = java.util.Collections.synchronizedList(new java.util.ArrayList<Integer>());
        var threads = new java.util.ArrayList<Thread>();
        for (int i = 0; i < 2; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                    statuses.add(township.perform(post("/api/events/" + id + "/accept")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content("{\"version\":" + version + "}"))
                            .andReturn()
                            .getResponse()
                            .getStatus());
                } catch (Exception e) {
                    statuses.add(-1);
                }
            }));
        }
        start.countDown();
        for (var t : threads) {
            t.join();
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        String history = township.perform(get("/api/events/" + id + "/history"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((List<String>) JsonPath.read(history, "$.content[*].move")).containsExactly("REPORT", "ACCEPT");
    }

    @Test
    void aResentReportReturnsTheSameEvent() throws Exception {
        String requestId = UUID.randomUUID().toString();
        String first = report(worker, requestId)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String again = report(worker, requestId)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((Integer) JsonPath.read(again, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
    }

    @Test
    void refusesWrongRoleWrongScopeWrongStateStaleVersionAndMissingReason() throws Exception {
        long id = reported(worker);
        // A department never sent the event does not find it; a grid leader, who sees it, may not accept it.
        SignedIn.as(context, "dept.handler").perform(get("/api/events/" + id)).andExpect(status().isNotFound());
        move(SignedIn.as(context, "grid.leader"), id, "accept", null).andExpect(status().isForbidden());
        SignedIn.as(context, "ys.operator").perform(get("/api/events/" + id)).andExpect(status().isNotFound());
        move(township, id, "claim", null).andExpect(status().isForbidden());
        move(township, id, "dispatch", "\"assignee\":\"421381-cgj\"")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type", matchesPattern(".*move-not-allowed")));
        township.perform(post("/api/events/" + id + "/accept")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + (version(township, id) + 5) + "}"))
                .andExpect(status().isConflict());
        move(township, id, "reject", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        township.perform(post("/api/events/" + id + "/accept")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        move(township, id, "accept", null).andExpect(status().isOk());
        move(township, id, "accept", null).andExpect(status().isConflict());
    }

    @Test
    void badReportsNameTheFieldAndWriteNothing() throws Exception {
        worker.perform(post("/api/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"\",\"categoryCode\":\"NOPE\",\"lon\":500}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("categoryCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("lon")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("lat")));
        worker.perform(post("/api/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"远方\",\"categoryCode\":\"" + category + "\",\"lon\":0,\"lat\":0}"))
                .andExpect(status().isUnprocessableContent());
        township.perform(get("/api/events").param("box", "nonsense")).andExpect(status().isBadRequest());
    }

    @Test
    void aCaseNumberFindsExactlyOneEventAndOnlyInTheCallersScope() throws Exception {
        long id = reported(worker);
        String serial = JsonPath.read(EventCalls.body(township.perform(get("/api/events/" + id))), "$.serialNumber");
        township.perform(get("/api/events").param("serial", serial))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value((int) id));
        township.perform(get("/api/events").param("serial", serial.substring(0, serial.length() - 1)))
                .andExpect(jsonPath("$.totalElements").value(0));
        SignedIn.as(context, "ys.operator")
                .perform(get("/api/events").param("serial", serial))
                .andExpect(jsonPath("$.totalElements").value(0));
        SignedIn.as(context, "resident")
                .perform(get("/api/events").param("serial", serial))
                .andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void residentsSeeOnlyTheirOwnReports() throws Exception {
        long theirs = reported(worker);
        var resident = SignedIn.as(context, "resident");
        resident.perform(get("/api/events/" + theirs)).andExpect(status().isNotFound());
        long own = reported(resident);
        resident.perform(get("/api/events"))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) own)))
                .andExpect(jsonPath("$.content[*].id", not(hasItem((int) theirs))));
        resident.perform(get("/api/events/duplicates")
                        .param("categoryCode", category)
                        .param("lon", "" + point[0])
                        .param("lat", "" + point[1]))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) own)))
                .andExpect(jsonPath("$.content[*].id", not(hasItem((int) theirs))));
    }
}
