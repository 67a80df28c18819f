package org.gridgov.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

/**
 * A grid's team goes with the grid's records: a grid with members or cadres is not retired without a successor, and
 * with one they serve the successor from that day, as new versions; a 网格长 the successor has already stays behind
 * and leaves.
 */
@SpringBootTest
class TeamGridRetirementTests {

    /** A village of 马坪镇 of this test's own, far from the demo county's grids and from other tests' villages. */
    private static final String VILLAGE = "421381104650";

    @Autowired
    WebApplicationContext context;

    private MockMvc mvc;

    private ResultActions send(String url, String body) throws Exception {
        return mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long member(String grid, String body) throws Exception {
        String answer = send("/api/teams/grids/" + grid + "/members", body)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    private static String square(double lon, double lat, String properties) {
        double side = 0.01;
        return String.format(
                Locale.ROOT,
                "{\"type\":\"Feature\",\"properties\":{%s},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                        + "[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}}",
                properties,
                lon,
                lat,
                lon + side,
                lat,
                lon + side,
                lat + side,
                lon,
                lat + side,
                lon,
                lat);
    }

    @Test
    void aRetiredGridHandsItsTeamToItsSuccessorAsNewVersions() throws Exception {
        mvc = SignedIn.as(context, "county.operator");
        send("/api/regions", "{\"code\":\"" + VILLAGE + "\",\"name\":\"队伍交接村\",\"parentCode\":\"421381104\"}")
                .andExpect(status().isCreated());
        send(
                        "/api/grids/import",
                        "{\"type\":\"FeatureCollection\",\"features\":["
                                + square(125, 18, "\"name\":\"甲\",\"villageCode\":\"" + VILLAGE + "\"") + ","
                                + square(125.01, 18, "\"name\":\"乙\",\"villageCode\":\"" + VILLAGE + "\"") + "]}")
                .andExpect(status().isOk());
        String retired = VILLAGE + "101";
        String successor = VILLAGE + "102";
        long leaderA =
                member(retired, "{\"positionCode\":\"GRID_LEADER\",\"name\":\"甲网格长\",\"employment\":\"PART_TIME\"}");
        long leaderB =
                member(successor, "{\"positionCode\":\"GRID_LEADER\",\"name\":\"乙网格长\",\"employment\":\"PART_TIME\"}");
        long helper =
                member(retired, "{\"positionCode\":\"PART_TIME_WORKER\",\"name\":\"甲兼职\",\"phone\":\"13600001234\"}");
        send("/api/teams/assignments", "{\"regionCode\":\"" + retired + "\",\"cadreName\":\"甲包格干部\",\"role\":\"包网格\"}")
                .andExpect(status().isCreated());

        mvc.perform(get("/api/grids/" + retired + "/contents"))
                .andExpect(jsonPath("$[?(@.kind == 'teamMembers')].count").value(2))
                .andExpect(jsonPath("$[?(@.kind == 'cadreAssignments')].count").value(1))
                .andExpect(jsonPath("$[?(@.kind == 'teamMembers')].label").value("网格队伍成员"));
        send("/api/grids/" + retired + "/retire", "{\"reason\":\"并入乙网格\"}")
                .andExpect(status().isUnprocessableContent());
        send("/api/grids/" + retired + "/retire", "{\"reason\":\"并入乙网格\",\"successorCode\":\"" + successor + "\"}")
                .andExpect(status().isOk());

        String roster = mvc.perform(get("/api/teams/grids/" + successor + "/members"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(roster, "$.content[*].name")).containsExactly("乙网格长", "甲兼职");
        String moved = mvc.perform(get("/api/teams/members/" + helper + "/history"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> versions = JsonPath.read(moved, "$.content");
        assertThat(versions).extracting(v -> v.get("gridCode")).containsExactly(successor, retired);
        assertThat(versions.get(0)).containsEntry("note", "并入乙网格").containsEntry("phone", "136****1234");
        mvc.perform(get("/api/teams/members/" + leaderA))
                .andExpect(jsonPath("$.gridCode").value(retired))
                .andExpect(jsonPath("$.endReason").value("并入乙网格"))
                .andExpect(jsonPath("$.validTo").isNotEmpty());
        mvc.perform(get("/api/teams/members/" + leaderB))
                .andExpect(jsonPath("$.validTo").isEmpty());
        String chain = mvc.perform(get("/api/teams/grids/" + successor + "/chain"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(chain, "$.levels[1].people[*].name"))
                .containsExactly("甲包格干部");
    }
}
