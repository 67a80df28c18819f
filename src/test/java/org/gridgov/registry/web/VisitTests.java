package org.gridgov.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.registry.web.GroupCalls.member;
import static org.gridgov.registry.web.GroupCalls.resident;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.gridgov.MovableClock;
import org.gridgov.SignedIn;
import org.gridgov.region.RegionApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

/**
 * Visits (走访): the plan the schedules make, a visit kept once under its request id and counting at the time it was
 * made, a person's group follow-up as one kind of visit, photos sent after the visit, scope and bad input.
 */
@SpringBootTest
@Import(MovableClock.Config.class)
class VisitTests {

    private static final String GRID = "421381101001101";
    /** A grid of the same village that the demo grid worker does not cover. */
    private static final String UNCOVERED_GRID = "421381101001103";

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @Autowired
    WebApplicationContext context;

    @Autowired
    MovableClock clock;

    @Autowired
    RegionApi regions;

    @Autowired
    org.gridgov.registry.RegistryApi registry;

    MockMvc worker;
    MockMvc township;
    MockMvc county;
    MockMvc villageLeader;

    @BeforeEach
    void setUp() throws Exception {
        worker = SignedIn.as(context, "grid.worker");
        township = SignedIn.as(context, "yz.operator");
        county = SignedIn.as(context, "county.operator");
        villageLeader = SignedIn.as(context, "grid.leader");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
    }

