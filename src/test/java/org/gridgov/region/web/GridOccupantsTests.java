package org.gridgov.region.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.region.web.GeoJsonFixtures.collection;
import static org.gridgov.region.web.GeoJsonFixtures.feature;
import static org.gridgov.region.web.GeoJsonFixtures.square;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

/**
 * What lives in a grid (the registry's records and open events) decides whether and how it may end: a retirement
 * needs a reason and, while the grid holds anything, a successor grid that takes it all over with history; a merge
 * hands it to the merged grid; and the grid's own view leaves the head counts to the registry.
 */
@SpringBootTest
class GridOccupantsTests {

    /** Each test gets its own village of 马坪镇 and its own patch of map far from the demo county. */
    private static final AtomicInteger nextVillage = new AtomicInteger(700);

    private static final AtomicInteger nextPerson = new AtomicInteger(1);

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;
    String village;
    String gridA;
    String gridB;
    double lon;
    double lat = 22;

    @BeforeEach
    void villageWithTwoGrids() throws Exception {
        mvc = SignedIn.as(context, "county.operator");
        int n = nextVillage.getAndIncrement();
        village = "421381104" + n;
        lon = 110 + (n - 700) * 0.1;
        send("/api/regions", "{\"code\":\"" + village + "\",\"name\":\"撤并测试村" + n + "\",\"parentCode\":\"421381104\"}")
                .andExpect(status().isCreated());
        send(
                        "/api/grids/import",
                        collection(
                                feature(square(lon, lat, 0.01), "\"name\":\"甲\",\"villageCode\":\"" + village + "\""),
                                feature(
                                        square(lon + 0.01, lat, 0.01),
                                        "\"name\":\"乙\",\"villageCode\":\"" + village + "\"")))
                .andExpect(status().isOk());
        gridA = village + "101";
        gridB = village + "102";
    }

    @Test
    void retiringAGridNeedsAReason() throws Exception {
        mvc.perform(post("/api/grids/" + gridA + "/retire"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        for (String body : List.of("{}", "{\"reason\":\"\"}", "{\"reason\":\"   \"}", "{\"reason\":\"\\u0000\"}")) {
            send("/api/grids/" + gridA + "/retire", body)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("reason"))
                    .andExpect(jsonPath("$.errors[0].message").isNotEmpty())
                    .andExpect(jsonPath("$.errors[0].messageEn").isNotEmpty());
        }
        mvc.perform(get("/api/grids/" + gridA)).andExpect(jsonPath("$.status").value("ACTIVE"));
        send("/api/grids/" + gridA + "/retire", "{\"reason\":\"无人居住，撤销\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETIRED"));
    }

