package org.gridgov.event.web;

import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import org.gridgov.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
class DemoEventsTests {

    @Autowired
    WebApplicationContext context;

    @Test
    void theDemoCountyHasMonthsOfEventsAtEveryStep() throws Exception {
        var county = SignedIn.as(context, "county.operator");
        county.perform(get("/api/events").param("status", "CLOSED").param("size", "200"))
                .andExpect(jsonPath("$.totalElements", greaterThan(200)))
                .andExpect(jsonPath("$.content[*].satisfaction", hasItem(greaterThan(2))));
        county.perform(get("/api/events").param("status", "CLAIMED"))
                .andExpect(jsonPath("$.totalElements", greaterThan(0)));
        county.perform(get("/api/events").param("box", "overdue"))
                .andExpect(jsonPath("$.totalElements", greaterThan(0)));
        county.perform(get("/api/events").param("category", "0110"))
                .andExpect(jsonPath("$.content[0].categoryName").value("暴露垃圾"));
    }
}
