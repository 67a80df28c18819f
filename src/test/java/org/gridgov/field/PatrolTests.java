package org.gridgov.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

/**
 * Patrols through the API, by the demo grid worker in one of their grids of 站前社区 (杨寨镇): the server's clock
 * starts them, a start and a batch of points sent twice count once, moves the status does not allow are refused with
 * 409, pauses leave out their time and distance, the stop works out the figures, an event the worker reports during
 * the patrol is linked to it, supervisors in scope read it and others do not, and the figures per worker, grid and
 * village.
 */
@SpringBootTest
@Import(MovableClock.Config.class)
class PatrolTests {

    static final String GRID = "421381101001101";

    @Autowired
    WebApplicationContext context;

    @Autowired
    MovableClock clock;

    @Autowired
    RegionApi regions;

    @Autowired
    Patrols patrols;

    MockMvc worker;
    double[] centre;

    @BeforeEach
    void setUp() throws Exception {
        worker = SignedIn.as(context, "grid.worker");
        centre = regions.currentGrid(GRID).orElseThrow().labelPoint();
        // Each test starts with the worker off patrol.
        String current = body(worker, "/api/patrols/mine/current");
        java.util.Map<String, Object> open = JsonPath.read(current, "$.patrol");
        if (open != null) {
            worker.perform(post("/api/patrols/mine/" + open.get("id") + "/stop"))
                    .andExpect(status().isOk());
        }
    }

    /** The other tests of this context, and its schedules, go on at the real time. */
    @org.junit.jupiter.api.AfterEach
    void backToNow() {
        clock.set(Instant.now());
    }