    private long keyPlace(MockMvc as, String grid, String name) throws Exception {
        var point = regions.currentGrid(grid).orElseThrow().labelPoint();
        String body = "{\"gridCode\":\"" + grid + "\",\"name\":\"" + name + "\",\"type\":\"SCHOOL\","
                + "\"keyFlags\":[\"FIRE_SAFETY\"],\"address\":\"学府路 9 号\",\"lon\":" + point[0] + ",\"lat\":"
                + point[1] + "}";
        var result = as.perform(post("/api/registry/places")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn();
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
    }

    private ResultActions visit(MockMvc as, String json) throws Exception {
        return as.perform(
                post("/api/visits").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String placeVisit(long place, String requestId) {
        return "{\"subjectKind\":\"PLACE\",\"subjectId\":" + place + ",\"purpose\":\"SAFETY\",\"content\":\"消防通道畅通\","
                + "\"lon\":113.6,\"lat\":30.9,\"requestId\":\"" + requestId + "\"}";
    }

    private static long id(ResultActions actions) throws Exception {
        return ((Number) JsonPath.read(actions.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    @Test
    void aKeyPlaceIsDueAWeekAfterItsLastVisitAndAVisitSentTwiceIsKeptOnce() throws Exception {
        long place = keyPlace(worker, GRID, "走访测试学校");
        String planOfAll = "/api/visits/plan?window=ALL&size=200";
        worker.perform(get(planOfAll))
                .andExpect(jsonPath("$.content[?(@.subjectKind == 'PLACE' && @.subjectId == " + place + ")].dueOn")
                        .value(hasItem(today().plusDays(7).toString())))
                .andExpect(jsonPath("$.content[?(@.subjectId == " + place + ")].status")
                        .value(hasItem("LATER")));

        String requestId = UUID.randomUUID().toString();
        long first = id(visit(worker, placeVisit(place, requestId))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.subjectName").value("走访测试学校"))
                .andExpect(jsonPath("$.gridName").isNotEmpty())
                .andExpect(jsonPath("$.purpose").value("SAFETY"))
                .andExpect(jsonPath("$.mine").value(true)));
        long again = id(visit(worker, placeVisit(place, requestId)).andExpect(status().isOk()));
        assertThat(again).isEqualTo(first);
        worker.perform(get("/api/visits").param("subjectKind", "PLACE").param("subjectId", String.valueOf(place)))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].actorName").value("网格员"));

        var onPlan = registry.visitPlanPerGrid(GRID, today()).getFirst();
        var visitsOfWorkers = registry.visitsPerWorker(GRID, today(), today());
        assertThat(onPlan.records()).isGreaterThanOrEqualTo(onPlan.onSchedule()).isPositive();
        assertThat(visitsOfWorkers).anySatisfy(f -> assertThat(f.visits()).isPositive());

        clock.advance(Duration.ofDays(8));
        try {
            var later = registry.visitPlanPerGrid(GRID, today()).getFirst();
            // The place visited eight days ago is overdue now: one record fewer on schedule, at least.
            assertThat(later.onSchedule()).isLessThan(onPlan.onSchedule());
            worker.perform(get("/api/visits/plan").param("window", "OVERDUE").param("size", "200"))
                    .andExpect(jsonPath("$.content[?(@.subjectId == " + place + ")].status")
                            .value(hasItem("OVERDUE")))
                    .andExpect(jsonPath("$.content[?(@.subjectId == " + place + ")].lastVisitOn")
                            .value(hasItem(today().minusDays(8).toString())));
            worker.perform(get("/api/visits/plan/summary"))
                    .andExpect(jsonPath("$.overdue").isNumber());
        } finally {
            clock.advance(Duration.ofDays(-8));
        }
    }

    @Test
    void aVisitMadeOfflineCountsAtItsTimeAndTheTooOldAndTheFutureAreRefused() throws Exception {
        long place = keyPlace(worker, GRID, "离线走访场所");
        var twoDaysAgo = clock.instant().minus(Duration.ofDays(2));
        String body =
                placeVisit(place, UUID.randomUUID().toString()).replace("}", ",\"visitedAt\":\"" + twoDaysAgo + "\"}");
        visit(worker, body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.doneOn").value(today().minusDays(2).toString()));
        String old = placeVisit(place, UUID.randomUUID().toString())
                .replace("}", ",\"visitedAt\":\"" + clock.instant().minus(Duration.ofDays(4)) + "\"}");
        visit(worker, old)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("visitedAt"))
                .andExpect(jsonPath("$.errors[0].code").value("too-old"));
        String future = placeVisit(place, UUID.randomUUID().toString())
                .replace("}", ",\"visitedAt\":\"" + clock.instant().plus(Duration.ofHours(1)) + "\"}");
        visit(worker, future).andExpect(status().isUnprocessableEntity());
    }

    @Test
    void aFollowUpIsOneKindOfVisitWhicheverWayItIsRecorded() throws Exception {
        long person = resident(worker, GRID, "走访关注乙");
        long member = member(worker, "/api/registry/service-recipients", person, "EMPTY_NEST_ELDERLY", "{}", 30);
        visit(
                        worker,
                        "{\"subjectKind\":\"PERSON\",\"subjectId\":" + person + ",\"memberId\":" + member
                                + ",\"method\":\"PHONE\",\"content\":\"电话问候，身体尚好\",\"requestId\":\""
                                + UUID.randomUUID() + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.purpose").value("FOLLOW_UP"))
                .andExpect(jsonPath("$.method").value("PHONE"));
        worker.perform(get("/api/registry/service-recipients/" + member))
                .andExpect(jsonPath("$.followUps").value(1))
                .andExpect(jsonPath("$.lastFollowUpOn").value(today().toString()))
                .andExpect(jsonPath("$.nextDueOn").value(today().plusDays(30).toString()));

        GroupCalls.followUp(worker, "/api/registry/service-recipients", member, today().toString(), "HELP")
                .andExpect(status().isCreated());
        worker.perform(get("/api/visits").param("subjectKind", "PERSON").param("subjectId", String.valueOf(person)))
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content[*].purpose").value(hasItem("HELP")))
                .andExpect(jsonPath("$.content[*].memberId").value(hasItem((int) member)));

        // The registration belongs to the person named, not to anybody the caller picks.
        long other = resident(worker, GRID, "走访关注丙");
        visit(
                        worker,
                        "{\"subjectKind\":\"PERSON\",\"subjectId\":" + other + ",\"memberId\":" + member
                                + ",\"content\":\"走错人\",\"requestId\":\"" + UUID.randomUUID() + "\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("memberId"));
    }

    @Test
    void photosFollowTheVisitAndOnlyItsMakerAddsThem() throws Exception {
        long place = keyPlace(worker, GRID, "照片走访场所");
        long visit = id(
                visit(worker, placeVisit(place, UUID.randomUUID().toString())).andExpect(status().isCreated()));
        var file = new MockMultipartFile("file", "门口.png", "image/png", PNG);
        var stored = worker.perform(
                        multipart("/api/visits/" + visit + "/photos").file(file))
                .andExpect(status().isCreated())
                .andReturn();
        long photo = ((Number) JsonPath.read(stored.getResponse().getContentAsString(), "$.id")).longValue();
        worker.perform(get("/api/visits/" + visit + "/photos"))
                .andExpect(jsonPath("$.content[0].filename").value("门口.png"))
                .andExpect(jsonPath("$.content[0].size").value(PNG.length));
        township.perform(get("/api/visits/" + visit + "/photos/" + photo))
                .andExpect(status().isOk())
                .andExpect(content().bytes(PNG));
        township.perform(multipart("/api/visits/" + visit + "/photos").file(file))
                .andExpect(status().isForbidden());
        var text = new MockMultipartFile("file", "x.png", "image/png", "not a picture".getBytes());
        worker.perform(multipart("/api/visits/" + visit + "/photos").file(text)).andExpect(status().is4xxClientError());
    }

    @Test
    void badInputIsNamedAndRecordsOutsideTheScopeAreNotFound() throws Exception {
        visit(worker, "{\"subjectKind\":\"CASTLE\",\"purpose\":\"TEA\",\"method\":\"LETTER\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("requestId")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("subjectKind")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("subjectId")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("purpose")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("method")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("content")));
        long elsewhere = keyPlace(township, UNCOVERED_GRID, "邻格场所");
        visit(worker, placeVisit(elsewhere, UUID.randomUUID().toString())).andExpect(status().isNotFound());
        worker.perform(get("/api/visits/plan").param("window", "ALL").param("size", "200"))
                .andExpect(jsonPath("$.content[*].subjectId").value(not(hasItem((int) elsewhere))));
        // A plan is drawn for a village or a grid: a township at once would read every record of it.
        township.perform(get("/api/visits/plan"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("region"));
        township.perform(get("/api/visits/plan").param("region", "421381101001"))
                .andExpect(status().isOk());
        worker.perform(get("/api/visits/plan").param("window", "SOON")).andExpect(status().isBadRequest());
        worker.perform(get("/api/visits/targets").param("kind", "PLACE").param("q", "场所"))
                .andExpect(status().isOk());
        worker.perform(get("/api/visits/targets").param("kind", "PLANET").param("q", "x"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aCountyCenterKeepsTheSchedulesAndATownshipMayNot() throws Exception {
        worker.perform(get("/api/visits/schedules"))
                .andExpect(jsonPath("$[*].code").value(hasItem("KEY_PLACE_WEEKLY")));
        String change = "{\"intervalDays\":14}";
        township.perform(put("/api/visits/schedules/KEY_PLACE_WEEKLY")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("county-only"));
        county.perform(put("/api/visits/schedules/GROUP_MEMBER")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("intervalDays"));
        long place = keyPlace(worker, GRID, "改规则场所");
        try {
            county.perform(put("/api/visits/schedules/KEY_PLACE_WEEKLY")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(change))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.intervalDays").value(14))
                    .andExpect(jsonPath("$.updatedBy").value("县中心坐席员"));
            worker.perform(get("/api/visits/plan?window=ALL&size=200"))
                    .andExpect(jsonPath("$.content[?(@.subjectId == " + place + ")].dueOn")
                            .value(hasItem(today().plusDays(14).toString())));
        } finally {
            county.perform(put("/api/visits/schedules/KEY_PLACE_WEEKLY")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"intervalDays\":7}"));
        }
    }
}
