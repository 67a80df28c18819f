package org.gridgov.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.registry.web.GroupCalls.member;
import static org.gridgov.registry.web.GroupCalls.register;
import static org.gridgov.registry.web.GroupCalls.resident;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gridgov.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
class SpecialGroupTests {

    private static final String GRID = "421381101001101";
    private static final String SPECIAL = "/api/registry/special-groups";
    private static final String SERVICE = "/api/registry/service-recipients";
    private static final String PRISONER =
            "{\"originalCharge\":\"盗窃罪\",\"releasedOn\":\"2025-03-01\",\"recidivist\":\"0\"}";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    MockMvc worker;
    MockMvc assistant;
    MockMvc otherTownship;
    MockMvc admin;

    @BeforeEach
    void setUp() throws Exception {
        worker = SignedIn.as(context, "grid.worker");
        assistant = SignedIn.as(context, "grid.assistant");
        otherTownship = SignedIn.as(context, "ys.operator");
        admin = SignedIn.as(context, "admin");
    }

    @Test
    void registersAReleasedPrisonerWithTheGroupsFieldsAndShowsThemMaskedInTheList() throws Exception {
        long person = resident(worker, GRID, "刑释甲");
        long id = member(worker, SPECIAL, person, "RELEASED_PRISONER", PRISONER, 30);
        worker.perform(get(SPECIAL + "/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groupName").value("刑满释放人员"))
                .andExpect(jsonPath("$.attentionLevelName").value("中等"))
                .andExpect(jsonPath("$.details.originalCharge").value("盗窃罪"))
                .andExpect(jsonPath("$.idNumber").value(matchesPattern("\\d{6}\\*{12}")))
                .andExpect(jsonPath("$.overdue").value(false));
        worker.perform(get(SPECIAL).param("group", "RELEASED_PRISONER").param("name", "刑释甲"))
                .andExpect(jsonPath("$.content[0].id").value((int) id))
                .andExpect(jsonPath("$.content[0].details").isEmpty())
                .andExpect(jsonPath("$.content[0].idNumber").value(matchesPattern(".*\\*{8}.*")));
        register(
                        worker,
                        SPECIAL,
                        "{\"residentId\":" + person + ",\"groupCode\":\"RELEASED_PRISONER\","
                                + "\"attentionLevel\":\"LOW\",\"details\":" + PRISONER + "}")
                .andExpect(status().isConflict());
    }

