package org.gridgov.region.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.HashSet;
import java.util.List;
import org.gridgov.SignedIn;
import org.gridgov.region.internal.GridFeatures;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The township and village outlines of the base map: whole, valid, small, and cut to the caller's scope. */
@SpringBootTest
class RegionOutlineTests {

    /** Villages that have an outline to draw: a stored one, or grids to derive it from. */
    private static final String DRAWABLE_VILLAGES = """
            select code from region r where valid_to is null and level = 'VILLAGE' and code like '421381%'
              and (boundary is not null or exists
                (select 1 from grid g where g.village_code = r.code and g.level = 1 and g.valid_to is null))""";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void theCountyOperatorGetsEveryVillageOnceWithAValidOutlineAndItsLabelInside() throws Exception {
        var mvc = SignedIn.as(context, "county.operator");
        var answer = mvc.perform(get("/api/regions/421381/outlines").param("level", "VILLAGE"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andReturn()
                .getResponse();
        var body = json.readTree(answer.getContentAsString());
        var expected = jdbc.sql(DRAWABLE_VILLAGES).query(String.class).list();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(388);
        var seen = new HashSet<String>();
        for (var feature : body.get("features")) {
            var properties = feature.get("properties");
            String code = properties.get("code").asString();
            assertThat(seen.add(code)).as("%s once", code).isTrue();
            assertThat(properties.get("level").asString()).isEqualTo("VILLAGE");
            assertThat(properties.get("name").asString()).isNotBlank();
            assertThat(properties.get("parentCode").asString()).isEqualTo(code.substring(0, 9));
            var outline = GridFeatures.outline(feature.get("geometry"), "geometry");
            assertThat(outline.isValid()).as("%s valid", code).isTrue();
            assertThat(outline.contains(point(properties.get("labelPoint"))))
                    .as("%s label inside", code)
                    .isTrue();
            assertSixDecimals(feature.get("geometry"));
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
        // A county's villages must stay a light download for a phone: simplified, six decimals.
        assertThat(answer.getContentAsString().length()).isLessThan(1_500_000);
    }

    @Test
    void theCountyHasItsTwentyTownshipsAndBothLevelsWithoutALevel() throws Exception {
        var mvc = SignedIn.as(context, "county.operator");
        String townships = mvc.perform(get("/api/regions/421381/outlines").param("level", "TOWNSHIP"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> names = JsonPath.read(townships, "$.features[*].properties.name");
        assertThat(names).hasSize(20).contains("杨寨镇", "应山街道");
        List<String> levels = JsonPath.read(
                mvc.perform(get("/api/regions/421381101/outlines"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.features[*].properties.level");
        assertThat(new HashSet<>(levels)).containsExactlyInAnyOrder("TOWNSHIP", "VILLAGE");
    }

    @Test
    void aResidentWhoMayNotReadTheTreeStillGetsTheOutlinesButNoGrids() throws Exception {
        var mvc = SignedIn.as(context, "resident");
        String body = mvc.perform(get("/api/regions/421381/outlines").param("level", "TOWNSHIP"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.features[*].id")).hasSize(20);
        mvc.perform(get("/api/grids/features").param("region", "421381")).andExpect(status().isForbidden());
    }

    @Test
    void theSystemAdministratorReadsNoOutlines() throws Exception {
        SignedIn.as(context, "admin")
                .perform(get("/api/regions/421381/outlines"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aGridWorkerSeesTheOutlinesOfTheirVillageAndTownshipAndNothingBeside() throws Exception {
        var mvc = SignedIn.as(context, "grid.worker");
        String own = mvc.perform(get("/api/regions/421381101001/outlines"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(own, "$.features[*].id"))
                .containsExactlyInAnyOrder("421381101", "421381101001");
        String fromGrid = mvc.perform(get("/api/regions/421381101001101/outlines"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(fromGrid, "$.features[*].id"))
                .containsExactlyInAnyOrder("421381101", "421381101001");
        mvc.perform(get("/api/regions/421381/outlines")).andExpect(status().isNotFound());
        mvc.perform(get("/api/regions/421381101002/outlines")).andExpect(status().isNotFound());
    }

    @Test
    void aTownshipOperatorSeesTheirOwnVillagesOnly() throws Exception {
        var mvc = SignedIn.as(context, "yz.operator");
        String body = mvc.perform(get("/api/regions/421381101/outlines").param("level", "VILLAGE"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> codes = JsonPath.read(body, "$.features[*].id");
        assertThat(codes).isNotEmpty().allMatch(code -> code.startsWith("421381101"));
        mvc.perform(get("/api/regions/421381001/outlines")).andExpect(status().isNotFound());
    }

    @Test
    void aLevelOtherThanTownshipOrVillageIsABadRequest() throws Exception {
        var mvc = SignedIn.as(context, "county.operator");
        mvc.perform(get("/api/regions/421381/outlines").param("level", "GRID"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("level"))
                .andExpect(jsonPath("$.errors[0].code").value("outline-level"));
        mvc.perform(get("/api/regions/421381/outlines").param("level", "HAMLET"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("level"));
    }

    @Test
    void aVillageWithoutAStoredOutlineIsDrawnAsTheUnionOfItsGrids() throws Exception {
        String village = jdbc.sql("""
                        select code from region where valid_to is null and level = 'VILLAGE'
                          and code like '421381101%' and boundary is not null order by code desc limit 1""").query(String.class).single();
        byte[] stored = jdbc.sql("select boundary from region where code = :code and valid_to is null")
                .param("code", village)
                .query(byte[].class)
                .single();
        var mvc = SignedIn.as(context, "county.operator");
        try {
            jdbc.sql("update region set boundary = null where code = :code and valid_to is null")
                    .param("code", village)
                    .update();
            var derived = outlineOf(mvc, village);
            jdbc.sql("update region set boundary = :boundary where code = :code and valid_to is null")
                    .param("boundary", stored)
                    .param("code", village)
                    .update();
            var original = outlineOf(mvc, village);
            assertThat(derived.isValid()).isTrue();
            // The demo's grids tile their village, so their union is the village up to the simplification.
            assertThat(derived.symDifference(original).getArea()).isLessThan(original.getArea() * 0.02);
        } finally {
            jdbc.sql("update region set boundary = :boundary where code = :code and valid_to is null")
                    .param("boundary", stored)
                    .param("code", village)
                    .update();
        }
    }

    private Geometry outlineOf(MockMvc mvc, String village) throws Exception {
        var body = json.readTree(
                mvc.perform(get("/api/regions/" + village + "/outlines").param("level", "VILLAGE"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(body.get("features")).hasSize(1);
        return GridFeatures.outline(body.get("features").get(0).get("geometry"), "geometry");
    }

    private static org.locationtech.jts.geom.Point point(JsonNode lonLat) {
        return new GeometryFactory()
                .createPoint(
                        new Coordinate(lonLat.get(0).asDouble(), lonLat.get(1).asDouble()));
    }

    private static void assertSixDecimals(JsonNode node) {
        if (node.isNumber()) {
            assertThat(Math.abs(node.asDouble() * 1e6 - Math.rint(node.asDouble() * 1e6)))
                    .isLessThan(1e-3);
        } else {
            node.forEach(RegionOutlineTests::assertSixDecimals);
        }
    }
}
