package org.gridgov.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/** Searches and exports by ID or phone number leave audit records that never hold the number in plain. */
@SpringBootTest
class PersonalNumbersInAuditTests {

    private static final String ID_NUMBER = "421381197010095847";
    private static final String OLD_ID_NUMBER = "421381701009584";
    private static final String PHONE = "13912345678";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Test
    void searchesAndExportsByIdOrPhoneNumberKeepOnlyTheMaskedNumberInTheAuditLog() throws Exception {
        long before = jdbc.sql("select coalesce(max(id), 0) from audit_log")
                .query(Long.class)
                .single();
        MockMvc leader = SignedIn.as(context, "county.leader");

        // As a browser sends them: in the query string, which the export's record keeps.
        leader.perform(get("/api/registry/residents?idNumber={id}", ID_NUMBER));
        leader.perform(get("/api/registry/residents?phone={phone}", PHONE));
        leader.perform(get(
                "/api/registry/residents/export?idNumber={id}&phone={phone}&purpose={purpose}",
                ID_NUMBER,
                "139-1234-5678",
                "核实 " + ID_NUMBER + " 的登记"));
        leader.perform(get("/api/registry/residents/export?idNumber={id}&purpose={purpose}", OLD_ID_NUMBER, "核实"));
        // A module recording a personal-data read in its own words.
        audit.record(AuditEntry.builder(AuditAction.VIEW_SENSITIVE, AuditResult.SUCCESS)
                .userId(1L)
                .username("county.leader")
                .object("resident-search", "idNumber=" + ID_NUMBER)
                .detail("按身份证号 " + ID_NUMBER + " 和电话 +86 139 1234 5678 查询，1 条")
                .build());

        List<String> rows = jdbc.sql("select a::text from audit_log a where id > :before")
                .param("before", before)
                .query(String.class)
                .list();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
        assertThat(rows)
                .noneMatch(row -> row.contains(ID_NUMBER)
                        || row.contains(OLD_ID_NUMBER)
                        || row.contains(PHONE)
                        || row.contains("139-1234-5678")
                        || row.contains("139 1234 5678"));
        assertThat(rows)
                .anyMatch(row -> row.contains("/api/registry/residents/export?idNumber=421381********5847"
                        + "&phone=139****5678&purpose=核实 421381********5847 的登记"));
        assertThat(rows).anyMatch(row -> row.contains("idNumber=421381********9584"));
        assertThat(rows).anyMatch(row -> row.contains("按身份证号 421381********5847 和电话 +86139****5678 查询"));
    }
}
