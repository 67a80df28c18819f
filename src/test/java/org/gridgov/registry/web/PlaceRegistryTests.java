package org.gridgov.registry.web;

import static org.gridgov.registry.web.HouseRegistryTests.id;
import static org.gridgov.registry.web.HouseRegistryTests.send;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gridgov.SignedIn;
import org.gridgov.region.RegionApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
class PlaceRegistryTests {

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

    private String place(String name, String extra) {
        var point = regions.currentGrid(GRID).orElseThrow().labelPoint();
        return "{\"gridCode\":\"" + GRID + "\",\"name\":\"" + name + "\",\"type\":\"SCHOOL\","
                + "\"keyFlags\":[\"FIRE_SAFETY\",\"PUBLIC_ORDER\"],\"address\":\"站前社区学府路 1 号\","
                + "\"responsibleName\":\"周校长\",\"responsiblePhone\":\"13600004444\",\"lon\":" + point[0]
                + ",\"lat\":" + point[1] + extra + "}";
    }

    private long created(String name) throws Exception {
        return id(
                send(worker, "POST", "/api/registry/places", place(name, "")).andExpect(status().isCreated()), "$.id");
    }

    @Test
    void registersAPlaceOnTheKeyUnitRegistersAndFindsItByFlag() throws Exception {
        send(worker, "POST", "/api/registry/places", place("站前测试小学", ""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.typeName").value("学校"))
                .andExpect(jsonPath("$.responsiblePhone").value("136****4444"))
                .andExpect(jsonPath("$.keyFlags[1]").value("PUBLIC_ORDER"));
        worker.perform(get("/api/registry/places").param("name", "测试小学").param("keyFlag", "FIRE_SAFETY"))
                .andExpect(jsonPath("$.content[*].name", hasItem("站前测试小学")));
    }

    @Test
    void refusesBadInputNamingEachField() throws Exception {
        send(
                        worker,
                        "POST",
                        "/api/registry/places",
                        "{\"gridCode\":\"421381101001199\",\"type\":\"CASTLE\",\"keyFlags\":[\"FLOOD\"],\"lon\":1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'gridCode')].code", hasItem("unknown")))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].code", hasItem("required")))
                .andExpect(jsonPath("$.errors[?(@.field == 'type')].code", hasItem("unknown-value")))
                .andExpect(jsonPath("$.errors[?(@.field == 'keyFlags')].code", hasItem("unknown-value")))
                .andExpect(jsonPath("$.errors[?(@.field == 'address')].code", hasItem("required")))
                .andExpect(jsonPath("$.errors[?(@.field == 'lon')].code", hasItem("invalid")));
    }

    @Test
    void aStaleVersionIsAConflictAndTheHistoryShowsTheChange() throws Exception {
        long id = created("站前测试幼儿园");
        send(worker, "PUT", "/api/registry/places/" + id, place("站前测试幼儿园", ",\"version\":3"))
                .andExpect(status().isConflict());
        send(
                        worker,
                        "PUT",
                        "/api/registry/places/" + id,
                        place("站前阳光幼儿园", ",\"version\":0").replace("13600004444", "136****4444"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        worker.perform(get("/api/registry/places/" + id + "/history"))
                .andExpect(jsonPath("$.content[?(@.field == 'name')].newValue", hasItem("站前阳光幼儿园")))
                .andExpect(
                        jsonPath("$.content[?(@.field == 'responsiblePhone')]").isEmpty())
                .andExpect(jsonPath("$.content[*].field", hasItem("*")));
    }

    @Test
    void aPlaceOutsideTheCallersScopeIsNotFoundAndCannotBeCreatedThere() throws Exception {
        long id = created("站前测试诊所");
        otherTownship.perform(get("/api/registry/places/" + id)).andExpect(status().isNotFound());
        otherTownship.perform(get("/api/registry/places/" + id + "/history")).andExpect(status().isNotFound());
        send(otherTownship, "POST", "/api/registry/places", place("越界", ""))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void retiresWithAReason() throws Exception {
        long id = created("站前测试网吧");
        send(worker, "POST", "/api/registry/places/" + id + "/retire", "{\"version\":0,\"reason\":\"  \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        send(worker, "POST", "/api/registry/places/" + id + "/retire", "{\"version\":0,\"reason\":\"停业\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retiredReason").value("停业"));
        send(worker, "PUT", "/api/registry/places/" + id, place("站前测试网吧", ",\"version\":1"))
                .andExpect(status().isConflict());
        worker.perform(get("/api/registry/places").param("name", "站前测试网吧"))
                .andExpect(jsonPath("$.totalElements").value(0));
    }
}
