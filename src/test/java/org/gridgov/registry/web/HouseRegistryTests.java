package org.gridgov.registry.web;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.gridgov.SignedIn;
import org.gridgov.region.RegionApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
class HouseRegistryTests {

    private static final String GRID = "421381101001101";

    @Autowired
    WebApplicationContext context;

    @Autowired
    RegionApi regions;

    MockMvc worker;
    MockMvc otherTownship;

    @BeforeEach
    void setUp() throws Exception {
        worker = SignedIn.as(context, "grid.worker");
        otherTownship = SignedIn.as(context, "ys.operator");
    }

    static ResultActions send(MockMvc as, String method, String url, String json) throws Exception {
        var builder = method.equals("PUT") ? put(url) : post(url);
        return as.perform(builder.contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static long id(ResultActions result, String path) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), path)).longValue();
    }

    private String house(String address, String extra) {
        return "{\"gridCode\":\"" + GRID + "\",\"address\":\"" + address + "\",\"doorPlate\":\"幸福路 8 号\","
                + "\"use\":\"RESIDENTIAL\",\"ownerName\":\"王建华\",\"ownerPhone\":\"13900002222\"" + extra + "}";
    }

    private long createdHouse(String address) throws Exception {
        return id(
                send(worker, "POST", "/api/registry/houses", house(address, "")).andExpect(status().isCreated()),
                "$.house.id");
    }

    private long resident(String name) throws Exception {
        return id(
                send(
                                worker,
                                "POST",
                                "/api/registry/residents",
                                "{\"gridCode\":\"" + GRID + "\",\"name\":\"" + name + "\",\"idNumber\":\""
                                        + ResidentRegistryTests.idNumber() + "\",\"kind\":\"REGISTERED\"}")
                        .andExpect(status().isCreated()),
                "$.id");
    }

    @Test
    void registersAHouseWithTheOwnerPhoneMaskedAndFindsItByAddressFragment() throws Exception {
        send(worker, "POST", "/api/registry/houses", house("站前社区测试巷 1 号", ""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.house.ownerPhone").value("139****2222"))
                .andExpect(jsonPath("$.house.useName").value("居住"))
                .andExpect(jsonPath("$.households").isEmpty());
        worker.perform(get("/api/registry/houses").param("addressContains", "测试巷 1"))
                .andExpect(jsonPath("$.content[*].address", hasItem("站前社区测试巷 1 号")));
    }

    @Test
    void refusesBadInputNamingEachField() throws Exception {
        var here = regions.currentGrid("421381101001102").orElseThrow().labelPoint();
        send(
                        worker,
                        "POST",
                        "/api/registry/houses",
                        "{\"gridCode\":\"" + GRID + "\",\"use\":\"CASTLE\",\"ownerPhone\":\"abc\",\"rental\":true,"
                                + "\"lon\":" + here[0] + ",\"lat\":" + here[1] + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'address')].code", hasItem("required")))
                .andExpect(jsonPath("$.errors[?(@.field == 'use')].code", hasItem("unknown-value")))
                .andExpect(jsonPath("$.errors[?(@.field == 'ownerPhone')].code", hasItem("format")))
                .andExpect(jsonPath("$.errors[?(@.field == 'landlordName')].code", hasItem("required")))
                .andExpect(jsonPath("$.errors[?(@.field == 'lon')].code", hasItem("outside-grid")));
    }

    @Test
    void aStaleVersionIsAConflictAndChangesGoToTheHistoryMasked() throws Exception {
        long id = createdHouse("站前社区测试巷 2 号");
        send(worker, "PUT", "/api/registry/houses/" + id, house("站前社区测试巷 2 号", ",\"version\":5"))
                .andExpect(status().isConflict());
        send(
                        worker,
                        "PUT",
                        "/api/registry/houses/" + id,
                        house("站前社区测试巷 2 号", ",\"version\":0,\"rental\":true,\"landlordName\":\"王建华\"")
                                .replace("13900002222", "139****2222")
                                .replace("\"ownerName\"", "\"landlordPhone\":\"13700003333\",\"ownerName\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.house.version").value(1))
                .andExpect(jsonPath("$.house.ownerPhone").value("139****2222"));
        worker.perform(get("/api/registry/houses/" + id + "/history"))
                .andExpect(jsonPath("$.content[*].field", hasItem("rental")))
                .andExpect(jsonPath("$.content[?(@.field == 'landlordPhone')].newValue", hasItem("137****3333")))
                .andExpect(jsonPath("$.content[?(@.field == 'ownerPhone')]").isEmpty());
    }

    @Test
    void aHouseOutsideTheCallersScopeIsNotFound() throws Exception {
        long id = createdHouse("站前社区测试巷 3 号");
        otherTownship.perform(get("/api/registry/houses/" + id)).andExpect(status().isNotFound());
        send(otherTownship, "PUT", "/api/registry/houses/" + id, house("x", ",\"version\":0"))
                .andExpect(status().isNotFound());
        worker.perform(get("/api/registry/houses/999999999")).andExpect(status().isNotFound());
    }

    @Test
    void theHouseShowsItsHouseholdsWithTheirMembersAndTheHeadMustBeAMember() throws Exception {
        long house = createdHouse("站前社区测试巷 4 号");
        long household = id(
                send(
                                worker,
                                "POST",
                                "/api/registry/households",
                                "{\"householdNumber\":\"HH-T4\",\"houseId\":" + house + "}")
                        .andExpect(status().isCreated()),
                "$.id");
        long head = resident("赵户主");
        long stranger = resident("钱路人");
        send(
                        worker,
                        "POST",
                        "/api/registry/households/" + household + "/members",
                        "{\"residentId\":" + head + ",\"relationToHead\":\"02\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members[0].name").value("赵户主"));
        String update = "{\"householdNumber\":\"HH-T4\",\"houseId\":" + house + ",\"version\":0,\"headResidentId\":";
        send(worker, "PUT", "/api/registry/households/" + household, update + stranger + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'headResidentId')].code", hasItem("not-member")));
        send(worker, "PUT", "/api/registry/households/" + household, update + head + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.headName").value("赵户主"));
        worker.perform(get("/api/registry/houses/" + house))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.households[0].householdNumber").value("HH-T4"))
                .andExpect(jsonPath("$.households[0].members[0].name").value("赵户主"))
                .andExpect(jsonPath("$.households[0].members[0].relationName").value("户主"))
                .andExpect(jsonPath("$.households[0].members[0].idNumber")
                        .value(org.hamcrest.Matchers.containsString("********")));
        worker.perform(get("/api/registry/residents/" + head + "/history"))
                .andExpect(jsonPath("$.content[*].field", hasItem("householdId")));
    }

    @Test
    void retiresWithAReasonButNotWhileHouseholdsLiveThere() throws Exception {
        long house = createdHouse("站前社区测试巷 5 号");
        long household = id(
                send(
                        worker,
                        "POST",
                        "/api/registry/households",
                        "{\"householdNumber\":\"HH-T5\",\"houseId\":" + house + "}"),
                "$.id");
        send(worker, "POST", "/api/registry/houses/" + house + "/retire", "{\"version\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        send(worker, "POST", "/api/registry/houses/" + house + "/retire", "{\"version\":0,\"reason\":\"拆除\"}")
                .andExpect(status().isConflict());
        send(worker, "POST", "/api/registry/households/" + household + "/retire", "{\"version\":0,\"reason\":\"迁出\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retiredReason").value("迁出"));
        send(worker, "POST", "/api/registry/houses/" + house + "/retire", "{\"version\":0,\"reason\":\"拆除\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.house.retiredReason").value("拆除"));
        worker.perform(get("/api/registry/houses/" + house + "/history"))
                .andExpect(jsonPath("$.content[?(@.field == 'retiredAt')].note", hasItem("拆除")));
    }
}
