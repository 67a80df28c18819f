package org.gridgov.event.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.event.web.EventCalls.body;
import static org.gridgov.event.web.EventCalls.move;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * Where a center may dispatch an event: departments in its scope and of the county, and centers and stations below
 * it in its scope — the organizations responsible for the category first — and a dispatch anywhere else is refused.
 */
@SpringBootTest
class DispatchTargetTests {

    private static final String BUREAU = "421381-cgj";
    private static final String STATION = "421381101002-station";
    private static final String OTHER_TOWNSHIP_DEPARTMENT = "421381001-sjs";

    @Autowired
    WebApplicationContext context;

    MockMvc worker;
    MockMvc township;

    @BeforeEach
    void setUp() throws Exception {
        worker = SignedIn.as(context, "grid.worker");
        township = SignedIn.as(context, "yz.operator");
        var admin = SignedIn.as(context, "admin");
        // A village station of 杨寨镇 away from the grid the reports come from (so that it does not receive them),
        // and a department of another township.
        organization(admin, STATION, "杨寨镇团山村工作站", "STATION", "421381101002");
        organization(admin, OTHER_TOWNSHIP_DEPARTMENT, "应山街道市场监管所", "DEPARTMENT", "421381001");
    }

    private static void organization(MockMvc admin, String code, String name, String kind, String region)
            throws Exception {
        int status = admin.perform(post("/api/organizations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind
                                + "\",\"regionCode\":\"" + region + "\"}"))
                .andReturn()
                .getResponse()
                .getStatus();
        // Created by the first test; later ones find it there (400: the code is taken).
        assertThat(status).isIn(201, 400);
    }

    private long accepted(String category) throws Exception {
        long id = EventCalls.reporting(worker, category).reported(worker);
        move(township, id, "accept", null).andExpect(status().isOk());
        return id;
    }

    @Test
    void aTownshipCenterMayDispatchToCountyDepartmentsAndItsStationsTheResponsibleOnesFirst() throws Exception {
        long id = accepted("0406");
        township.perform(get("/api/events/" + id + "/dispatch-targets"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].code").value(BUREAU))
                .andExpect(jsonPath("$.content[0].name").value("广水市城市管理执法局"))
                .andExpect(jsonPath("$.content[0].kind").value("DEPARTMENT"))
                .andExpect(jsonPath("$.content[0].suggested").value(true))
                .andExpect(jsonPath("$.content[*].code", hasItem(STATION)))
                .andExpect(jsonPath("$.content[?(@.code == '" + STATION + "')].suggested", everyItem(is(false))))
                .andExpect(jsonPath(
                        "$.content[*].code", not(hasItems("421381101-center", "421381-center", "421381001-center"))))
                .andExpect(jsonPath("$.content[*].code", not(hasItem(OTHER_TOWNSHIP_DEPARTMENT))));
    }

    @Test
    void aNameNarrowsTheTargetsAndACategoryWithoutResponsibilitiesSuggestsNone() throws Exception {
        long id = accepted("ZZ0101");
        township.perform(get("/api/events/" + id + "/dispatch-targets").param("name", "城管"))
                .andExpect(jsonPath("$.totalElements").value(0));
        township.perform(get("/api/events/" + id + "/dispatch-targets").param("name", "城市管理"))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].code").value(BUREAU))
                .andExpect(jsonPath("$.content[0].suggested").value(false));
        township.perform(get("/api/events/" + id + "/dispatch-targets").param("name", "工作站"))
                .andExpect(jsonPath("$.content[*].code", hasItem(STATION)))
                .andExpect(jsonPath("$.content[*].code", not(hasItem(BUREAU))));
        township.perform(get("/api/events/" + id + "/dispatch-targets").param("name", "100%_"))
                .andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void theCountyCenterMayDispatchDownToTownshipCentersButNotToItself() throws Exception {
        long id = EventCalls.reporting(worker, "0406").reported(worker);
        move(township, id, "escalate", "\"note\":\"需县级协调\"").andExpect(status().isOk());
        var county = SignedIn.as(context, "county.operator");
        move(county, id, "accept", null).andExpect(status().isOk());
        county.perform(get("/api/events/" + id + "/dispatch-targets").param("size", "50"))
                .andExpect(jsonPath("$.content[0].code").value(BUREAU))
                .andExpect(jsonPath(
                        "$.content[*].code",
                        hasItems("421381101-center", "421381001-center", STATION, OTHER_TOWNSHIP_DEPARTMENT)))
                .andExpect(jsonPath("$.content[*].code", not(hasItem("421381-center"))));
        move(county, id, "dispatch", "\"assignee\":\"421381101-center\"")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.holderOrgName").value("杨寨镇综治中心"));
    }

    @Test
    void aDispatchToAnOrganizationThatIsNoTargetIsRefused() throws Exception {
        long id = accepted("0406");
        move(township, id, "dispatch", "\"assignee\":\"421381001-center\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assignee"))
                .andExpect(jsonPath("$.errors[0].code").value("not-a-target"));
        move(township, id, "dispatch", "\"assignee\":\"" + OTHER_TOWNSHIP_DEPARTMENT + "\"")
                .andExpect(jsonPath("$.errors[0].code").value("not-a-target"));
        move(township, id, "dispatch", "\"assignee\":\"421381-center\"")
                .andExpect(jsonPath("$.errors[0].code").value("not-a-target"));
        move(township, id, "dispatch", "\"assignee\":\"421381101-center\"")
                .andExpect(jsonPath("$.errors[0].code").value("not-a-target"));
        move(township, id, "dispatch", "\"assignee\":\"nowhere\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("unknown"))
                .andExpect(jsonPath("$.detail").value("请求参数有误"));
        move(township, id, "dispatch", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("required"));
        move(township, id, "dispatch", "\"assignee\":\"" + STATION + "\"")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.holderOrg").value(STATION));
    }

    @Test
    void onlyDispatchersInScopeGetTargetsAndBadParametersAreNamed() throws Exception {
        long id = accepted("0406");
        worker.perform(get("/api/events/" + id + "/dispatch-targets")).andExpect(status().isForbidden());
        SignedIn.as(context, "ys.operator")
                .perform(get("/api/events/" + id + "/dispatch-targets"))
                .andExpect(status().isNotFound());
        township.perform(get("/api/events/999999/dispatch-targets")).andExpect(status().isNotFound());
        township.perform(get("/api/events/" + id + "/dispatch-targets").param("name", "长".repeat(51)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.detailEn").isNotEmpty());
        township.perform(get("/api/events/" + id + "/dispatch-targets").param("size", "51"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        String page = body(township.perform(get("/api/events/" + id + "/dispatch-targets")
                .param("size", "1")
                .param("page", "1")));
        assertThat((Integer) JsonPath.read(page, "$.content.length()")).isEqualTo(1);
    }
}
