package org.gridgov.region.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
@AutoConfigureMockMvc
class GridLocateTests {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void signIn() throws Exception {
        mvc = SignedIn.as(context, "county.operator");
    }

    @Test
    void locatesTheDemoGridContainingItsLabelPoint() throws Exception {
        String features = mvc.perform(
                        get("/api/grids/features").param("region", "421381101").param("size", "3"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> codes = JsonPath.read(features, "$.features[*].id");
        for (String code : codes) {
            String grid = mvc.perform(get("/api/grids/" + code))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<Double> label = JsonPath.read(grid, "$.labelPoint");
            mvc.perform(get("/api/grids/locate")
                            .param("lon", label.get(0).toString())
                            .param("lat", label.get(1).toString()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.grid.code").value(code))
                    .andExpect(jsonPath("$.path[2].code").value("421381"))
                    .andExpect(jsonPath("$.path[3].code").value("421381101"))
                    .andExpect(jsonPath("$.path[4].code").value(code.substring(0, 12)));
        }
    }

    @Test
    void aPointOutsideAllGridsIsNotFound() throws Exception {
        mvc.perform(get("/api/grids/locate").param("lon", "0").param("lat", "0"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detailEn").value("No grid contains the point [0.0, 0.0]"));
    }

    @Test
    void outOfRangeOrMissingCoordinatesAreBadRequests() throws Exception {
        mvc.perform(get("/api/grids/locate").param("lon", "200").param("lat", "95"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lon"))
                .andExpect(jsonPath("$.errors[1].field").value("lat"));
        mvc.perform(get("/api/grids/locate").param("lon", "abc").param("lat", "31"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lon"))
                .andExpect(jsonPath("$.errors[0].code").value("type"));
        mvc.perform(get("/api/grids/locate").param("lon", "113.8"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lat"))
                .andExpect(jsonPath("$.errors[0].code").value("required"));
        mvc.perform(get("/api/grids/locate").param("lon", "NaN").param("lat", "31"))
                .andExpect(status().isBadRequest());
    }
}
