package org.gridgov.event.web;

import static org.hamcrest.Matchers.hasItem;
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
import org.springframework.web.context.WebApplicationContext;

/**
 * A department (职能部门) reads the events that reached it — dispatched to it, handled by it, copied to it — and no
 * other event of its county, though its scope is the whole county.
 */
@SpringBootTest
class DepartmentScopeTests {

    private static final String DEPARTMENT = "421381-cgj";

    @Autowired
    WebApplicationContext context;

    MockMvc township;
    MockMvc handler;
    MockMvc departmentLeader;

    @BeforeEach
    void signIn() throws Exception {
        township = SignedIn.as(context, "yz.operator");
        handler = SignedIn.as(context, "dept.handler");
        departmentLeader = SignedIn.as(context, "dept.leader");
    }

    private void notFoundForTheDepartment(long id) throws Exception {
        for (var as : List.of(handler, departmentLeader)) {
            for (String path : List.of("", "/history", "/attachments", "/delay-requests", "/merged-reporters")) {
                as.perform(get("/api/events/" + id + path)).andExpect(status().isNotFound());
            }
            as.perform(get("/api/events").param("size", "100"))
                    .andExpect(jsonPath("$.content[*].id", not(hasItem((int) id))));
        }
    }

    private void visibleToTheDepartment(long id) throws Exception {
        for (var as : List.of(handler, departmentLeader)) {
            for (String path : List.of("", "/history", "/attachments", "/delay-requests")) {
                as.perform(get("/api/events/" + id + path)).andExpect(status().isOk());
            }
            as.perform(get("/api/events").param("size", "100"))
                    .andExpect(jsonPath("$.content[*].id", hasItem((int) id)));
        }
    }

    @Test
    void aDisputeNeverSentToTheDepartmentIsNotFoundUntilDispatchedAndStaysFoundAfterItsFeedback() throws Exception {
        // 邻里纠纷 (矛盾纠纷), reported in a township grid: the township center holds it.
        long id = EventCalls.reporting(township, "ZZ0101").reported(township);
        notFoundForTheDepartment(id);
        EventCalls.move(township, id, "accept", null).andExpect(status().isOk());
        notFoundForTheDepartment(id);

        EventCalls.move(township, id, "dispatch", "\"assignee\":\"" + DEPARTMENT + "\"")
                .andExpect(status().isOk());
        visibleToTheDepartment(id);
        EventCalls.move(handler, id, "claim", null).andExpect(status().isOk());
        EventCalls.move(handler, id, "feedback", "\"note\":\"已调解\"").andExpect(status().isOk());
        // Back with the township for verification: the department handled it and still finds it.
        township.perform(get("/api/events/" + id))
                .andExpect(jsonPath("$.status").value("FEEDBACK"));
        visibleToTheDepartment(id);
    }

    @Test
    void anEventCopiedToTheDepartmentIsFoundWithoutADispatch() throws Exception {
        var calls = EventCalls.reporting(township, "0302");
        // Urgent 施工占道 goes straight to the county, copied to 城市管理执法局 (V9 skip-level rules).
        String body = EventCalls.body(township.perform(post("/api/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"requestId\":\"" + UUID.randomUUID() + "\",\"title\":\"施工围挡占道\","
                                + "\"categoryCode\":\"0302\",\"urgency\":\"URGENT\",\"lon\":" + calls.point[0]
                                + ",\"lat\":" + calls.point[1] + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.holderOrg").value("421381-center")));
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        visibleToTheDepartment(id);
        handler.perform(get("/api/events").param("box", "copied").param("size", "100"))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) id)));
    }
}
