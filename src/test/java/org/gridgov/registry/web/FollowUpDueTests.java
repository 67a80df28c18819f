package org.gridgov.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.registry.web.GroupCalls.followUp;
import static org.gridgov.registry.web.GroupCalls.ids;
import static org.gridgov.registry.web.GroupCalls.member;
import static org.gridgov.registry.web.GroupCalls.resident;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.gridgov.MovableClock;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/** Due dates as data with a clock the test moves: a follow-up moves the due date on; overdue lists per worker. */
@SpringBootTest
@Import(MovableClock.Config.class)
class FollowUpDueTests {

    private static final String GRID = "421381101001101";
    /** A grid of the same village that the demo grid worker does not cover. */
    private static final String UNCOVERED_GRID = "421381101001103";

    private static final String SPECIAL = "/api/registry/special-groups";
    private static final String OVERDUE = "/api/registry/follow-ups/overdue";

    @Autowired
    WebApplicationContext context;

    @Autowired
    MovableClock clock;

    MockMvc worker;
    MockMvc township;
    MockMvc villageLeader;

    @BeforeEach
    void setUp() throws Exception {
        worker = SignedIn.as(context, "grid.worker");
        township = SignedIn.as(context, "yz.operator");
        villageLeader = SignedIn.as(context, "grid.leader");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void theNextFollowUpIsDueTheFrequencyAfterTheLastOneAndABackdatedOneDoesNotMoveItBack() throws Exception {
        long person = resident(worker, GRID, "走访甲");
        long id = member(
                worker,
                SPECIAL,
                person,
                "COMMUNITY_CORRECTION",
                "{\"correctionType\":\"02\",\"correctionFrom\":\"2025-01-01\"}",
                7);
        var registered = today();
        worker.perform(get(SPECIAL + "/" + id))
                .andExpect(jsonPath("$.registeredOn").value(registered.toString()))
                .andExpect(jsonPath("$.nextDueOn").value(registered.plusDays(7).toString()));

        clock.advance(Duration.ofDays(5));
        followUp(worker, SPECIAL, id, today().toString(), "VISIT")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.lastFollowUpOn").value(today().toString()))
                .andExpect(jsonPath("$.nextDueOn").value(today().plusDays(7).toString()))
                .andExpect(jsonPath("$.followUps").value(1));
        followUp(worker, SPECIAL, id, today().minusDays(3).toString(), "PHONE")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.nextDueOn").value(today().plusDays(7).toString()))
                .andExpect(jsonPath("$.followUps").value(2));
        worker.perform(get(SPECIAL + "/" + id + "/follow-ups"))
                .andExpect(jsonPath("$.content[0].kind").value("VISIT"))
                .andExpect(jsonPath("$.content[0].actorName").value("网格员"));
        followUp(worker, SPECIAL, id, today().plusDays(1).toString(), "VISIT")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'doneOn')].code", hasItem("future")));
        followUp(worker, SPECIAL, id, today().toString(), "LETTER")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'kind')].code", hasItem("unknown")));
    }

    @Test
    void aFollowUpSentAgainUnderTheSameRequestIdIsRecordedOnce() throws Exception {
        long id = member(worker, SPECIAL, resident(worker, GRID, "重发丁"), "KEY_YOUTH", "{\"youthType\":\"02\"}", 7);
        String requestId = java.util.UUID.randomUUID().toString();
        String body = "{\"doneOn\":\"" + today() + "\",\"kind\":\"VISIT\",\"content\":\"离线走访\",\"requestId\":\""
                + requestId + "\"}";
        for (int send = 0; send < 2; send++) {
            worker.perform(post(SPECIAL + "/" + id + "/follow-ups")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.followUps").value(1));
        }
        // Someone else who (by a copied id) sends the same request id is refused, not shown the first.
        villageLeader
                .perform(post(SPECIAL + "/" + id + "/follow-ups")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isConflict());
        worker.perform(post(SPECIAL + "/" + id + "/follow-ups")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace(requestId, "x".repeat(65))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'requestId')].code", hasItem("too-long")));
        followUp(worker, SPECIAL, id, today().toString(), "PHONE")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.followUps").value(2));
    }

    @Test
    void overdueFollowUpsAreThoseOfTheWorkersOwnGridsAndLeaveTheListWhenRecorded() throws Exception {
        long mine = member(worker, SPECIAL, resident(worker, GRID, "逾期乙"), "KEY_YOUTH", "{\"youthType\":\"02\"}", 3);
        long notMine = member(
                township, SPECIAL, resident(township, UNCOVERED_GRID, "逾期丙"), "KEY_YOUTH", "{\"youthType\":\"02\"}", 3);
        assertThat(ids(worker, OVERDUE)).doesNotContain((int) mine);

        clock.advance(Duration.ofDays(4));
        assertThat(ids(worker, OVERDUE)).contains((int) mine).doesNotContain((int) notMine);
        assertThat(ids(villageLeader, OVERDUE)).contains((int) mine, (int) notMine);
        worker.perform(get(SPECIAL + "/" + mine))
                .andExpect(jsonPath("$.overdue").value(true));
        worker.perform(get(SPECIAL).param("overdue", "true"))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) mine)));

        followUp(worker, SPECIAL, mine, today().toString(), "VISIT").andExpect(status().isCreated());
        assertThat(ids(worker, OVERDUE)).doesNotContain((int) mine);
        worker.perform(get(OVERDUE).param("size", "500")).andExpect(status().isBadRequest());
    }
}