    @Test
    void refusesAMissingFieldAnUnknownCodeAnUnknownFieldAndABadDateNamingEach() throws Exception {
        long person = resident(worker, GRID, "矫正乙");
        register(
                        worker,
                        SPECIAL,
                        "{\"residentId\":" + person
                                + ",\"groupCode\":\"COMMUNITY_CORRECTION\",\"attentionLevel\":\"X\","
                                + "\"frequencyDays\":0,\"details\":{\"correctionType\":\"77\",\"shoeSize\":\"42\","
                                + "\"sentenceFrom\":\"2025/01/01\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'details.correctionType')].code", hasItem("unknown-value")))
                .andExpect(jsonPath("$.errors[?(@.field == 'details.correctionFrom')].code", hasItem("required")))
                .andExpect(jsonPath("$.errors[?(@.field == 'details.shoeSize')].code", hasItem("unknown-field")))
                .andExpect(jsonPath("$.errors[?(@.field == 'details.sentenceFrom')].code", hasItem("date-format")))
                .andExpect(jsonPath("$.errors[?(@.field == 'attentionLevel')].code", hasItem("unknown-value")))
                .andExpect(jsonPath("$.errors[?(@.field == 'frequencyDays')].code", hasItem("range")))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty())
                .andExpect(jsonPath("$.errors[0].messageEn").isNotEmpty());
        register(
                        worker,
                        SPECIAL,
                        "{\"residentId\":" + person + ",\"groupCode\":\"LOW_INCOME\","
                                + "\"attentionLevel\":\"LOW\",\"details\":{\"allowanceType\":\"RURAL\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'groupCode')].code", hasItem("unknown")));
    }

    @Test
    void openingASpecialGroupRecordIsAuditedWithWhoAndWhichRecordButAListIsNot() throws Exception {
        long person = resident(worker, GRID, "刑释审");
        long id = member(worker, SPECIAL, person, "RELEASED_PRISONER", PRISONER, 30);
        long service = member(worker, SERVICE, person, "EMPTY_NEST_ELDERLY", "{\"livingAlone\":\"1\"}", 30);
        assertThat(views(String.valueOf(id))).isZero();
        worker.perform(get(SPECIAL).param("name", "刑释审")).andExpect(status().isOk());
        worker.perform(get(SPECIAL + "/" + id)).andExpect(status().isOk());
        worker.perform(get(SERVICE + "/" + service)).andExpect(status().isOk());
        assertThat(views(String.valueOf(id))).isEqualTo(1);
        assertThat(views(String.valueOf(service))).isZero();
        otherTownship.perform(get(SPECIAL + "/" + id)).andExpect(status().isNotFound());
        assertThat(views(String.valueOf(id))).isEqualTo(1);
    }

    private long views(String member) {
        return jdbc.sql("select count(*) from audit_log where action = 'VIEW_SENSITIVE'"
                        + " and object_type = 'special-group-member' and object_id = :id"
                        + " and username = 'grid.worker' and result = 'SUCCESS'")
                .param("id", member)
                .query(Long.class)
                .single();
    }

    @Test
    void aResidentsGroupsLeaveOutSpecialGroupsForCallersWhoMayNotReadThem() throws Exception {
        long person = resident(worker, GRID, "兼组己");
        member(worker, SPECIAL, person, "DRUG_USER", "{\"control\":\"03\"}", 14);
        member(worker, SERVICE, person, "EMPTY_NEST_ELDERLY", "{\"livingAlone\":\"1\"}", 30);
        String groups = "/api/registry/residents/" + person + "/groups";
        worker.perform(get(groups))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[*].groupCode", hasItem("DRUG_USER")))
                .andExpect(jsonPath("$[0].details").isEmpty());
        assistant
                .perform(get(groups))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].groupCode").value("EMPTY_NEST_ELDERLY"));
        otherTownship.perform(get(groups)).andExpect(status().isNotFound());
        admin.perform(get(groups)).andExpect(status().isForbidden());
    }

    @Test
    void aStaleVersionIsAConflict() throws Exception {
        long person = resident(worker, GRID, "精障丙");
        long id = member(worker, SPECIAL, person, "SEVERE_MENTAL_DISORDER", "{\"dangerLevel\":\"2\"}", 14);
        String change = "{\"attentionLevel\":\"HIGH\",\"frequencyDays\":7,\"details\":{\"dangerLevel\":\"4\"},"
                + "\"version\":0}";
        worker.perform(put(SPECIAL + "/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attentionLevel").value("HIGH"))
                .andExpect(jsonPath("$.frequencyDays").value(7))
                .andExpect(jsonPath("$.version").value(1));
        worker.perform(put(SPECIAL + "/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change))
                .andExpect(status().isConflict());
        worker.perform(post(SPECIAL + "/" + id + "/end")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"reason\":\"迁往外地\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.endedReason").value("迁往外地"));
    }

    @Test
    void withoutSpecialReadSpecialGroupsAreRefusedButServiceRecipientsAreNot() throws Exception {
        long person = resident(worker, GRID, "空巢丁");
        long id = member(worker, SERVICE, person, "EMPTY_NEST_ELDERLY", "{\"livingAlone\":\"1\"}", 30);
        assistant.perform(get(SPECIAL)).andExpect(status().isForbidden());
        assistant.perform(get("/api/registry/follow-ups/overdue")).andExpect(status().isForbidden());
        assistant.perform(get("/api/registry/ledgers/stability")).andExpect(status().isForbidden());
        assistant.perform(get(SERVICE + "/" + id)).andExpect(status().isOk());
        admin.perform(get(SPECIAL)).andExpect(status().isForbidden());
        // A service recipient is not reached through the special groups' path, nor the other way round.
        worker.perform(get(SPECIAL + "/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void anotherTownshipGetsNotFound() throws Exception {
        long person = resident(worker, GRID, "吸毒戊");
        long id = member(worker, SPECIAL, person, "DRUG_USER", "{\"control\":\"03\"}", 14);
        otherTownship.perform(get(SPECIAL + "/" + id)).andExpect(status().isNotFound());
        otherTownship.perform(get(SPECIAL + "/" + id + "/follow-ups")).andExpect(status().isNotFound());
        GroupCalls.followUp(otherTownship, SPECIAL, id, "2025-01-01", "VISIT").andExpect(status().isNotFound());
        assertThat(GroupCalls.ids(otherTownship, SPECIAL)).doesNotContain((int) id);
        register(
                        otherTownship,
                        SPECIAL,
                        "{\"residentId\":" + person + ",\"groupCode\":\"KEY_YOUTH\","
                                + "\"attentionLevel\":\"LOW\",\"details\":{\"youthType\":\"01\"}}")
                .andExpect(status().isNotFound());
    }
}
