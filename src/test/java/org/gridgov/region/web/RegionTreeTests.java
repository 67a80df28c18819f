package org.gridgov.region.web;

import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
class RegionTreeTests {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void signIn() throws Exception {
        mvc = SignedIn.as(context, "county.operator");
    }

    @Test
    void rootIsGuangshuiWithItsAncestors() throws Exception {
        mvc.perform(get("/api/regions/421381"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("广水市"))
                .andExpect(jsonPath("$.level").value("COUNTY"))
                .andExpect(jsonPath("$.hasChildren").value(true))
                .andExpect(jsonPath("$.path[0].name").value("湖北省"))
                .andExpect(jsonPath("$.path[1].name").value("随州市"));
    }

    @Test
    void countyChildrenAreItsTwentyTownships() throws Exception {
        mvc.perform(get("/api/regions/421381/children").param("size", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(20))
                .andExpect(jsonPath("$.content[0].code").value("421381001"))
                .andExpect(jsonPath("$.content[0].name").value("应山街道"))
                .andExpect(jsonPath("$.content[*].name", hasItem("杨寨镇")))
                .andExpect(jsonPath("$.content[0].level").value("TOWNSHIP"));
    }

    @Test
    void childrenArePaged() throws Exception {
        mvc.perform(get("/api/regions/421381/children").param("page", "1").param("size", "5"))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(5))
                .andExpect(jsonPath("$.totalPages").value(4))
                .andExpect(jsonPath("$.content[0].code").value("421381101"));
    }

    @Test
    void townshipChildrenAreVillagesAndVillageChildrenAreGrids() throws Exception {
        mvc.perform(get("/api/regions/421381101/children"))
                .andExpect(jsonPath("$.totalElements", greaterThan(3)))
                .andExpect(jsonPath("$.content[0].level").value("VILLAGE"))
                .andExpect(jsonPath("$.content[0].hasChildren").value(true));
        String village = com.jayway.jsonpath.JsonPath.read(
                mvc.perform(get("/api/regions/421381101/children"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.content[0].code");
        mvc.perform(get("/api/regions/" + village + "/children"))
                .andExpect(jsonPath("$.content[0].level").value("GRID"))
                .andExpect(jsonPath("$.content[0].gridType").isNotEmpty())
                .andExpect(jsonPath("$.content[0].parentCode").value(village));
    }

    @Test
    void searchFindsRegionsAndGridsByNameFragment() throws Exception {
        mvc.perform(get("/api/regions").param("name", "杨寨"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].name").value("杨寨镇"));
        mvc.perform(get("/api/regions").param("name", "网格").param("size", "5"))
                .andExpect(jsonPath("$.totalElements", greaterThan(1000)))
                .andExpect(jsonPath("$.content[0].level").value("GRID"));
    }

    @Test
    void searchTreatsWildcardsLiterally() throws Exception {
        mvc.perform(get("/api/regions").param("name", "%"))
                .andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void unknownOrOutOfTreeCodesAreNotFoundProblems() throws Exception {
        mvc.perform(get("/api/regions/421381999"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(jsonPath("$.detailEn").isNotEmpty());
        mvc.perform(get("/api/regions/110101")).andExpect(status().isNotFound());
    }

    @Test
    void badPagingIsABadRequestNamingTheField() throws Exception {
        mvc.perform(get("/api/regions/421381/children").param("size", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/regions/421381/children").param("page", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/api/regions").param("name", " "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void featuresOfATownshipAreAPagedFeatureCollection() throws Exception {
        mvc.perform(get("/api/grids/features").param("region", "421381101").param("size", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features.length()").value(10))
                .andExpect(jsonPath("$.totalElements", greaterThan(10)))
                .andExpect(jsonPath("$.features[0].geometry.type").isNotEmpty())
                .andExpect(jsonPath("$.features[0].properties.level").value("GRID"));
    }
}
