package org.gridgov.registry.web;

import static org.gridgov.registry.web.GroupCalls.resident;
import static org.hamcrest.Matchers.hasItem;
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

/** A register the deployment defines: a center operator defines it, a grid worker adds entries checked against it. */
@SpringBootTest
class RegisterTypeTests {

    @Autowired
    WebApplicationContext context;

    @Test
    void anOperatorDefinesARegisterAndAWorkerAddsCheckedEntries() throws Exception {
        var operator = SignedIn.as(context, "yz.operator");
        var worker = SignedIn.as(context, "grid.worker");
        String definition = "{\"code\":\"VETERAN\",\"name\":\"退役军人\",\"fields\":["
                + "{\"name\":\"serviceBranch\",\"label\":\"服役军种\",\"type\":\"TEXT\",\"required\":true},"
                + "{\"name\":\"dischargedOn\",\"label\":\"退役日期\",\"type\":\"DATE\"},"
                + "{\"name\":\"party\",\"label\":\"政治面貌\",\"type\":\"CODE\",\"codeSet\":\"POLITICAL_STATUS\"}]}";
        worker.perform(post("/api/registry/register-types")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(definition))
                .andExpect(status().isForbidden());
        operator.perform(post("/api/registry/register-types")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"x\",\"name\":\"\",\"fields\":[{\"name\":\"a\",\"label\":\"A\","
                                + "\"type\":\"CODE\",\"codeSet\":\"NOPE\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'code')].code", hasItem("format")))
                .andExpect(jsonPath("$.errors[?(@.field == 'fields[0].codeSet')].code", hasItem("unknown")));
        String created = operator.perform(post("/api/registry/register-types")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(definition))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int type = JsonPath.read(created, "$.id");
        long person = resident(worker, "421381101001101", "退役甲");
        String entries = "/api/registry/register-types/" + type + "/entries";
        worker.perform(post(entries)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"residentId\":" + person + ",\"values\":{\"party\":\"99\",\"rank\":\"1\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'values.serviceBranch')].code", hasItem("required")))
                .andExpect(jsonPath("$.errors[?(@.field == 'values.party')].code", hasItem("unknown-value")))
                .andExpect(jsonPath("$.errors[?(@.field == 'values.rank')].code", hasItem("unknown-field")));
        worker.perform(post(entries)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"residentId\":" + person + ",\"values\":{\"serviceBranch\":\"陆军\","
                                + "\"dischargedOn\":\"2010-12-01\",\"party\":\"01\"}}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.values.serviceBranch").value("陆军"));
        worker.perform(get(entries)).andExpect(jsonPath("$.content[0].name").value("退役甲"));
        long other = resident(worker, "421381101001101", "退役乙");
        worker.perform(get(entries).param("residentId", String.valueOf(other)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(0));
        worker.perform(get(entries).param("residentId", String.valueOf(person)))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].residentId").value((int) person));
        var otherTownship = SignedIn.as(context, "ys.operator");
        otherTownship
                .perform(get(entries))
                .andExpect(jsonPath("$.totalElements").value(0));
        otherTownship
                .perform(get(entries).param("residentId", String.valueOf(person)))
                .andExpect(status().isNotFound());
    }
}