    @Test
    void anOccupiedGridIsNotRetiredWithoutASuccessorAndTheRefusalCountsWhatItHolds() throws Exception {
        resident(gridA);
        house(gridA);
        report(lon + 0.005, lat + 0.005);

        mvc.perform(get("/api/grids/" + gridA + "/contents"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.kind == 'residents')].count").value(1))
                .andExpect(jsonPath("$[?(@.kind == 'houses')].count").value(1))
                .andExpect(jsonPath("$[?(@.kind == 'openEvents')].count").value(1))
                .andExpect(jsonPath("$[?(@.kind == 'residents')].label").value("实有人口"));

        send("/api/grids/" + gridA + "/retire", "{\"reason\":\"撤并\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("successorCode"))
                .andExpect(jsonPath("$.errors[0].code").value("occupied"))
                .andExpect(jsonPath("$.errors[0].message", containsString("实有人口1")))
                .andExpect(jsonPath("$.errors[0].message", containsString("实有房屋1")))
                .andExpect(jsonPath("$.errors[0].message", containsString("未办结事件1")))
                .andExpect(jsonPath("$.errors[0].messageEn", containsString("residents 1")))
                .andExpect(jsonPath("$.detail", containsString("实有人口1")));
        mvc.perform(get("/api/grids/" + gridA)).andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    @Test
    void aSuccessorTakesOverResidentsHousesAndOpenEventsWithTheirHistory() throws Exception {
        long resident = resident(gridA);
        long house = house(gridA);
        long event = report(lon + 0.005, lat + 0.005);
        String eventStatus = JsonPath.read(body(mvc.perform(get("/api/events/" + event))), "$.status");

        send("/api/grids/" + gridA + "/retire", "{\"reason\":\"并入乙网格\",\"successorCode\":\"" + gridB + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETIRED"));

        mvc.perform(get("/api/registry/residents/" + resident))
                .andExpect(jsonPath("$.gridCode").value(gridB))
                .andExpect(jsonPath("$.version").value(1));
        String history = body(mvc.perform(get("/api/registry/residents/" + resident + "/history")));
        assertThat(JsonPath.<List<String>>read(history, "$.content[?(@.field == 'gridCode')].oldValue"))
                .containsExactly(gridA);
        assertThat(JsonPath.<List<String>>read(history, "$.content[?(@.field == 'gridCode')].newValue"))
                .containsExactly(gridB);
        assertThat(JsonPath.<List<String>>read(history, "$.content[?(@.field == 'gridCode')].note"))
                .singleElement()
                .asString()
                .contains("并入乙网格");
        mvc.perform(get("/api/registry/houses/" + house))
                .andExpect(jsonPath("$.house.gridCode").value(gridB));
        mvc.perform(get("/api/events/" + event))
                .andExpect(jsonPath("$.gridCode").value(gridB))
                .andExpect(jsonPath("$.status").value(eventStatus));
        String moves = body(mvc.perform(get("/api/events/" + event + "/history")));
        assertThat(JsonPath.<List<String>>read(moves, "$.content[*].move")).contains("GRID_CHANGED");

        mvc.perform(get("/api/grids/" + gridB + "/contents"))
                .andExpect(jsonPath("$[?(@.kind == 'residents')].count").value(1))
                .andExpect(jsonPath("$[?(@.kind == 'openEvents')].count").value(1));
        mvc.perform(get("/api/grid-adjustments").param("region", village))
                .andExpect(jsonPath("$.content[0].kind").value("RETIRE"))
                .andExpect(jsonPath("$.content[0].successorCode").value(gridB));
    }

    @Test
    void aGridWorkersCoverIsCountedAndFollowsTheSuccessor() throws Exception {
        var admin = SignedIn.as(context, "admin");
        String created = body(admin.perform(post("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"cover" + village + "\",\"realName\":\"甲格网格员\","
                        + "\"organizationCode\":\"421381-center\",\"scopeKind\":\"GRIDS\",\"scopeCode\":\""
                        + village + "\",\"gridCodes\":[\"" + gridA + "\"],\"initialPassword\":\"Xq7#mLp2vR\"}")));
        long worker = ((Number) JsonPath.read(created, "$.id")).longValue();

        mvc.perform(get("/api/grids/" + gridA + "/contents"))
                .andExpect(jsonPath("$[?(@.kind == 'gridWorkers')].count").value(1));
        send("/api/grids/" + gridA + "/retire", "{\"reason\":\"撤并\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message", containsString("网格员账户1")));

        send("/api/grids/" + gridA + "/retire", "{\"reason\":\"并入乙网格\",\"successorCode\":\"" + gridB + "\"}")
                .andExpect(status().isOk());
        admin.perform(get("/api/users/" + worker))
                .andExpect(jsonPath("$.gridCodes.length()").value(1))
                .andExpect(jsonPath("$.gridCodes[0]").value(gridB));
    }

    @Test
    void theSuccessorMustBeAnotherCurrentGridInScope() throws Exception {
        resident(gridA);
        send("/api/grids/" + gridA + "/retire", "{\"reason\":\"撤并\",\"successorCode\":\"4213811\\u0000\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("successorCode"))
                .andExpect(jsonPath("$.errors[0].code").value("control-character"));
        for (String successor : List.of(gridA, village + "199", "421381104799101")) {
            send("/api/grids/" + gridA + "/retire", "{\"reason\":\"撤并\",\"successorCode\":\"" + successor + "\"}")
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].field").value("successorCode"))
                    .andExpect(jsonPath("$.errors[0].code").value("unknown-successor"));
        }
        send("/api/grids/" + gridB + "/retire", "{\"reason\":\"撤销\"}").andExpect(status().isOk());
        send("/api/grids/" + gridA + "/retire", "{\"reason\":\"撤并\",\"successorCode\":\"" + gridB + "\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("unknown-successor"));
    }

    @Test
    void aMergedGridTakesOverWhatTheGridsItJoinsHeld() throws Exception {
        long first = resident(gridA);
        long second = resident(gridB);
        String merged = JsonPath.read(
                body(send(
                                "/api/grids/merge",
                                "{\"codes\":[\"" + gridA + "\",\"" + gridB + "\"],\"name\":\"甲乙\",\"reason\":\"合并\"}")
                        .andExpect(status().isOk())),
                "$.code");
        for (long resident : List.of(first, second)) {
            mvc.perform(get("/api/registry/residents/" + resident))
                    .andExpect(jsonPath("$.gridCode").value(merged));
        }
        mvc.perform(get("/api/grids/" + merged + "/contents"))
                .andExpect(jsonPath("$[?(@.kind == 'residents')].count").value(2));
    }

    @Test
    void theGridViewLeavesHeadCountsToTheRegistry() throws Exception {
        resident(gridA);
        mvc.perform(get("/api/grids/" + gridA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.population").doesNotExist())
                .andExpect(jsonPath("$.households").doesNotExist());
        mvc.perform(get("/api/registry/figures").param("region", gridA))
                .andExpect(jsonPath("$[0].code").value(gridA))
                .andExpect(jsonPath("$[0].residents").value(1));
        String exported = body(mvc.perform(get("/api/grids/export").param("region", village)));
        assertThat(exported).doesNotContain("\"population\"").doesNotContain("\"households\"");
    }

    private long resident(String grid) throws Exception {
        String body = body(send(
                        "/api/registry/residents",
                        "{\"gridCode\":\"" + grid + "\",\"name\":\"网格调整" + nextPerson.get() + "\",\"idNumber\":\""
                                + idNumber() + "\",\"kind\":\"REGISTERED\"}")
                .andExpect(status().isCreated()));
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private long house(String grid) throws Exception {
        String body = body(send(
                        "/api/registry/houses",
                        "{\"gridCode\":\"" + grid + "\",\"address\":\"撤并测试村 1 号\",\"use\":\"RESIDENTIAL\"}")
                .andExpect(status().isCreated()));
        return ((Number) JsonPath.read(body, "$.house.id")).longValue();
    }

    private long report(double lon, double lat) throws Exception {
        String major = JsonPath.read(body(mvc.perform(get("/api/event-categories"))), "$.content[0].code");
        String minor = JsonPath.read(
                body(mvc.perform(get("/api/event-categories").param("parent", major))), "$.content[0].code");
        String body = body(send(
                        "/api/events",
                        String.format(
                                Locale.ROOT,
                                "{\"requestId\":\"%s\",\"title\":\"网格调整测试\",\"categoryCode\":\"%s\","
                                        + "\"lon\":%s,\"lat\":%s}",
                                UUID.randomUUID(),
                                minor,
                                lon,
                                lat))
                .andExpect(status().isCreated()));
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** Valid ID numbers of people born in May 1985, apart from those other tests create. */
    private static String idNumber() {
        int n = nextPerson.getAndIncrement();
        String first17 = String.format("421381198505%02d%03d", 1 + n % 28, 500 + n);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private ResultActions send(String url, String json) throws Exception {
        return mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }
}
