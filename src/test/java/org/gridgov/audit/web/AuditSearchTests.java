package org.gridgov.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.UUID;
import org.gridgov.audit.AuditAction;
import org.gridgov.audit.AuditEntry;
import org.gridgov.audit.AuditLog;
import org.gridgov.audit.AuditResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
class AuditSearchTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    /** The tests share one database, so each one searches only for its own user. */
    String username;

    @BeforeEach
    void newUser() {
        username = "audit-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestPostProcessor auditor() {
        return user("auditor").authorities(new SimpleGrantedAuthority("audit:read"));
    }

    MockHttpServletRequestBuilder search() {
        return get("/api/audit").with(auditor()).param("username", username);
    }

    AuditEntry.Builder entry(AuditAction action, AuditResult result) {
        return AuditEntry.builder(action, result)
                .userId(42L)
                .username(username)
                .roles("GRID_WORKER,VILLAGE_ADMIN")
                .organization("421381103")
                .clientAddress("10.0.0.7");
    }

    @Test
    void recordedEntriesAreFoundNewestFirstWithAllTheirFields() throws Exception {
        audit.record(entry(AuditAction.LOGIN, AuditResult.SUCCESS).build());
        audit.record(entry(AuditAction.UNMASK, AuditResult.SUCCESS)
                .object("person", "p-17")
                .purpose("核实走访对象")
                .detail("GET /api/people/p-17?unmasked 200")
                .build());

        mvc.perform(search())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content[0].action").value("UNMASK"))
                .andExpect(jsonPath("$.content[0].userId").value(42))
                .andExpect(jsonPath("$.content[0].username").value(username))
                .andExpect(jsonPath("$.content[0].roles").value("GRID_WORKER,VILLAGE_ADMIN"))
                .andExpect(jsonPath("$.content[0].organization").value("421381103"))
                .andExpect(jsonPath("$.content[0].objectType").value("person"))
                .andExpect(jsonPath("$.content[0].objectId").value("p-17"))
                .andExpect(jsonPath("$.content[0].result").value("SUCCESS"))
                .andExpect(jsonPath("$.content[0].purpose").value("核实走访对象"))
                .andExpect(jsonPath("$.content[0].detail").value("GET /api/people/p-17?unmasked 200"))
                .andExpect(jsonPath("$.content[0].clientAddress").value("10.0.0.7"))
                .andExpect(jsonPath("$.content[0].inputProblems").doesNotExist())
                .andExpect(jsonPath("$.content[0].hash").value(org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}")))
                .andExpect(jsonPath("$.content[1].action").value("LOGIN"));
    }

    @Test
    void filtersByActionResultObjectAndTime() throws Exception {
        audit.record(entry(AuditAction.LOGIN_FAILED, AuditResult.FAILURE)
                .detail("wrong password")
                .build());
        Thread.sleep(5);
        audit.record(entry(AuditAction.WRITE, AuditResult.DENIED)
                .object("grid", "421381103001101")
                .build());
        Thread.sleep(5);
        audit.record(entry(AuditAction.WRITE, AuditResult.SUCCESS)
                .object("grid", "x")
                .build());

        mvc.perform(search().param("action", "WRITE"))
                .andExpect(jsonPath("$.totalElements").value(2));
        mvc.perform(search().param("action", "write").param("result", "DENIED"))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].objectId").value("421381103001101"));
        mvc.perform(search().param("objectType", "grid").param("objectId", "x"))
                .andExpect(jsonPath("$.totalElements").value(1));
        mvc.perform(search().param("result", "FAILURE"))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].action").value("LOGIN_FAILED"));

        var body = mvc.perform(search()).andReturn().getResponse().getContentAsString();
        Instant denied = Instant.parse(JsonPath.read(body, "$.content[1].recordedAt"));
        mvc.perform(search().param("from", denied.toString()))
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content[1].result").value("DENIED"));
        mvc.perform(search().param("to", denied.toString()))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].action").value("LOGIN_FAILED"));
        mvc.perform(search().param("from", denied.toString())
                        .param("to", denied.plusNanos(1000).toString()))
                .andExpect(jsonPath("$.totalElements").value(1));
        mvc.perform(search().param(
                                "from",
                                denied.atOffset(java.time.ZoneOffset.ofHours(8)).toString()))
                .andExpect(jsonPath("$.totalElements").value(2));
    }

    @Test
    void pagesHoldTheRequestedSize() throws Exception {
        for (int i = 0; i < 5; i++) {
            audit.record(entry(AuditAction.WRITE, AuditResult.SUCCESS)
                    .detail("write " + i)
                    .build());
        }
        mvc.perform(search().param("page", "1").param("size", "2"))
                .andExpect(jsonPath("$.totalElements").value(5))
                .andExpect(jsonPath("$.totalPages").value(3))
                .andExpect(jsonPath("$.content.length()").value(2))
                .andExpect(jsonPath("$.content[0].detail").value("write 2"));
    }

    @Test
    void refusesUnknownValuesAndReversedTimesNamingTheField() throws Exception {
        mvc.perform(search().param("action", "DROP_TABLE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("action"))
                .andExpect(jsonPath("$.errors[0].messageEn").value(containsString("LOGIN_FAILED")));
        mvc.perform(search().param("result", "MAYBE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("result"));
        mvc.perform(search().param("from", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(search().param("to", "2025-01-01T00:00:00"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(search().param("from", "2025-02-01T00:00:00Z").param("to", "2025-01-01T00:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].code").value("range"));
        mvc.perform(search().param("size", "201"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(search().param("action", "NOPE").param("page", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("action")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("page")));
    }

    @Test
    void searchValuesAreBoundNotSpliced() throws Exception {
        audit.record(entry(AuditAction.LOGIN, AuditResult.SUCCESS).build());
        mvc.perform(get("/api/audit").with(auditor()).param("username", "x' or '1'='1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void needsTheAuditReadAuthority() throws Exception {
        mvc.perform(get("/api/audit")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/audit").with(user("worker").authorities(new SimpleGrantedAuthority("grid:write"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/audit/verify").with(user("worker").authorities(new SimpleGrantedAuthority("grid:write"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void keepsTheRecordWhenTheCallersTransactionRollsBack() throws Exception {
        transactions.executeWithoutResult(tx -> {
            audit.record(entry(AuditAction.WRITE, AuditResult.FAILURE)
                    .detail("POST /api/grids 422")
                    .build());
            tx.setRollbackOnly();
        });
        mvc.perform(search()).andExpect(jsonPath("$.totalElements").value(1));
    }

    @Test
    void recordsWhatItCanOfAFaultyEntryAndSaysWhatWasWrong() throws Exception {
        audit.record(AuditEntry.builder(null, AuditResult.SUCCESS)
                .username(username)
                .detail("bad\u0000byte")
                .build());
        audit.record(AuditEntry.builder(AuditAction.EXPORT, AuditResult.SUCCESS)
                .username(username)
                .detail("x".repeat(5000))
                .build());

        var body = mvc.perform(search())
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<Integer>read(body, "$.totalElements")).isEqualTo(2);
        assertThat(JsonPath.<String>read(body, "$.content[0].action")).isEqualTo("EXPORT");
        assertThat(JsonPath.<String>read(body, "$.content[0].inputProblems"))
                .contains("purpose-missing")
                .contains("detail-truncated");
        assertThat(JsonPath.<String>read(body, "$.content[0].detail")).hasSize(2000);
        assertThat(JsonPath.<String>read(body, "$.content[1].action")).isEqualTo("UNKNOWN");
        assertThat(JsonPath.<String>read(body, "$.content[1].detail")).isEqualTo("bad\uFFFDbyte");
        assertThat(JsonPath.<String>read(body, "$.content[1].inputProblems"))
                .contains("action-missing")
                .contains("detail-control-characters");
    }

    @Test
    void recordsAFailedLoginOfAnUnknownUser() throws Exception {
        audit.record(AuditEntry.builder(AuditAction.LOGIN_FAILED, AuditResult.FAILURE)
                .username(username)
                .detail("unknown user")
                .clientAddress("192.0.2.1")
                .build());
        mvc.perform(search())
                .andExpect(jsonPath("$.content[0].userId").doesNotExist())
                .andExpect(jsonPath("$.content[0].inputProblems").doesNotExist());
    }

    @Test
    void recordsNameTheirUserOrganizationAndObjectInsteadOfBareIds() throws Exception {
        long workerId = jdbc.sql("select id from app_user where username = 'grid.worker'")
                .query(Long.class)
                .single();
        String workerName = jdbc.sql("select real_name from app_user where id = :id")
                .param("id", workerId)
                .query(String.class)
                .single();
        var resident = jdbc.sql("select id, name from resident order by id limit 1")
                .query((rs, n) -> new String[] {rs.getString("id"), rs.getString("name")})
                .single();
        var event = jdbc.sql("select id, serial_number || ' ' || title from event order by id limit 1")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        audit.record(entry(AuditAction.UNMASK, AuditResult.SUCCESS)
                .userId(workerId)
                .organization("421381101-center")
                .object("resident", resident[0])
                .purpose("核实")
                .build());
        audit.record(entry(AuditAction.WRITE, AuditResult.SUCCESS)
                .userId(workerId)
                .object("api", "/api/events/" + event[0] + "/accept")
                .build());
        audit.record(entry(AuditAction.WRITE, AuditResult.SUCCESS)
                .object("api", "/api/grids/421381101001101/redraw")
                .build());
        audit.record(entry(AuditAction.WRITE, AuditResult.SUCCESS)
                .userId(999_999_999L)
                .object("resident", "999999999")
                .build());

        mvc.perform(search())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[3].userLabel").value(workerName))
                .andExpect(jsonPath("$.content[3].organizationLabel").value("杨寨镇综治中心"))
                .andExpect(jsonPath("$.content[3].labelType").value("resident"))
                .andExpect(jsonPath("$.content[3].objectLabel").value(resident[1]))
                .andExpect(jsonPath("$.content[2].labelType").value("event"))
                .andExpect(jsonPath("$.content[2].objectLabel").value(event[1]))
                .andExpect(jsonPath("$.content[1].labelType").value("grid"))
                .andExpect(jsonPath("$.content[1].objectLabel").isNotEmpty())
                .andExpect(jsonPath("$.content[0].objectId").value("999999999"))
                .andExpect(jsonPath("$.content[0].objectLabel").isEmpty())
                .andExpect(jsonPath("$.content[0].userLabel").isEmpty());
    }
}
