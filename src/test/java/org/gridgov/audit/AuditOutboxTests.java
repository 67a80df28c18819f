package org.gridgov.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.gridgov.SignedIn;
import org.gridgov.audit.internal.AuditOutboxSweep;
import org.gridgov.audit.internal.AuditWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * A write is committed together with a copy of its audit record, so that it stays audited when the platform stops
 * (or the chain cannot be appended to) between the commit and the record's append.
 */
@SpringBootTest
class AuditOutboxTests {

    private static final String GRID = "421381101001101";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @MockitoSpyBean
    AuditWriter writer;

    @Autowired
    AuditOutboxSweep sweep;

    @Autowired
    AuditLog audit;

    MockMvc worker;
    List<Double> point;

    @BeforeEach
    void signIn() throws Exception {
        // Copies another test of this class left behind on purpose.
        jdbc.sql("delete from audit_outbox where username = 'grid.worker'").update();
        worker = SignedIn.as(context, "grid.worker");
        String grid = worker.perform(get("/api/grids/" + GRID))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        point = JsonPath.read(grid, "$.labelPoint");
    }

    String report(String requestId) {
        return "{\"requestId\":\"" + requestId + "\",\"title\":\"井盖缺失\",\"categoryCode\":\"0110\",\"lon\":"
                + point.get(0) + ",\"lat\":" + point.get(1) + "}";
    }

    long outboxRows() {
        return jdbc.sql("select count(*) from audit_outbox where username = 'grid.worker'")
                .query(Long.class)
                .single();
    }

    @Test
    void aWriteWhoseRecordCannotBeAppendedIsStillAuditedFromTheCopyItCommitted() throws Exception {
        String requestId = "outbox-" + UUID.randomUUID();
        long recordsBefore = jdbc.sql("select count(*) from audit_log where username = 'grid.worker'"
                        + " and detail like 'POST /api/events %'")
                .query(Long.class)
                .single();
        doThrow(new IllegalStateException("the chain cannot be appended to"))
                .when(writer)
                .write(any(AuditEntry.class), anyList());
        try {
            assertThatThrownBy(() -> worker.perform(post("/api/events")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(report(requestId))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the chain cannot be appended to");
        } finally {
            reset(writer);
        }
        assertThat(jdbc.sql("select count(*) from event where request_id = :id")
                        .param("id", requestId)
                        .query(Long.class)
                        .single())
                .as("the report was committed")
                .isOne();
        assertThat(outboxRows()).isOne();

        assertThat(sweep.sweep(Duration.ZERO)).isOne();

        assertThat(outboxRows()).isZero();
        var records = jdbc.sql("select action, result, detail, object_id from audit_log"
                        + " where username = 'grid.worker' and detail like 'POST /api/events %' order by id")
                .query((rs, n) -> List.of(
                        rs.getString("action"),
                        rs.getString("result"),
                        rs.getString("detail"),
                        rs.getString("object_id")))
                .list();
        assertThat(records).hasSize((int) recordsBefore + 1);
        assertThat(records.getLast())
                .containsExactly(
                        "WRITE",
                        "SUCCESS",
                        "POST /api/events (已提交，应答未记录 committed; the answer was not recorded)",
                        "/api/events");
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void aCompletedWriteLeavesItsRecordWithTheAnswerAndNoCopy() throws Exception {
        worker.perform(post("/api/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(report("outbox-" + UUID.randomUUID())))
                .andExpect(status().isCreated());

        assertThat(outboxRows()).isZero();
        assertThat(jdbc.sql("select detail from audit_log where username = 'grid.worker' order by id desc limit 1")
                        .query(String.class)
                        .single())
                .isEqualTo("POST /api/events 201");
    }

    @Test
    void aRefusedWriteCommitsNothingAndIsRecordedWithItsAnswer() throws Exception {
        worker.perform(post("/api/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"\"}"))
                .andExpect(status().isBadRequest());

        assertThat(outboxRows()).isZero();
        assertThat(jdbc.sql("select result || ' ' || detail from audit_log where username = 'grid.worker'"
                                + " order by id desc limit 1")
                        .query(String.class)
                        .single())
                .isEqualTo("FAILURE POST /api/events 400");
    }

    @Test
    void theSweepLeavesYoungCopiesToTheRequestsStillUnderWay() {
        jdbc.sql("insert into audit_outbox (county_code, username, action, result, detail)"
                        + " values ('421381', 'grid.worker', 'WRITE', 'SUCCESS', 'POST /api/events')")
                .update();
        try {
            assertThat(sweep.sweep()).isZero();
            assertThat(outboxRows()).isOne();
        } finally {
            jdbc.sql("delete from audit_outbox where username = 'grid.worker'").update();
        }
    }
}
