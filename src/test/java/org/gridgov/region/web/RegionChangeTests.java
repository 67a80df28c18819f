package org.gridgov.region.web;

import static org.gridgov.region.web.GeoJsonFixtures.collection;
import static org.gridgov.region.web.GeoJsonFixtures.feature;
import static org.gridgov.region.web.GeoJsonFixtures.square;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
@AutoConfigureMockMvc
class RegionChangeTests {

    private static final AtomicInteger nextVillage = new AtomicInteger(800);

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    String village;

    @BeforeEach
    void newVillage() throws Exception {
        mvc = SignedIn.as(context, "county.operator");
        village = "421381103" + nextVillage.getAndIncrement();
        mvc.perform(post("/api/regions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + village + "\",\"name\":\"旧名村\",\"parentCode\":\"421381103\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void renameKeepsTheOldNameForTheTimeBefore() throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        mvc.perform(put("/api/regions/" + village)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"新名村\",\"validFrom\":\"" + today + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("新名村"))
                .andExpect(jsonPath("$.validFrom").value(today));
        mvc.perform(get("/api/regions/" + village + "/versions"))
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content[1].name").value("旧名村"))
                .andExpect(jsonPath("$.content[1].validTo").value(today));
    }

    @Test
    void renameRefusesAFutureDate() throws Exception {
        mvc.perform(put("/api/regions/" + village)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"新名村\",\"validFrom\":\"2999-01-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("validFrom"));
    }

    @Test
    void retiringNeedsAnEmptyUnitAndRecordsItsSuccessor() throws Exception {
        mvc.perform(post("/api/grids/import")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(collection(feature(
                                square(102 + nextVillage.get() * 0.01, 21, 0.005),
                                "\"name\":\"一\",\"villageCode\":\"" + village + "\""))))
                .andExpect(status().isOk());
        mvc.perform(post("/api/regions/" + village + "/retire")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"successorCode\":\"421381103200\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("has-children"));
        mvc.perform(post("/api/grids/" + village + "101/retire")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"撤销\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/regions/" + village + "/retire")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"successorCode\":\"421381103200\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].successorCode").value("421381103200"))
                .andExpect(jsonPath("$.content[0].validTo").isNotEmpty());
        mvc.perform(get("/api/regions/" + village)).andExpect(status().isNotFound());
    }

    @Test
    void refusesAVillageWithASelfIntersectingOutline() throws Exception {
        mvc.perform(post("/api/regions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"421381103899\",\"name\":\"坏边界村\",\"geometry\":"
                                + GeoJsonFixtures.bowTie(103, 21, 0.01) + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("geometry"));
        mvc.perform(get("/api/regions/421381103899")).andExpect(status().isNotFound());
    }

    @Test
    void countiesAreNotChangedHere() throws Exception {
        mvc.perform(put("/api/regions/421381")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"别名\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("level"));
    }
}
