package org.gridgov.event.web;

import static org.gridgov.event.web.EventCalls.GRID;
import static org.gridgov.event.web.EventCalls.body;
import static org.hamcrest.Matchers.startsWith;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * The report form's locate: residents, who may not read the region tree, learn the grid (with its village and
 * township) that a report at a point would be filed under, and nothing else of the tree.
 */
@SpringBootTest
class ReportLocateTests {

    @Autowired
    WebApplicationContext context;

    MockMvc resident;
    double[] point;

    @BeforeEach
    void setUp() throws Exception {
        resident = SignedIn.as(context, "resident");
        point = EventCalls.reporting(SignedIn.as(context, "grid.worker"), "0406").point;
    }

    @Test
    void aResidentLearnsTheGridVillageAndTownshipOfAPoint() throws Exception {
        resident.perform(get("/api/events/locate").param("lon", "" + point[0]).param("lat", "" + point[1]))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grid.code").value(GRID))
                .andExpect(jsonPath("$.grid.name").value("站前社区第1网格"))
                .andExpect(jsonPath("$.grid.level").value("GRID"))
                .andExpect(jsonPath("$.village.code").value("421381101001"))
                .andExpect(jsonPath("$.village.name").value("站前社区"))
                .andExpect(jsonPath("$.township.code").value("421381101"))
                .andExpect(jsonPath("$.township.name").value("杨寨镇"))
                .andExpect(jsonPath("$.geometry").doesNotExist());
        // The region tree itself stays closed to residents.
        resident.perform(get("/api/grids/locate").param("lon", "" + point[0]).param("lat", "" + point[1]))
                .andExpect(status().isForbidden());
        resident.perform(get("/api/grids/" + GRID)).andExpect(status().isForbidden());
    }

    @Test
    void aPointInNoGridIsUnprocessableAndBadCoordinatesAreNamed() throws Exception {
        resident.perform(get("/api/events/locate").param("lon", "0").param("lat", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("outside-grids"))
                .andExpect(jsonPath("$.detail").value("事发位置不在任何网格内"))
                .andExpect(jsonPath("$.detailEn").value("The location lies in no grid"));
        resident.perform(get("/api/events/locate").param("lon", "500").param("lat", "31.6"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lon"));
        resident.perform(get("/api/events/locate").param("lon", "113.8"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lat"));
        resident.perform(get("/api/events/locate").param("lon", "east").param("lat", "31.6"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lon"));
    }

    @Test
    void aPointOutsideTheCallersScopeIsUnprocessableAsAReportThereWouldBe() throws Exception {
        var county = SignedIn.as(context, "county.operator");
        String features = body(county.perform(get("/api/grids/features")
                .param("region", "421381001")
                .param("level", "GRID")
                .param("size", "1")));
        String code = JsonPath.read(features, "$.features[0].properties.code");
        List<Double> label = JsonPath.read(body(county.perform(get("/api/grids/" + code))), "$.labelPoint");
        SignedIn.as(context, "yz.operator")
                .perform(get("/api/events/locate")
                        .param("lon", "" + label.get(0))
                        .param("lat", "" + label.get(1)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("outside-scope"));
        county.perform(get("/api/events/locate").param("lon", "" + label.get(0)).param("lat", "" + label.get(1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grid.code", startsWith(code)))
                .andExpect(jsonPath("$.township.code").value("421381001"));
    }
}
