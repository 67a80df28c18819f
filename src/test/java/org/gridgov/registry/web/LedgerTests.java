package org.gridgov.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.registry.web.GroupCalls.ids;
import static org.gridgov.registry.web.GroupCalls.member;
import static org.gridgov.registry.web.GroupCalls.resident;
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

/** The three ledgers: each lists the groups whose type names it, within the caller's scope. */
@SpringBootTest
class LedgerTests {

    private static final String GRID = "421381101001101";

    @Autowired
    WebApplicationContext context;

    MockMvc worker;
    MockMvc otherTownship;

    @BeforeEach
    void setUp() throws Exception {
        worker = SignedIn.as(context, "grid.worker");
        otherTownship = SignedIn.as(context, "ys.operator");
    }

    @Test
    void eachLedgerHoldsItsGroups() throws Exception {
        long lowIncome = member(
                worker,
                "/api/registry/service-recipients",
                resident(worker, GRID, "台账甲"),
                "LOW_INCOME",
                "{\"allowanceType\":\"URBAN\"}",
                90);
        long disabled = member(
                worker,
                "/api/registry/service-recipients",
                resident(worker, GRID, "台账乙"),
                "DISABLED",
                "{\"disabilityType\":\"4\"}",
                60);
        long prisoner = member(
                worker,
                "/api/registry/special-groups",
                resident(worker, GRID, "台账丙"),
                "RELEASED_PRISONER",
                "{\"originalCharge\":\"诈骗罪\",\"releasedOn\":\"2025-06-01\"}",
                30);

        assertThat(ids(worker, "/api/registry/ledgers/livelihood"))
                .contains((int) lowIncome, (int) disabled)
                .doesNotContain((int) prisoner);
        assertThat(ids(worker, "/api/registry/ledgers/hardship"))
                .contains((int) lowIncome)
                .doesNotContain((int) disabled, (int) prisoner);
        assertThat(ids(worker, "/api/registry/ledgers/stability"))
                .contains((int) prisoner)
                .doesNotContain((int) lowIncome, (int) disabled);
        assertThat(ids(otherTownship, "/api/registry/ledgers/stability")).doesNotContain((int) prisoner);
        worker.perform(get("/api/registry/ledgers/stability"))
                .andExpect(jsonPath("$.content[0].attentionLevelName").isNotEmpty())
                .andExpect(jsonPath("$.content[0].overdue").isBoolean());
        worker.perform(get("/api/registry/ledgers/gossip")).andExpect(status().isNotFound());
    }

    @Test
    void theDemoGridsHaveOverdueFollowUps() throws Exception {
        worker.perform(get("/api/registry/follow-ups/overdue"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(org.hamcrest.Matchers.greaterThan(0)));
    }
}
