package org.gridgov.event.web;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gridgov.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
class CatalogApiTests {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void signIn() throws Exception {
        mvc = SignedIn.as(context, "county.operator");
    }

    @Test
    void listsTheMajorsOfBothDomainsWhenNoParentIsGiven() throws Exception {
        mvc.perform(get("/api/event-categories").param("size", "50"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(10))
                .andExpect(jsonPath("$.content[*].code", hasItems("ZZ01", "ZZ05", "01", "04")))
                .andExpect(jsonPath("$.content[*].kind", everyItem(org.hamcrest.Matchers.is("MAJOR"))))
                .andExpect(jsonPath("$.content[0].code").value("01"))
                .andExpect(jsonPath("$.content[0].name").value("市容环境"))
                .andExpect(jsonPath("$.content[0].domain").value("CITY"))
                .andExpect(jsonPath("$.content[0].hasChildren").value(true));
    }

    @Test
    void listsTheMinorsOfAMajorPaged() throws Exception {
        mvc.perform(get("/api/event-categories")
                        .param("parent", "04")
                        .param("page", "1")
                        .param("size", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(8))
                .andExpect(jsonPath("$.totalPages").value(3))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.content[0].code").value("0406"))
                .andExpect(jsonPath("$.content[0].name").value("占道经营"))
                .andExpect(jsonPath("$.content[0].parentCode").value("04"))
                .andExpect(jsonPath("$.content[0].hasChildren").value(false));
        mvc.perform(get("/api/event-categories").param("parent", "ZZ01").param("size", "50"))
                .andExpect(jsonPath("$.content[*].name", hasItems("邻里纠纷", "婚姻家庭纠纷", "劳动争议")));
    }

    @Test
    void minorHasNoChildren() throws Exception {
        mvc.perform(get("/api/event-categories").param("parent", "0110"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void detailShowsOwnAndInheritedRulesAndTheResponsibleOrganization() throws Exception {
        mvc.perform(get("/api/event-categories/0110"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.versionId").value(1))
                .andExpect(jsonPath("$.name").value("暴露垃圾"))
                .andExpect(jsonPath("$.majorCode").value("01"))
                .andExpect(jsonPath("$.majorName").value("市容环境"))
                .andExpect(jsonPath("$.kind").value("MINOR"))
                .andExpect(jsonPath(
                                "$.timeLimits[?(@.step == 'HANDLE' && @.urgency == 'NORMAL' && @.areaClass == null)].amount")
                        .value(4))
                .andExpect(jsonPath(
                                "$.timeLimits[?(@.step == 'HANDLE' && @.urgency == 'NORMAL' && @.areaClass == 'A')].unit")
                        .value("WORKING_HOURS"))
                .andExpect(jsonPath("$.timeLimits[?(@.step == 'HANDLE' && @.urgency == 'NORMAL')].inherited")
                        .value(not(hasItem(true))))
                .andExpect(jsonPath("$.timeLimits[?(@.step == 'ACCEPT' && @.urgency == 'NORMAL')].categoryCode")
                        .value("01"))
                .andExpect(jsonPath("$.timeLimits[?(@.step == 'ACCEPT' && @.urgency == 'NORMAL')].inherited")
                        .value(true))
                .andExpect(jsonPath("$.responsibilities[0].regionLevel").value("COUNTY"))
                .andExpect(jsonPath("$.responsibilities[0].organizationCode").value("421381-cgj"))
                .andExpect(jsonPath("$.responsibilities[0].organizationName").value("广水市城市管理执法局"))
                .andExpect(jsonPath("$.responsibilities[0].inherited").value(true));
    }

    @Test
    void majorDetailHasARuleForEveryUrgencyAndStep() throws Exception {
        mvc.perform(get("/api/event-categories/ZZ03"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.majorCode").value("ZZ03"))
                .andExpect(jsonPath("$.timeLimits.length()").value(15))
                .andExpect(jsonPath("$.responsibilities.length()").value(0));
    }

    @Test
    void unknownCategoryIsNotFound() throws Exception {
        mvc.perform(get("/api/event-categories/9999"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://gridgov.org/problems/not-found"))
                .andExpect(jsonPath("$.detailEn").value("No event category with code 9999"));
        mvc.perform(get("/api/event-categories").param("parent", "9999")).andExpect(status().isNotFound());
    }

    @Test
    void badPagingIsRefusedWithTheFieldsAtFault() throws Exception {
        mvc.perform(get("/api/event-categories").param("size", "0").param("page", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("page", "size")));
        mvc.perform(get("/api/catalog-versions").param("size", "201"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/event-categories").param("page", "first"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
    }

    @Test
    void listsTheVersionsNewestFirstMarkingTheCurrentOne() throws Exception {
        mvc.perform(get("/api/catalog-versions"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(1))
                .andExpect(jsonPath("$.content[0].name").value("2026 起步目录"))
                .andExpect(jsonPath("$.content[0].current").value(true))
                .andExpect(jsonPath("$.content[0].publishedAt").isNotEmpty())
                .andExpect(jsonPath("$.content[0].categories").value(83));
    }

    @Test
    void roleWithoutEventReadIsRefused() throws Exception {
        SignedIn.as(context, "auditor").perform(get("/api/event-categories")).andExpect(status().isForbidden());
    }

    @Test
    void anonymousCallerMustSignIn() throws Exception {
        SignedIn.anonymous(context).perform(get("/api/event-categories")).andExpect(status().isUnauthorized());
    }
}
