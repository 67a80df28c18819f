package org.gridgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

/**
 * A grid worker's scope is their grids (and the micro-grids below them), not their village: what lies in a sibling
 * grid of the same village is not found, in every module, while the grid leader, whose scope is the village, still
 * sees it. The sibling is the first grid of the village, other than the worker's, that the demo filled with people,
 * houses and places.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GridScopeTests {

    private static final String VILLAGE = "421381101001";
    private static final Set<String> OWN = Set.of("421381101001101", "421381101001102");

    @Autowired
    WebApplicationContext context;

    MockMvc worker;
    MockMvc assistant;
    MockMvc leader;
    MockMvc township;

    String sibling;
    long resident;
    long house;
    long place;
    long event;

    @BeforeAll
    void findWhatLiesInASiblingGrid() throws Exception {
        worker = SignedIn.as(context, "grid.worker");
        assistant = SignedIn.as(context, "grid.assistant");
        leader = SignedIn.as(context, "grid.leader");
        township = SignedIn.as(context, "yz.operator");
        List<String> grids = JsonPath.read(
                body(leader.perform(get("/api/regions/" + VILLAGE + "/children").param("size", "500"))),
                "$.content[*].code");
        for (String grid : grids) {
            if (!OWN.contains(grid) && first(leader, "/api/registry/residents", grid) != null) {
                sibling = grid;
                break;
            }
        }
        assertThat(sibling)
                .as("a grid of %s beside the worker's with demo people", VILLAGE)
                .isNotNull();
        resident = first(leader, "/api/registry/residents", sibling);
        house = first(leader, "/api/registry/houses", sibling);
        place = first(leader, "/api/registry/places", sibling);

        List<Double> point = JsonPath.read(body(leader.perform(get("/api/grids/" + sibling))), "$.labelPoint");
        String reported = body(township.perform(post("/api/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"requestId\":\"" + UUID.randomUUID() + "\",\"title\":\"邻格占道经营\","
                                + "\"categoryCode\":\"0406\",\"gridCode\":\"" + sibling + "\",\"lon\":"
                                + point.get(0) + ",\"lat\":" + point.get(1) + "}"))
                .andExpect(status().isCreated()));
        event = ((Number) JsonPath.read(reported, "$.id")).longValue();
    }

    /** The id of the newest record of a list in a grid, or null when it has none. */
    private static Long first(MockMvc as, String path, String grid) throws Exception {
        String page = body(
                as.perform(get(path).param("gridCode", grid).param("size", "1")).andExpect(status().isOk()));
        List<Number> ids = JsonPath.read(page, "$.content[*].id");
        return ids.isEmpty() ? null : ids.getFirst().longValue();
    }

    private List<String> siblingReads() {
        var paths = new ArrayList<>(List.of(
                "/api/registry/residents/" + resident,
                "/api/registry/residents/" + resident + "/history",
                "/api/registry/houses/" + house,
                "/api/registry/houses/" + house + "/history",
                "/api/registry/places/" + place,
                "/api/registry/places/" + place + "/history",
                "/api/events/" + event,
                "/api/events/" + event + "/history",
                "/api/events/" + event + "/attachments",
                "/api/events/" + event + "/delay-requests",
                "/api/events/" + event + "/merged-reporters",
                "/api/grids/" + sibling,
                "/api/grids/" + sibling + "/versions",
                "/api/regions/" + sibling,
                "/api/regions/" + sibling + "/children"));
        return paths;
    }

    @Test
    void aGridWorkerFindsNothingOfASiblingGridWhileTheGridLeaderSeesIt() throws Exception {
        for (String path : siblingReads()) {
            for (var as : List.of(worker, assistant)) {
                as.perform(get(path)).andExpect(status().isNotFound());
            }
            leader.perform(get(path)).andExpect(status().isOk());
        }
        worker.perform(get("/api/registry/figures").param("region", sibling)).andExpect(status().isNotFound());
        leader.perform(get("/api/registry/figures").param("region", sibling)).andExpect(status().isOk());
    }

    @Test
    void aGridWorkersListsHoldOnlyTheirOwnGrids() throws Exception {
        for (String path : List.of("/api/registry/residents", "/api/registry/houses", "/api/registry/places")) {
            List<String> codes = JsonPath.read(
                    body(worker.perform(get(path).param("size", "100")).andExpect(status().isOk())),
                    "$.content[*].gridCode");
            assertThat(codes)
                    .as(path)
                    .isNotEmpty()
                    .allMatch(code -> OWN.stream().anyMatch(code::startsWith));
            worker.perform(get(path).param("gridCode", sibling))
                    .andExpect(jsonPath("$.totalElements").value(0));
            leader.perform(get(path).param("gridCode", sibling))
                    .andExpect(jsonPath("$.content[0].gridCode").value(sibling));
        }
        worker.perform(get("/api/events").param("size", "100"))
                .andExpect(jsonPath("$.content[*].id", not(hasItem((int) event))));
        leader.perform(get("/api/events").param("size", "100"))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) event)));
        worker.perform(get("/api/registry/quality").param("size", "100"))
                .andExpect(jsonPath("$.content[*].gridCode", not(hasItem(sibling))));
    }

    @Test
    void aGridWorkerSeesTheNamesAboveTheirGridsAndTheirOwnGridsOnTheMap() throws Exception {
        worker.perform(get("/api/regions/" + VILLAGE)).andExpect(status().isOk());
        List<String> children = JsonPath.read(
                body(worker.perform(get("/api/regions/" + VILLAGE + "/children"))
                        .andExpect(status().isOk())),
                "$.content[*].code");
        assertThat(children).isNotEmpty().allMatch(OWN::contains);
        List<String> mapped = JsonPath.read(
                body(worker.perform(get("/api/grids/features").param("region", VILLAGE))
                        .andExpect(status().isOk())),
                "$.features[*].properties.code");
        assertThat(mapped).isNotEmpty().allMatch(code -> OWN.stream().anyMatch(code::startsWith));
        String name = JsonPath.read(body(leader.perform(get("/api/grids/" + sibling))), "$.name");
        worker.perform(get("/api/regions").param("name", name))
                .andExpect(jsonPath("$.content[*].code", not(hasItem(sibling))));
    }

    @Test
    void aGridWorkerCannotPlaceARecordInASiblingGrid() throws Exception {
        List<Double> point = JsonPath.read(body(leader.perform(get("/api/grids/" + sibling))), "$.labelPoint");
        worker.perform(post("/api/registry/places")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"gridCode\":\"" + sibling + "\",\"name\":\"邻格小卖部\",\"type\":\"SCHOOL\","
                                + "\"address\":\"邻格路 1 号\",\"lon\":" + point.get(0) + ",\"lat\":" + point.get(1)
                                + "}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("gridCode"))
                .andExpect(jsonPath("$.errors[0].code").value("outside-scope"));
    }

    private static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }
}
