package org.gridgov.region.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.region.web.GeoJsonFixtures.bowTie;
import static org.gridgov.region.web.GeoJsonFixtures.collection;
import static org.gridgov.region.web.GeoJsonFixtures.feature;
import static org.gridgov.region.web.GeoJsonFixtures.rectangle;
import static org.gridgov.region.web.GeoJsonFixtures.square;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;
import org.gridgov.SignedIn;
import org.gridgov.region.RegionApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.ObjectMapper;

@SpringBootTest
@AutoConfigureMockMvc
class GridAdjustmentTests {

    /** Each test gets its own village and its own patch of map far from the demo county. */
    private static final AtomicInteger nextVillage = new AtomicInteger(900);

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    RegionApi regions;

    String village;
    double lon;
    double lat;

    @BeforeEach
    void newVillage() throws Exception {
        mvc = SignedIn.as(context, "county.operator");
        int n = nextVillage.getAndIncrement();
        village = "421381102" + n;
        lon = 100 + (n - 900) * 0.1;
        lat = 20;
        mvc.perform(post("/api/regions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + village + "\",\"name\":\"测试村" + n
                                + "\",\"parentCode\":\"421381102\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.level").value("VILLAGE"));
    }

    @Test
    void importsGridsAndAllocatesCodesFromTheVillageCode() throws Exception {
        importGrids(collection(
                        feature(square(lon, lat, 0.01), "\"name\":\"一网格\",\"villageCode\":\"" + village + "\""),
                        feature(
                                square(lon + 0.01, lat, 0.01),
                                "\"name\":\"学校\",\"type\":\"DEDICATED\",\"dedicatedKind\":\"SCHOOL\",\"villageCode\":\""
                                        + village + "\"")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created", hasItem(village + "101")))
                .andExpect(jsonPath("$.created", hasItem(village + "201")));

        mvc.perform(get("/api/grids/" + village + "201"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("DEDICATED"))
                .andExpect(jsonPath("$.dedicatedKind").value("SCHOOL"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.path[3].code").value("421381102"))
                .andExpect(jsonPath("$.path[4].code").value(village));
        mvc.perform(get("/api/regions/" + village + "/children"))
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content[0].level").value("GRID"));
    }

    @Test
    void refusesASelfIntersectingOutline() throws Exception {
        importGrids(collection(feature(bowTie(lon, lat, 0.01), "\"name\":\"坏网格\",\"villageCode\":\"" + village + "\"")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("features[0].geometry"))
                .andExpect(jsonPath("$.errors[0].code").value("self-intersection"))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty())
                .andExpect(jsonPath("$.errors[0].messageEn").isNotEmpty());
        assertNoGrids();
    }

    @Test
    void refusesAnOutlineOverlappingASiblingAndWritesNothing() throws Exception {
        importGrids(collection(feature(square(lon, lat, 0.01), "\"name\":\"一\",\"villageCode\":\"" + village + "\"")))
                .andExpect(status().isOk());
        importGrids(collection(
                        feature(square(lon + 0.02, lat, 0.01), "\"name\":\"好\",\"villageCode\":\"" + village + "\""),
                        feature(square(lon + 0.005, lat, 0.01), "\"name\":\"叠\",\"villageCode\":\"" + village + "\"")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("features[1].geometry"))
                .andExpect(jsonPath("$.errors[0].code").value("overlap"));
        mvc.perform(get("/api/regions/" + village + "/children"))
                .andExpect(jsonPath("$.totalElements").value(1));
    }

    @Test
    void refusesOverlapsWithinOneImport() throws Exception {
        importGrids(collection(
                        feature(square(lon, lat, 0.01), "\"name\":\"甲\",\"villageCode\":\"" + village + "\""),
                        feature(square(lon + 0.005, lat, 0.01), "\"name\":\"乙\",\"villageCode\":\"" + village + "\"")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].code").value("overlap"));
        assertNoGrids();
    }

    @Test
    void refusesAnUnknownParentCode() throws Exception {
        importGrids(collection(feature(square(lon, lat, 0.01), "\"name\":\"孤儿\",\"villageCode\":\"421381102999\"")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("features[0].villageCode"))
                .andExpect(jsonPath("$.errors[0].code").value("unknown-parent"));
        mvc.perform(post("/api/regions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"429999999001\",\"name\":\"无处村\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("unknown-parent"));
    }

    @Test
    void microGridsSitInsideTheirGridAndAreFoundFirst() throws Exception {
        importGrids(collection(feature(square(lon, lat, 0.02), "\"name\":\"大\",\"villageCode\":\"" + village + "\"")))
                .andExpect(status().isOk());
        String grid = village + "101";
        importGrids(collection(feature(square(lon, lat, 0.01), "\"name\":\"楼栋\",\"parentGridCode\":\"" + grid + "\"")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created[0]").value(grid + "01"));
        mvc.perform(get("/api/grids/locate").param("lon", "" + (lon + 0.005)).param("lat", "" + (lat + 0.005)))
                .andExpect(jsonPath("$.grid.code").value(grid + "01"))
                .andExpect(jsonPath("$.grid.level").value("MICRO_GRID"))
                .andExpect(jsonPath("$.path[5].code").value(grid));
        mvc.perform(get("/api/grids/locate").param("lon", "" + (lon + 0.015)).param("lat", "" + (lat + 0.015)))
                .andExpect(jsonPath("$.grid.code").value(grid));
        mvc.perform(post("/api/grids/" + grid + "/retire")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"撤销\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("has-children"));
    }

    @Test
    void refusesAGridOutsideItsParentsOutline() throws Exception {
        importGrids(collection(feature(square(lon, lat, 0.02), "\"name\":\"大\",\"villageCode\":\"" + village + "\"")))
                .andExpect(status().isOk());
        importGrids(collection(feature(
                        square(lon + 0.015, lat, 0.01), "\"name\":\"出界\",\"parentGridCode\":\"" + village + "101\"")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("outside-parent"));
    }

    @Test
    void refusesMalformedGeoJsonWithTheFieldAtFault() throws Exception {
        mvc.perform(post("/api/grids/import")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        importGrids("{\"type\":\"Feature\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        importGrids(collection(
                        feature("{\"type\":\"Point\",\"coordinates\":[1,2]}", "\"name\":\"点\""),
                        feature("{\"type\":\"Polygon\",\"coordinates\":[[[1,2],[3,4],[5,6]]]}", "\"name\":\"未闭合\""),
                        feature(square(lon, lat, 0.01), "\"name\":\"x\",\"type\":\"ROUND\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[0].field").value("features[0].geometry.type"))
                .andExpect(jsonPath("$.errors[1].field").value("features[1].geometry.coordinates[0]"))
                .andExpect(jsonPath("$.errors[2].field").value("features[2].properties.type"));
        assertNoGrids();
    }

    @Test
    void redrawKeepsTheCodeAndTheOldVersion() throws Exception {
        importGrids(collection(feature(square(lon, lat, 0.01), "\"name\":\"一\",\"villageCode\":\"" + village + "\"")))
                .andExpect(status().isOk());
        String code = village + "101";
        long firstVersion = regions.currentGrid(code).orElseThrow().versionId();

        mvc.perform(post("/api/grids/" + code + "/redraw")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"geometry\":" + square(lon, lat, 0.02) + ",\"reason\":\"扩大\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(code));

        var now = regions.currentGrid(code).orElseThrow();
        assertThat(now.versionId()).isNotEqualTo(firstVersion);
        assertThat(regions.gridVersion(firstVersion))
                .get()
                .extracting(g -> g.code())
                .isEqualTo(code);
        mvc.perform(get("/api/grids/" + code + "/versions"))
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content[1].validTo").isNotEmpty());
        assertThat(regions.locate(lon + 0.015, lat + 0.015))
                .get()
                .extracting(l -> l.grid().code())
                .isEqualTo(code);
    }

    @Test
    void splitRetiresTheCodeAndCoversTheGridWithNewOnes() throws Exception {
        importGrids(collection(feature(square(lon, lat, 0.02), "\"name\":\"大\",\"villageCode\":\"" + village + "\"")))
                .andExpect(status().isOk());
        String code = village + "101";
        mvc.perform(post("/api/grids/" + code + "/split")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"人口增长\",\"parts\":[{\"name\":\"西\",\"geometry\":"
                                + rectangle(lon, lat, lon + 0.01, lat + 0.02) + "},{\"name\":\"东\",\"geometry\":"
                                + rectangle(lon + 0.01, lat, lon + 0.02, lat + 0.02) + "}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value(village + "102"))
                .andExpect(jsonPath("$[1].code").value(village + "103"));
        mvc.perform(get("/api/grids/" + code)).andExpect(jsonPath("$.status").value("RETIRED"));
        assertThat(regions.locate(lon + 0.015, lat + 0.01))
                .get()
                .extracting(l -> l.grid().code())
                .isEqualTo(village + "103");
        mvc.perform(get("/api/grid-adjustments").param("region", village))
                .andExpect(jsonPath("$.content[0].kind").value("SPLIT"))
                .andExpect(jsonPath("$.content[0].sourceCodes[0]").value(code));
    }

    @Test
    void splitMustCoverTheWholeGrid() throws Exception {
        importGrids(collection(feature(square(lon, lat, 0.02), "\"name\":\"大\",\"villageCode\":\"" + village + "\"")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/grids/" + village + "101/split")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parts\":[{\"geometry\":" + rectangle(lon, lat, lon + 0.01, lat + 0.01)
                                + "},{\"geometry\":" + rectangle(lon + 0.01, lat, lon + 0.02, lat + 0.01) + "}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("incomplete-cover"));
        mvc.perform(get("/api/grids/" + village + "101"))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    @Test
    void mergeJoinsGridsOfOneVillage() throws Exception {
        importGrids(collection(
                        feature(square(lon, lat, 0.01), "\"name\":\"甲\",\"villageCode\":\"" + village + "\""),
                        feature(square(lon + 0.01, lat, 0.01), "\"name\":\"乙\",\"villageCode\":\"" + village + "\"")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/grids/merge")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"codes\":[\"" + village + "101\",\"" + village + "102\"],\"name\":\"甲乙\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(village + "103"))
                .andExpect(jsonPath("$.name").value("甲乙"));
        assertThat(regions.locate(lon + 0.005, lat + 0.005))
                .get()
                .extracting(l -> l.grid().code())
                .isEqualTo(village + "103");
        mvc.perform(get("/api/grids/" + village + "101"))
                .andExpect(jsonPath("$.status").value("RETIRED"));
    }

    @Test
    void retiredGridsLeaveTheLocateIndexAndTheirCodesAreNotReused() throws Exception {
        importGrids(collection(feature(square(lon, lat, 0.01), "\"name\":\"甲\",\"villageCode\":\"" + village + "\"")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/grids/" + village + "101/retire")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"撤销\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETIRED"));
        mvc.perform(get("/api/grids/locate").param("lon", "" + (lon + 0.005)).param("lat", "" + (lat + 0.005)))
                .andExpect(status().isNotFound());
        importGrids(collection(feature(square(lon, lat, 0.01), "\"name\":\"乙\",\"villageCode\":\"" + village + "\"")))
                .andExpect(jsonPath("$.created[0]").value(village + "102"));
    }

    @Test
    void exportThenImportChangesNothing() throws Exception {
        importGrids(collection(
                        feature(square(lon, lat, 0.01), "\"name\":\"甲\",\"villageCode\":\"" + village + "\""),
                        feature(square(lon + 0.01, lat, 0.01), "\"name\":\"乙\",\"villageCode\":\"" + village + "\"")))
                .andExpect(status().isOk());
        String exported = mvc.perform(get("/api/grids/export").param("region", village))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json.readTree(exported).get("features").size()).isEqualTo(2);
        importGrids(exported)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unchanged", hasSize(2)))
                .andExpect(jsonPath("$.created", hasSize(0)));
    }

    @Test
    void refusesAFutureEffectiveTime() throws Exception {
        importGrids(collection(feature(square(lon, lat, 0.01), "\"name\":\"甲\",\"villageCode\":\"" + village + "\"")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/grids/" + village + "101/retire")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"撤销\",\"effectiveAt\":\"2999-01-01T00:00:00Z\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("effectiveAt"));
    }

    private ResultActions importGrids(String body) throws Exception {
        return mvc.perform(post("/api/grids/import")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private void assertNoGrids() throws Exception {
        mvc.perform(get("/api/regions/" + village + "/children"))
                .andExpect(jsonPath("$.totalElements").value(0));
    }
}