    private static String body(MockMvc as, String url) throws Exception {
        return as.perform(get(url))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private ResultActions send(String url, String json) throws Exception {
        return worker.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private long start(String requestId) throws Exception {
        String answer = send("/api/patrols/mine", "{\"requestId\":\"" + requestId + "\",\"gridCode\":\"" + GRID + "\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    /** A point {@code east} metres east of the grid's label point, recorded now by the device. */
    private String point(int seq, double east, int accuracy) {
        double lon = centre[0] + east / (111_195 * Math.cos(Math.toRadians(centre[1])));
        return String.format(
                "{\"seq\":%d,\"recordedAt\":\"%s\",\"lon\":%.7f,\"lat\":%.7f,\"accuracy\":%d}",
                seq, clock.instant(), lon, centre[1], accuracy);
    }

    private ResultActions upload(long id, List<String> points) throws Exception {
        return send("/api/patrols/mine/" + id + "/points", "{\"points\":[" + String.join(",", points) + "]}");
    }

    /** Walks east along the label point's parallel, a point every 30 s and 30 m, from seq {@code first}. */
    private List<String> walk(int first, int count, double fromEast) {
        var points = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            clock.advance(Duration.ofSeconds(30));
            points.add(point(first + i, fromEast + 30 * i, 8));
        }
        return points;
    }

    @Test
    void aStartTakesTheServersTimeAndASecondSendOfItStartsNothingNew() throws Exception {
        Instant now = Instant.parse("2026-12-02T00:30:00Z");
        clock.set(now);
        String requestId = UUID.randomUUID().toString();
        long id = start(requestId);
        send("/api/patrols/mine", "{\"requestId\":\"" + requestId + "\",\"gridCode\":\"" + GRID + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.startedAt").value(now.toString()))
                .andExpect(jsonPath("$.status").value("RUNNING"));
        // Another start while this one runs.
        send("/api/patrols/mine", "{\"requestId\":\"other-" + requestId + "\",\"gridCode\":\"" + GRID + "\"}")
                .andExpect(status().isConflict());
        // A grid the worker does not cover.
        send("/api/patrols/mine", "{\"requestId\":\"x-" + requestId + "\",\"gridCode\":\"421381001001101\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("gridCode"));
        send("/api/patrols/mine", "{\"requestId\":\"a\\u0000b\",\"gridCode\":\"" + GRID + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("requestId"));
    }

    @Test
    void aBatchSentTwiceIsStoredOnceAndBadPointsAreKeptWithoutCounting() throws Exception {
        clock.set(Instant.parse("2026-12-02T01:00:00Z"));
        long id = start(UUID.randomUUID().toString());
        var points = walk(0, 5, 0);
        upload(id, points)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.received").value(5))
                .andExpect(jsonPath("$.stored").value(5))
                .andExpect(jsonPath("$.maxSeq").value(4));
        upload(id, points).andExpect(jsonPath("$.stored").value(0));
        // 2 km in 30 s (240 km/h) is a GPS jump; an error estimate of 800 m is too blurred to count.
        clock.advance(Duration.ofSeconds(30));
        var jump = point(5, 2_000, 8);
        clock.advance(Duration.ofSeconds(30));
        var blurred = point(6, 150, 800);
        clock.advance(Duration.ofSeconds(30));
        var on = point(7, 150, 8);
        String answer = upload(id, List.of(on, jump, blurred))
                .andExpect(jsonPath("$.stored").value(3))
                .andReturn()
                .getResponse()
                .getContentAsString();
        double metres = ((Number) JsonPath.read(answer, "$.distanceMetres")).doubleValue();
        assertThat(metres).isCloseTo(150, within(1.0));

        String track = body(worker, "/api/patrols/mine/" + id + "/track");
        List<Integer> seqs = JsonPath.read(track, "$.points.content[*].seq");
        assertThat(seqs).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        List<Boolean> counted = JsonPath.read(track, "$.points.content[*].counted");
        assertThat(counted).containsExactly(true, true, true, true, true, false, false, true);

        upload(id, List.of("{\"seq\":-1,\"recordedAt\":null,\"lon\":200,\"lat\":31,\"accuracy\":5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                "points[0].seq", "points[0].recordedAt", "points[0].lon")));
    }

    @Test
    void movesTheStatusDoesNotAllowAreRefusedAndPausesLeaveOutTheirTimeAndDistance() throws Exception {
        clock.set(Instant.parse("2026-12-02T02:00:00Z"));
        long id = start(UUID.randomUUID().toString());
        worker.perform(post("/api/patrols/mine/" + id + "/resume")).andExpect(status().isConflict());
        upload(id, walk(0, 3, 0)).andExpect(status().isOk()); // 60 m in 90 s
        worker.perform(post("/api/patrols/mine/" + id + "/pause"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAUSED"));
        worker.perform(post("/api/patrols/mine/" + id + "/pause")).andExpect(status().isConflict());
        // Ten minutes and 600 m while paused: neither counts.
        clock.advance(Duration.ofMinutes(5));
        var during = point(3, 300, 8);
        clock.advance(Duration.ofMinutes(5));
        upload(id, List.of(during)).andExpect(status().isOk());
        worker.perform(post("/api/patrols/mine/" + id + "/resume")).andExpect(status().isOk());
        var after = walk(4, 3, 600); // 60 m in 90 s after the pause
        String stopped = worker.perform(post("/api/patrols/mine/" + id + "/stop")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"points\":[" + String.join(",", after) + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("STOPPED"))
                .andExpect(jsonPath("$.movingSeconds").value(180))
                .andExpect(jsonPath("$.pointCount").value(7))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<Number>read(stopped, "$.distanceMetres").doubleValue())
                .isCloseTo(120, within(1.0));
        assertThat(JsonPath.<Number>read(stopped, "$.coverage").doubleValue()).isGreaterThan(0);
        worker.perform(post("/api/patrols/mine/" + id + "/stop")).andExpect(status().isConflict());
        worker.perform(post("/api/patrols/mine/" + id + "/pause")).andExpect(status().isConflict());
        upload(id, walk(7, 1, 700)).andExpect(status().isConflict());

        String track = body(worker, "/api/patrols/mine/" + id + "/track");
        assertThat(JsonPath.<List<Object>>read(track, "$.pauses")).hasSize(1);
        assertThat(JsonPath.<List<Object>>read(track, "$.outline")).isNotEmpty();
    }

    @Test
    void anEventReportedDuringThePatrolIsLinkedToIt() throws Exception {
        clock.set(Instant.now());
        long id = start(UUID.randomUUID().toString());
        upload(id, walk(0, 2, 0)).andExpect(status().isOk());
        var operator = SignedIn.as(context, "yz.operator");
        String majors = body(operator, "/api/event-categories");
        String major = JsonPath.read(majors, "$.content[0].code");
        String minors = operator.perform(get("/api/event-categories").param("parent", major))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String category = JsonPath.read(minors, "$.content[0].code");
        String reported = send(
                        "/api/events",
                        "{\"requestId\":\"" + UUID.randomUUID() + "\",\"title\":\"巡查发现井盖缺失\",\"categoryCode\":\""
                                + category + "\",\"urgency\":\"NORMAL\",\"lon\":" + centre[0] + ",\"lat\":" + centre[1]
                                + "}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long event = ((Number) JsonPath.read(reported, "$.id")).longValue();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String patrol = body(worker, "/api/patrols/mine/" + id);
            assertThat(JsonPath.<List<Integer>>read(patrol, "$.events[*].eventId"))
                    .containsExactly((int) event);
        });
        String patrol = body(worker, "/api/patrols/mine/" + id);
        assertThat(JsonPath.<String>read(patrol, "$.events[0].title")).isEqualTo("巡查发现井盖缺失");
    }

    @Test
    void aVisitMadeDuringThePatrolIsLinkedToIt() throws Exception {
        clock.set(Instant.now());
        long id = start(UUID.randomUUID().toString());
        upload(id, walk(0, 2, 0)).andExpect(status().isOk());
        String place = send(
                        "/api/registry/places",
                        "{\"gridCode\":\"" + GRID
                                + "\",\"name\":\"巡查途中小卖部\",\"type\":\"SHOP\",\"address\":\"站前路 3 号\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long placeId = ((Number) JsonPath.read(place, "$.id")).longValue();
        String visited = send(
                        "/api/visits",
                        "{\"requestId\":\"" + UUID.randomUUID() + "\",\"subjectKind\":\"PLACE\",\"subjectId\":"
                                + placeId + ",\"purpose\":\"SAFETY\",\"content\":\"灭火器在有效期内\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long visit = ((Number) JsonPath.read(visited, "$.id")).longValue();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String patrol = body(worker, "/api/patrols/mine/" + id);
            assertThat(JsonPath.<List<Integer>>read(patrol, "$.visits[*].visitId"))
                    .containsExactly((int) visit);
        });
        String patrol = body(worker, "/api/patrols/mine/" + id);
        assertThat(JsonPath.<String>read(patrol, "$.visits[0].subjectName")).isEqualTo("巡查途中小卖部");
    }

    @Test
    void supervisorsInScopeReadThePatrolAndOthersFindNothing() throws Exception {
        clock.set(Instant.parse("2026-12-02T03:00:00Z"));
        long id = start(UUID.randomUUID().toString());
        upload(id, walk(0, 4, 0)).andExpect(status().isOk());
        worker.perform(post("/api/patrols/mine/" + id + "/stop")).andExpect(status().isOk());

        for (String supervisor : List.of("grid.leader", "yz.operator", "county.leader")) {
            var as = SignedIn.as(context, supervisor);
            as.perform(get("/api/patrols/" + id))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.workerName").exists());
            as.perform(get("/api/patrols/" + id + "/track"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.points.content.length()").value(4));
        }
        var other = SignedIn.as(context, "ys.operator");
        other.perform(get("/api/patrols/" + id)).andExpect(status().isNotFound());
        other.perform(get("/api/patrols/" + id + "/track")).andExpect(status().isNotFound());
        other.perform(get("/api/patrols").param("region", "421381101")).andExpect(status().isNotFound());
        // A teammate records patrols of their own but reads no one else's.
        var assistant = SignedIn.as(context, "grid.assistant");
        assistant.perform(get("/api/patrols/" + id)).andExpect(status().isForbidden());
        assistant.perform(get("/api/patrols/mine/" + id + "/track")).andExpect(status().isNotFound());

        String day =
                LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")).toString();
        String list = body(SignedIn.as(context, "grid.leader"), "/api/patrols?region=" + GRID + "&day=" + day);
        assertThat(JsonPath.<List<Integer>>read(list, "$.content[*].id")).contains((int) id);
    }

    @Test
    void figuresCountTheStoppedPatrolsPerWorkerGridAndVillage() throws Exception {
        clock.set(Instant.parse("2025-06-10T01:00:00Z"));
        long id = start(UUID.randomUUID().toString());
        upload(id, walk(0, 11, 0)).andExpect(status().isOk()); // 300 m in 5.5 min
        worker.perform(post("/api/patrols/mine/" + id + "/stop")).andExpect(status().isOk());
        var day = LocalDate.parse("2025-06-10");

        var leader = SignedIn.as(context, "grid.leader");
        String byGrid = body(leader, "/api/patrols/figures?by=GRID&from=2025-06-10&to=2025-06-10");
        assertThat(JsonPath.<List<String>>read(byGrid, "$.content[*].code")).contains(GRID);
        List<Double> km = JsonPath.read(byGrid, "$.content[?(@.code == '" + GRID + "')].kilometres");
        assertThat(km.getFirst()).isGreaterThanOrEqualTo(0.29);
        leader.perform(get("/api/patrols/figures")).andExpect(status().isBadRequest());

        var village = patrols.figures(PatrolFigures.By.VILLAGE, "421381101", day, day);
        assertThat(village).extracting(PatrolFigures::code).contains("421381101001");
        assertThat(village.stream()
                        .filter(f -> f.code().equals("421381101001"))
                        .findFirst()
                        .orElseThrow()
                        .name())
                .isEqualTo("站前社区");
        var workers = patrols.figures(PatrolFigures.By.WORKER, GRID, day, day);
        assertThat(workers).isNotEmpty();
        assertThat(workers.getFirst().patrols()).isGreaterThanOrEqualTo(1);
        assertThat(workers.getFirst().hours()).isCloseTo(5.5 / 60, within(0.01));
    }
}
