package org.gridgov.event.web;

import static org.gridgov.event.web.EventCalls.body;
import static org.gridgov.event.web.EventCalls.move;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.web.context.WebApplicationContext;

/** Events, their histories and delay requests keep organization codes and show each with its name. */
@SpringBootTest
class OrganizationNamesTests {

    private static final String TOWNSHIP_CENTER = "杨寨镇综治中心";
    private static final String BUREAU = "广水市城市管理执法局";

    @Autowired
    WebApplicationContext context;

    @Test
    void eventsListsHistoriesAndDelayRequestsNameTheOrganizations() throws Exception {
        var worker = SignedIn.as(context, "grid.worker");
        var township = SignedIn.as(context, "yz.operator");
        var department = SignedIn.as(context, "dept.handler");
        long id = EventCalls.reporting(worker, "0406").reported(worker);
        move(township, id, "accept", null).andExpect(status().isOk());
        move(township, id, "dispatch", "\"assignee\":\"421381-cgj\"")
                .andExpect(jsonPath("$.holderOrg").value("421381-cgj"))
                .andExpect(jsonPath("$.holderOrgName").value(BUREAU))
                .andExpect(jsonPath("$.dispatcherOrg").value("421381101-center"))
                .andExpect(jsonPath("$.dispatcherOrgName").value(TOWNSHIP_CENTER));
        move(department, id, "claim", null)
                .andExpect(jsonPath("$.handlerOrgName").value(BUREAU))
                .andExpect(jsonPath("$.holderOrgName").value(BUREAU));

        String serial = JsonPath.read(body(township.perform(get("/api/events/" + id))), "$.serialNumber");
        township.perform(get("/api/events").param("serial", serial))
                .andExpect(jsonPath("$.content[0].holderOrg").value("421381-cgj"))
                .andExpect(jsonPath("$.content[0].holderOrgName").value(BUREAU));

        township.perform(get("/api/events/" + id + "/history"))
                .andExpect(jsonPath("$.content[0].move").value("REPORT"))
                .andExpect(jsonPath("$.content[0].toHolderName").value(TOWNSHIP_CENTER))
                .andExpect(jsonPath("$.content[0].actorOrgName").value(TOWNSHIP_CENTER))
                .andExpect(jsonPath("$.content[2].move").value("DISPATCH"))
                .andExpect(jsonPath("$.content[2].fromHolder").value("421381101-center"))
                .andExpect(jsonPath("$.content[2].fromHolderName").value(TOWNSHIP_CENTER))
                .andExpect(jsonPath("$.content[2].toHolder").value("421381-cgj"))
                .andExpect(jsonPath("$.content[2].toHolderName").value(BUREAU));

        department
                .perform(post("/api/events/" + id + "/delay-requests")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"需联合执法\",\"extraAmount\":1,\"unit\":\"WORKING_DAYS\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.requesterOrg").value("421381-cgj"))
                .andExpect(jsonPath("$.requesterOrgName").value(BUREAU));
        township.perform(get("/api/events/" + id + "/delay-requests"))
                .andExpect(jsonPath("$.content[0].requesterOrgName").value(BUREAU));
    }

    @Test
    void anOrganizationAddedLaterIsNamedAsSoonAsWorkReachesIt() throws Exception {
        var worker = SignedIn.as(context, "grid.worker");
        var township = SignedIn.as(context, "yz.operator");
        // Names seen before the new organization exists are served from memory; the new one must still be found.
        long id = EventCalls.reporting(worker, "0406").reported(worker);
        township.perform(get("/api/events/" + id))
                .andExpect(jsonPath("$.holderOrgName").value(TOWNSHIP_CENTER));
        SignedIn.as(context, "admin")
                .perform(post("/api/organizations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"421381101-sjs\",\"name\":\"杨寨镇市场监管所\",\"kind\":\"DEPARTMENT\","
                                + "\"regionCode\":\"421381101\"}"))
                .andExpect(status().isCreated());
        move(township, id, "accept", null).andExpect(status().isOk());
        move(township, id, "dispatch", "\"assignee\":\"421381101-sjs\"")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.holderOrgName").value("杨寨镇市场监管所"));
    }
}
