package org.gridgov.event.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.event.web.EventCalls.GRID;
import static org.gridgov.event.web.EventCalls.body;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

/**
 * What a report must carry and where it may be filed: resends of one request, the lengths and values of its fields,
 * the grid taken from the point and checked against a grid sent along, reports that name their grid without a
 * point, and the grids a grid worker may report in.
 */
@SpringBootTest
class EventReportTests {

    /** Another grid of the same village, which the demo grid worker does not cover. */
    private static final String OTHER_GRID_OF_THE_VILLAGE = "421381101001103";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    MockMvc worker;
    MockMvc township;
    EventCalls calls;
    double[] otherPoint;

    @BeforeEach
    void setUp() throws Exception {
        worker = SignedIn.as(context, "grid.worker");
        township = SignedIn.as(context, "yz.operator");
        calls = EventCalls.reportingFirstCategory(worker);
        List<Double> label =
                JsonPath.read(body(township.perform(get("/api/grids/" + OTHER_GRID_OF_THE_VILLAGE))), "$.labelPoint");
        otherPoint = new double[] {label.get(0), label.get(1)};
    }

    private ResultActions report(MockMvc as, String json) throws Exception {
        return as.perform(
                post("/api/events").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String draft(String extra) {
        return "{\"title\":\"路灯不亮\",\"categoryCode\":\"" + calls.category + "\"" + (extra.isEmpty() ? "" : ",") + extra
                + "}";
    }

    private String at(double[] point) {
        return "\"lon\":" + point[0] + ",\"lat\":" + point[1];
    }

    @Test
    void twoResendsOfOneReportAtTheSameMomentAnswerTheSameEvent() throws Exception {
        for (int round = 0; round < 3; round++) {
            String requestId = UUID.randomUUID().toString();
            var start = new CyclicBarrier(2);
            var answers = Collections.synchronizedList(new ArrayList<String[]>());
            var threads = new ArrayList<Thread>();
            for (int i = 0; i < 2; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        start.await();
                        var response =
                                calls.report(worker, requestId).andReturn().getResponse();
                        answers.add(new String[] {"" + response.getStatus(), response.getContentAsString()});
                    } catch (Exception e) {
                        answers.add(new String[] {"-1", e.toString()});
                    }
                }));
            }
            for (var thread : threads) {
                thread.join();
            }
            assertThat(answers).extracting(a -> a[0]).containsExactlyInAnyOrder("201", "200");
            Object first = JsonPath.read(answers.get(0)[1], "$.id");
            Object second = JsonPath.read(answers.get(1)[1], "$.id");
            assertThat(first).isEqualTo(second);
            assertThat(jdbc.sql("select count(*) from event where request_id = :id")
                            .param("id", requestId)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void aRequestIdLongerThanSixtyFourCharactersIsNamedTooLong() throws Exception {
        report(worker, draft("\"requestId\":\"" + "r".repeat(65) + "\"," + at(calls.point)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("requestId"))
                .andExpect(jsonPath("$.errors[0].code").value("too-long"));
        report(worker, draft("\"requestId\":\"" + "r".repeat(64) + "\"," + at(calls.point)))
                .andExpect(status().isCreated());
    }

    @Test
    void aTitleOverTwoHundredCharactersAndAnUnknownSourceAreRefusedByName() throws Exception {
        report(
                        worker,
                        "{\"title\":\"" + "长".repeat(201) + "\",\"categoryCode\":\"" + calls.category + "\","
                                + at(calls.point) + ",\"source\":\"CARRIER_PIGEON\",\"address\":\"" + "路".repeat(301)
                                + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'title')].code").value("too-long"))
                .andExpect(jsonPath("$.errors[?(@.field == 'source')].code").value("unknown-value"))
                .andExpect(jsonPath("$.errors[?(@.field == 'address')].code").value("too-long"));
    }

    @Test
    void theGridComesFromThePointAndADisagreeingGridCodeIsRefusedByName() throws Exception {
        var county = SignedIn.as(context, "county.operator");
        report(county, draft(at(calls.point) + ",\"gridCode\":\"" + OTHER_GRID_OF_THE_VILLAGE + "\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("gridCode"))
                .andExpect(jsonPath("$.errors[0].code").value("mismatch"));
        report(county, draft(at(calls.point) + ",\"gridCode\":\"" + GRID + "\""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.gridCode").value(GRID));
    }

    @Test
    void aGridCodeOutsideTheCallersScopeIsRefusedNamingGridCode() throws Exception {
        var street = SignedIn.as(context, "ys.operator");
        report(street, draft("\"gridCode\":\"" + GRID + "\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("gridCode"))
                .andExpect(jsonPath("$.errors[0].code").value("outside-scope"));
        report(street, draft(at(calls.point) + ",\"gridCode\":\"" + GRID + "\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("gridCode"));
        report(street, draft(at(calls.point)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("lon"));
    }

    @Test
    void aGridWorkerReportsOnlyInTheGridsTheyCover() throws Exception {
        report(worker, draft(at(otherPoint)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("lon"))
                .andExpect(jsonPath("$.errors[0].code").value("outside-scope"));
        report(worker, draft("\"gridCode\":\"" + OTHER_GRID_OF_THE_VILLAGE + "\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("gridCode"));
        worker.perform(get("/api/events/locate")
                        .param("lon", "" + otherPoint[0])
                        .param("lat", "" + otherPoint[1]))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("outside-scope"));
        // The grid leader's scope is the whole village.
        report(SignedIn.as(context, "grid.leader"), draft(at(otherPoint)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.gridCode").value(OTHER_GRID_OF_THE_VILLAGE));
    }

    @Test
    void aReportWithoutAPointIsFiledUnderTheGridItNames() throws Exception {
        String body = body(report(worker, draft("\"gridCode\":\"" + GRID + "\",\"source\":\"HOTLINE\""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.gridCode").value(GRID))
                .andExpect(jsonPath("$.lon").isEmpty())
                .andExpect(jsonPath("$.lat").isEmpty())
                .andExpect(jsonPath("$.holderOrg").value("421381101-center")));
        int id = JsonPath.read(body, "$.id");
        township.perform(get("/api/events/" + id))
                .andExpect(jsonPath("$.gridName").value("站前社区第1网格"));
        report(worker, draft(""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lon"))
                .andExpect(jsonPath("$.errors[0].code").value("required"));
        report(worker, draft("\"lon\":113.8"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("lat")));
        report(worker, draft("\"gridCode\":\"421381101001999\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("gridCode"))
                .andExpect(jsonPath("$.errors[0].code").value("unknown"));
    }

    @Test
    void anAnswerAndALaterReadOfTheSameEventShowTheSameTimes() throws Exception {
        String created = body(calls.report(worker, UUID.randomUUID().toString()).andExpect(status().isCreated()));
        int id = JsonPath.read(created, "$.id");
        String read = body(township.perform(get("/api/events/" + id)));
        for (var field : List.of("$.reportedAt", "$.deadlineAt")) {
            assertThat((String) JsonPath.read(created, field)).isEqualTo(JsonPath.read(read, field));
        }
        String accepted = body(EventCalls.move(township, id, "accept", null).andExpect(status().isOk()));
        String again = body(township.perform(get("/api/events/" + id)));
        assertThat((String) JsonPath.read(accepted, "$.deadlineAt")).isEqualTo(JsonPath.read(again, "$.deadlineAt"));
    }
}
