package org.gridgov.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gridgov.MovableClock;
import org.gridgov.SignedIn;
import org.gridgov.field.internal.FieldRetention;
import org.gridgov.region.RegionApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

/**
 * The field day through the API, with the clock moved to days of their own (within the demo passwords' validity): a sign-in inside the worker's grid and a
 * sign-out outside it; a resent request id makes no second record; a month's attendance with its gap; the diary's
 * one entry a day, changed on its day only, with its photo; supervisors read within their scope only, the month
 * without points; figures per worker; the purge of sign-ins past their retention.
 */
@SpringBootTest
@Import(MovableClock.Config.class)
class FieldDayTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** grid.worker's grids lie in 站前社区 of 杨寨镇; grid.leader leads the village. */
    private static final String GRID = "421381101001101";

    private static final String VILLAGE = "421381101001";

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @Autowired
    WebApplicationContext context;

    @Autowired
    MovableClock clock;

    @Autowired
    RegionApi regions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FieldRetention retention;

    @Autowired
    FieldApi fieldApi;

    MockMvc worker;
    MockMvc leader;

    double[] inside;
    double[] outside;

    @BeforeEach
    void signIn() throws Exception {
        worker = SignedIn.as(context, "grid.worker");
        leader = SignedIn.as(context, "grid.leader");
        inside = regions.currentGrid(GRID).orElseThrow().labelPoint();
        // A grid of 应山街道, another township: no grid of grid.worker's.
        String far = regions.gridCodesUnder("421381001").getFirst();
        outside = regions.currentGrid(far).orElseThrow().labelPoint();
    }

    private void at(String day, String time) {
        clock.set(
                LocalDate.parse(day).atTime(LocalTime.parse(time)).atZone(ZONE).toInstant());
    }

    private static String body(ResultActions actions) throws Exception {
        return actions.andReturn().getResponse().getContentAsString();
    }

    private ResultActions sign(MockMvc as, String kind, double[] point, String requestId) throws Exception {
        return as.perform(post("/api/field/my/sign-ins")
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"kind":"%s","lon":%s,"lat":%s,"accuracy":12.5,"device":"测试手机","requestId":"%s"}""".formatted(kind, point[0], point[1], requestId)));
    }

    private long workerId() throws Exception {
        at("2027-01-04", "09:00");
        String answer = body(sign(worker, "IN", inside, "worker-id-probe").andExpect(status().is2xxSuccessful()));
        return ((Number) JsonPath.read(answer, "$.userId")).longValue();
    }

    @Test
    void aSignInInsideTheGridAndASignOutOutsideItMakeTheDay() throws Exception {
        at("2027-01-11", "08:30");
        sign(worker, "IN", inside, UUID.randomUUID().toString())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("IN"))
                .andExpect(jsonPath("$.inside").value(true))
                .andExpect(jsonPath("$.gridCode").value(GRID))
                .andExpect(jsonPath("$.day").value("2027-01-11"))
                .andExpect(jsonPath("$.gridName").isNotEmpty());
        at("2027-01-11", "17:45");
        sign(worker, "OUT", outside, UUID.randomUUID().toString())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.inside").value(false))
                .andExpect(jsonPath("$.gridCode").value(GRID));

        worker.perform(get("/api/field/my/day"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.day").value("2027-01-11"))
                .andExpect(jsonPath("$.status").value("PRESENT"))
                .andExpect(jsonPath("$.firstInInside").value(true))
                .andExpect(jsonPath("$.lastOutInside").value(false))
                .andExpect(jsonPath("$.hours").value(9.3))
                .andExpect(jsonPath("$.records.length()").value(2));

        // A day signed in only from outside the worker's grids stands as outside.
        at("2027-01-12", "08:30");
        sign(worker, "IN", outside, UUID.randomUUID().toString())
                .andExpect(jsonPath("$.inside").value(false));
        worker.perform(get("/api/field/my/day"))
                .andExpect(jsonPath("$.status").value("OUTSIDE"))
                .andExpect(jsonPath("$.hours").doesNotExist());
    }

    @Test
    void aResentRequestIdAnswersTheFirstRecordAndAddsNone() throws Exception {
        at("2027-01-13", "08:30");
        String id = UUID.randomUUID().toString();
        String first = body(sign(worker, "IN", inside, id).andExpect(status().isCreated()));
        at("2027-01-13", "08:35");
        String again = body(sign(worker, "IN", outside, id).andExpect(status().isOk()));
        assertThat(JsonPath.<Integer>read(again, "$.id")).isEqualTo(JsonPath.<Integer>read(first, "$.id"));
        assertThat(JsonPath.<String>read(again, "$.at")).isEqualTo(JsonPath.<String>read(first, "$.at"));
        assertThat(JsonPath.<Boolean>read(again, "$.inside")).isTrue();
        long rows = jdbc.sql("select count(*) from field_sign where request_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void aSignInKeptOnThePhoneOfflineCountsAtItsTapAndTheDayItWasMade() throws Exception {
        at("2027-01-19", "09:10");
        String taken = LocalDate.parse("2027-01-18")
                .atTime(8, 20)
                .atZone(ZONE)
                .toInstant()
                .toString();
        String answer = body(worker.perform(post("/api/field/my/sign-ins")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"IN","lon":%s,"lat":%s,"requestId":"%s","takenAt":"%s"}""".formatted(inside[0], inside[1], UUID.randomUUID(), taken)))
                .andExpect(status().isCreated()));
        assertThat(JsonPath.<String>read(answer, "$.day")).isEqualTo("2027-01-18");
        assertThat(java.time.Instant.parse(JsonPath.read(answer, "$.at"))).isEqualTo(java.time.Instant.parse(taken));
        assertThat(java.time.Instant.parse(JsonPath.read(answer, "$.receivedAt")))
                .isEqualTo(
                        LocalDate.parse("2027-01-19").atTime(9, 10).atZone(ZONE).toInstant());
        worker.perform(get("/api/field/my/day").param("day", "2027-01-18"))
                .andExpect(jsonPath("$.status").value("PRESENT"));

        for (var refused : java.util.Map.of(
                        LocalDate.parse("2027-01-15").atTime(8, 0), "too-old",
                        LocalDate.parse("2027-01-19").atTime(10, 0), "future")
                .entrySet()) {
            worker.perform(post("/api/field/my/sign-ins")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"kind":"IN","lon":%s,"lat":%s,"requestId":"%s","takenAt":"%s"}""".formatted(
                                            inside[0],
                                            inside[1],
                                            UUID.randomUUID(),
                                            refused.getKey().atZone(ZONE).toInstant())))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].field").value("takenAt"))
                    .andExpect(jsonPath("$.errors[0].code").value(refused.getValue()));
        }
    }

    @Test
    void badSignInsAreRefusedNamingTheField() throws Exception {
        worker.perform(post("/api/field/my/sign-ins")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"IN\",\"lat\":31.6,\"requestId\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("lon", "requestId")));
        worker.perform(post("/api/field/my/sign-ins")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"IN\",\"lon\":500,\"lat\":31.6,\"requestId\":\"abcdefgh12\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lon"));
    }

    @Test
    void theMonthShowsTheWorkingDayWithoutASignInAsAGapAndNoPoints() throws Exception {
        at("2027-02-01", "08:20");
        sign(worker, "IN", inside, UUID.randomUUID().toString()).andExpect(status().isCreated());
        at("2027-02-01", "17:50");
        sign(worker, "OUT", inside, UUID.randomUUID().toString()).andExpect(status().isCreated());
        // Tuesday 2 February: no sign-in.
        at("2027-02-03", "08:40");
        sign(worker, "IN", inside, UUID.randomUUID().toString()).andExpect(status().isCreated());
        at("2027-02-04", "10:00");

        String month = body(leader.perform(get("/api/field/attendance").param("month", "2027-02"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regionCode").value(VILLAGE))
                .andExpect(jsonPath("$.days.length()").value(28))
                .andExpect(jsonPath("$.days[5].workingDay").value(false)));
        List<Map<String, Object>> rows = JsonPath.read(month, "$.workers.content[?(@.workerName == '网格员')]");
        assertThat(rows).hasSize(1);
        @SuppressWarnings("unchecked")
        var cells = (List<Map<String, Object>>) rows.getFirst().get("cells");
        assertThat(cells.subList(0, 5))
                .extracting(c -> c.get("status"))
                .containsExactly("PRESENT", "GAP", "PRESENT", "PENDING", "PENDING");
        assertThat(cells.getFirst()).containsEntry("hours", 9.5);
        assertThat(rows.getFirst()).containsEntry("present", 2).containsEntry("gaps", 1);
        assertThat(month).as("the month carries times, never points").doesNotContain("\"lon\"", "\"lat\"");

        // The supervisor drills into the day, points included.
        long id = ((Number) rows.getFirst().get("userId")).longValue();
        leader.perform(get("/api/field/workers/" + id + "/days/2027-02-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PRESENT"))
                .andExpect(jsonPath("$.records[0].lon").value(inside[0]));
        long audited = jdbc.sql(
                        "select count(*) from audit_log where action = 'VIEW_PERSONAL' and object_type = 'field-day'"
                                + " and object_id = :id")
                .param("id", id + "/2027-02-01")
                .query(Long.class)
                .single();
        assertThat(audited).as("the supervisor's view of the points is audited").isEqualTo(1);
        leader.perform(get("/api/field/workers/" + id + "/days/2027-02-02"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("GAP"));
    }

    @Test
    void anotherTownshipsOperatorSeesNothingOfTheWorkerAndAColleagueCannotReadIt() throws Exception {
        long id = workerId();
        var other = SignedIn.as(context, "ys.operator");
        other.perform(get("/api/field/workers/" + id + "/days/2027-01-04")).andExpect(status().isNotFound());
        other.perform(get("/api/field/attendance").param("region", VILLAGE)).andExpect(status().isNotFound());
        other.perform(get("/api/field/diary").param("region", VILLAGE)).andExpect(status().isNotFound());
        String own = body(other.perform(get("/api/field/attendance").param("month", "2027-01"))
                .andExpect(status().isOk()));
        assertThat(JsonPath.<List<Integer>>read(own, "$.workers.content[*].userId"))
                .doesNotContain((int) id);
        String figures = body(other.perform(
                        get("/api/field/figures").param("from", "2027-01-01").param("to", "2027-01-31"))
                .andExpect(status().isOk()));
        assertThat(JsonPath.<List<String>>read(figures, "$.content[*].key")).doesNotContain(String.valueOf(id));

        // The township's own operator reads the day, and a colleague on the same grids reads none of it.
        SignedIn.as(context, "yz.operator")
                .perform(get("/api/field/workers/" + id + "/days/2027-01-04"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.records[0].lat").value(inside[1]));
        SignedIn.as(context, "grid.assistant")
                .perform(get("/api/field/workers/" + id + "/days/2027-01-04"))
                .andExpect(status().isForbidden());
    }

    private long photo(MockMvc as, byte[] data) throws Exception {
        String answer = body(as.perform(multipart("/api/field/my/photos")
                        .file(new MockMultipartFile("file", "现场.png", "image/png", data)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/png")));
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    @Test
    void theDiaryHasOneEntryADayItsAuthorChangesOnThatDayOnly() throws Exception {
        at("2027-01-19", "16:00");
        long photo = photo(worker, PNG);
        worker.perform(multipart("/api/field/my/photos")
                        .file(new MockMultipartFile("file", "a.png", "image/png", "not an image".getBytes())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].code").value("type"));
        String request = UUID.randomUUID().toString();
        String entry = """
                {"requestId":"%s","seen":"3 号楼楼道堆放杂物","done":"通知楼栋长清理","lon":%s,"lat":%s,"photoIds":[%d]}""".formatted(request, inside[0], inside[1], photo);
        String written = body(worker.perform(post("/api/field/my/diary")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(entry))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.day").value("2027-01-19"))
                .andExpect(jsonPath("$.gridCode").value(GRID))
                .andExpect(jsonPath("$.photos.length()").value(1))
                .andExpect(jsonPath("$.editable").value(true)));
        long id = ((Number) JsonPath.read(written, "$.id")).longValue();
        // Sent again (no network answer the first time): the same entry.
        worker.perform(post("/api/field/my/diary")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(entry))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
        // A second entry of the day is refused: the day's entry is changed instead.
        worker.perform(post("/api/field/my/diary")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"requestId\":\"" + UUID.randomUUID() + "\",\"seen\":\"另一篇\"}"))
                .andExpect(status().isConflict());

        at("2027-01-19", "20:00");
        worker.perform(put("/api/field/my/diary/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seen\":\"3 号楼楼道堆放杂物，已清理\",\"photoIds\":[" + photo + "],\"version\":1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.lon").doesNotExist())
                .andExpect(jsonPath("$.photos.length()").value(1));
        worker.perform(get("/api/field/my/diary/" + id + "/photos/" + photo))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"));

        // The supervisor of the village reads it and its photo; another township sees neither.
        leader.perform(get("/api/field/diary").param("from", "2027-01-01").param("to", "2027-01-31"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.id == " + id + ")].seen").value("3 号楼楼道堆放杂物，已清理"))
                .andExpect(jsonPath("$.content[?(@.id == " + id + ")].editable").value(false));
        leader.perform(get("/api/field/diary/" + id + "/photos/" + photo)).andExpect(status().isOk());
        SignedIn.as(context, "ys.operator")
                .perform(get("/api/field/diary/" + id + "/photos/" + photo))
                .andExpect(status().isNotFound());

        at("2027-01-20", "08:00");
        worker.perform(put("/api/field/my/diary/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seen\":\"改昨天的\",\"version\":2}"))
                .andExpect(status().isConflict());
        worker.perform(get("/api/field/my/diary").param("from", "2027-01-01"))
                .andExpect(jsonPath("$.content[0].id").value(id))
                .andExpect(jsonPath("$.content[0].editable").value(false));
        // Another worker's photo cannot be taken into one's own entry.
        var assistant = SignedIn.as(context, "grid.assistant");
        assistant
                .perform(post("/api/field/my/diary")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"requestId\":\"" + UUID.randomUUID() + "\",\"seen\":\"借用照片\",\"photoIds\":[" + photo
                                + "]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("photoIds"));
    }

    @Test
    void theFiguresCountSignInDaysWorkingDaysAndDiaryEntries() throws Exception {
        at("2027-01-25", "08:30");
        sign(worker, "IN", inside, UUID.randomUUID().toString()).andExpect(status().isCreated());
        sign(worker, "IN", inside, UUID.randomUUID().toString()).andExpect(status().isCreated());
        worker.perform(post("/api/field/my/diary")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"requestId\":\"" + UUID.randomUUID() + "\",\"seen\":\"平安无事\"}"))
                .andExpect(status().isCreated());
        at("2027-01-26", "08:30");
        sign(worker, "IN", inside, UUID.randomUUID().toString()).andExpect(status().isCreated());
        at("2027-01-28", "18:00");

        var figures = fieldApi.figures(
                VILLAGE, LocalDate.parse("2027-01-25"), LocalDate.parse("2027-01-31"), FieldSubject.WORKER);
        var mine = figures.stream().filter(f -> f.name().equals("网格员")).toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst())
                .extracting(FieldFigure::signInDays, FieldFigure::workingDays, FieldFigure::diaryEntries)
                .containsExactly(2, 4, 1);
        SignedIn.as(context, "yz.operator")
                .perform(get("/api/field/figures")
                        .param("region", VILLAGE)
                        .param("from", "2027-01-25")
                        .param("to", "2027-01-31")
                        .param("by", "GRID"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.key == '" + GRID + "')].signInDays")
                        .value(2))
                .andExpect(jsonPath("$.content[?(@.key == '" + GRID + "')].diaryEntries")
                        .value(1));
    }

    @Test
    void signInsOlderThanTheRetentionArePurged() throws Exception {
        at("2025-06-30", "08:30");
        String old = UUID.randomUUID().toString();
        sign(worker, "IN", inside, old).andExpect(status().isCreated());
        at("2025-07-01", "08:30");
        String kept = UUID.randomUUID().toString();
        sign(worker, "IN", inside, kept).andExpect(status().isCreated());

        at("2026-07-01", "03:00");
        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);
        var left = jdbc.sql("select request_id from field_sign where request_id in (:old, :kept)")
                .param("old", old)
                .param("kept", kept)
                .query(String.class)
                .list();
        assertThat(left).containsExactly(kept);
    }
}
