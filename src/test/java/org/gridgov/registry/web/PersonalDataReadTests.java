package org.gridgov.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * What a caller without personal:unmask learns of a person's ID number from everything the registry shows them
 * (docs/SECURITY.md, masking rule), and the audit records that reading people's personal data leaves.
 */
@SpringBootTest
class PersonalDataReadTests {

    private static final String GRID = "421381101001101";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    /** 中心坐席员 of the county: reads, writes and exports the registry, may not unmask. */
    MockMvc operator;

    /** 中心领导: may unmask. */
    MockMvc leader;

    @BeforeEach
    void setUp() throws Exception {
        operator = SignedIn.as(context, "county.operator");
        leader = SignedIn.as(context, "county.leader");
    }

    /** A valid ID number born on the given day, with a sequence number unique in this run. */
    private static String idNumber(String yyyymmdd, int sequence) {
        String first17 = "421381" + yyyymmdd + String.format("%03d", sequence);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /**
     * Which of the 18 characters of {@code id} a reader can tell from what was shown: the characters a masked number
     * leaves visible, the 8 digits of a birth date or the 4 of a birth year, and the check character once the 17 before
     * it are known. Anything shown that contradicts the number fails the test, so a wrong mask cannot pass as a good one.
     */
    private static final class Knowledge {
        private final String id;
        private final boolean[] known = new boolean[18];

        Knowledge(String id) {
            this.id = id;
        }

        Knowledge masked(String shown) {
            if (shown == null) {
                return this;
            }
            assertThat(shown).hasSize(18);
            for (int i = 0; i < 18; i++) {
                if (shown.charAt(i) != '*') {
                    assertThat(shown.charAt(i)).isEqualTo(id.charAt(i));
                    known[i] = true;
                }
            }
            return this;
        }

        /** A birth date (yyyy-MM-dd), a birth year (yyyy) or null. */
        Knowledge birth(Object shown) {
            if (shown == null || shown.toString().isEmpty()) {
                return this;
            }
            String digits = shown.toString().replace("-", "");
            assertThat(id.substring(6)).startsWith(digits);
            for (int i = 0; i < digits.length(); i++) {
                known[6 + i] = true;
            }
            return this;
        }

        /** The sex tells only whether the 17th digit is odd: no character becomes known by it. */
        Knowledge sex(Object shown) {
            if (shown != null) {
                assertThat(shown.toString()).isEqualTo((id.charAt(16) - '0') % 2 == 1 ? "1" : "2");
            }
            return this;
        }

        int unknown() {
            boolean first17 = true;
            for (int i = 0; i < 17; i++) {
                first17 &= known[i];
            }
            int unknown = 0;
            for (int i = 0; i < 18; i++) {
                if (!known[i] && !(i == 17 && first17)) {
                    unknown++;
                }
            }
            return unknown;
        }
    }

    private long create(String name, String id) throws Exception {
        String body = operator.perform(post("/api/registry/residents")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"gridCode\":\"" + GRID + "\",\"name\":\"" + name + "\",\"idNumber\":\"" + id
                                + "\",\"phone\":\"13900004444\",\"kind\":\"REGISTERED\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private String body(MockMvc as, org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return as.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void withoutUnmaskListsDetailsHistoryAndExportTogetherLeaveAtLeastSixCharactersUnknown() throws Exception {
        String first = idNumber("19770412", 801);
        String corrected = idNumber("19770421", 802);
        long id = create("遮蔽甲", first);
        // A typing error corrected: the history now holds both numbers and both birth dates.
        operator.perform(put("/api/registry/residents/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"gridCode\":\"" + GRID + "\",\"name\":\"遮蔽甲\",\"idNumber\":\"" + corrected
                                + "\",\"phone\":\"139****4444\",\"kind\":\"REGISTERED\",\"version\":0}"))
                .andExpect(status().isOk());

        var ofCorrected = new Knowledge(corrected);
        var ofFirst = new Knowledge(first);

        String list = body(operator, get("/api/registry/residents").param("name", "遮蔽甲"));
        Map<String, Object> listed = JsonPath.read(list, "$.content[0]");
        ofCorrected
                .masked((String) listed.get("idNumber"))
                .birth(listed.get("birthDate"))
                .birth(listed.get("birthYear"))
                .sex(listed.get("sex"));

        String detail = body(operator, get("/api/registry/residents/" + id));
        Map<String, Object> shown = JsonPath.read(detail, "$");
        ofCorrected
                .masked((String) shown.get("idNumber"))
                .birth(shown.get("birthDate"))
                .birth(shown.get("birthYear"))
                .sex(shown.get("sex"));

        String history = body(operator, get("/api/registry/residents/" + id + "/history"));
        List<Map<String, Object>> lines = JsonPath.read(history, "$.content");
        assertThat(lines).extracting(l -> l.get("field")).contains("idNumber", "birthDate");
        for (var line : lines) {
            if ("idNumber".equals(line.get("field"))) {
                ofFirst.masked((String) line.get("oldValue"));
                ofCorrected.masked((String) line.get("newValue"));
            } else if ("birthDate".equals(line.get("field"))) {
                ofFirst.birth(line.get("oldValue"));
                ofCorrected.birth(line.get("newValue"));
            }
        }

        byte[] export = operator.perform(get("/api/registry/residents/export")
                        .param("name", "遮蔽甲")
                        .param("purpose", "核对"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(export))) {
            var rows = wb.getFirstSheet().read();
            var headers = new ArrayList<String>();
            rows.get(0).forEach(c -> headers.add(c.getText()));
            assertThat(headers).doesNotContain("出生日期").contains("出生年份");
            var row = rows.get(1);
            ofCorrected
                    .masked(row.getCellText(headers.indexOf("身份证号")))
                    .birth(row.getCellText(headers.indexOf("出生年份")))
                    .sex(row.getCellText(headers.indexOf("性别")).equals("男") ? "1" : "2");
        }

        // Month and day of birth, the sequence number and the check character: 8 of 18 stay unknown.
        assertThat(ofCorrected.unknown()).isGreaterThanOrEqualTo(6).isEqualTo(8);
        assertThat(ofFirst.unknown()).isGreaterThanOrEqualTo(6).isEqualTo(8);
    }

    @Test
    void aCallerWhoMayUnmaskKeepsTheBirthDateAndTheUsualMask() throws Exception {
        String id = idNumber("19810203", 803);
        long created = create("遮蔽乙", id);
        leader.perform(get("/api/registry/residents/" + created))
                .andExpect(jsonPath("$.idNumber").value(id.substring(0, 6) + "********" + id.substring(14)))
                .andExpect(jsonPath("$.birthDate").value("1981-02-03"))
                .andExpect(jsonPath("$.birthYear").value(1981));
        operator.perform(get("/api/registry/residents/" + created))
                .andExpect(jsonPath("$.idNumber").value(id.substring(0, 6) + "************"))
                .andExpect(jsonPath("$.birthDate").doesNotExist())
                .andExpect(jsonPath("$.birthYear").value(1981));
    }

    @Test
    void householdMembersAndGroupListsShowNoMoreOfTheIdNumber() throws Exception {
        String id = idNumber("19620707", 804);
        long resident = create("遮蔽丙", id);
        long member = GroupCalls.member(
                operator, "/api/registry/service-recipients", resident, "DISABLED", "{\"disabilityType\":\"4\"}", 60);
        operator.perform(get("/api/registry/service-recipients/" + member))
                .andExpect(jsonPath("$.idNumber").value(id.substring(0, 6) + "************"));
        operator.perform(get("/api/registry/ledgers/livelihood").param("size", "200"))
                .andExpect(jsonPath("$.content[?(@.id == " + member + ")].idNumber")
                        .value(id.substring(0, 6) + "************"));
    }

    private long audited(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(Long.class).single();
    }

    @Test
    void readingPersonalDataLeavesAnAuditRecordWithWhoWhatAndHowManyRowsAndNeverThePlainNumber() throws Exception {
        String id = idNumber("19880808", 805);
        long created = create("审计甲", id);
        long before = audited("select coalesce(max(id), 0) from audit_log");

        operator.perform(get("/api/registry/residents/" + created)).andExpect(status().isOk());
        operator.perform(get("/api/registry/residents").param("idNumber", id)).andExpect(status().isOk());
        operator.perform(get("/api/registry/residents").param("phone", "139 0000 4444"))
                .andExpect(status().isOk());
        operator.perform(get("/api/registry/ledgers/hardship")).andExpect(status().isOk());
        operator.perform(get("/api/registry/residents/export")
                        .param("idNumber", id)
                        .param("purpose", "核对低保"))
                .andExpect(status().isOk());
        // A list that asks nothing of who a person is, is not a personal read.
        operator.perform(get("/api/registry/residents").param("name", "审计甲")).andExpect(status().isOk());

        List<Map<String, Object>> records = jdbc.sql("select username, object_type, object_id, result, purpose, detail"
                        + " from audit_log where id > ? and action = 'VIEW_PERSONAL' order by id")
                .param(before)
                .query()
                .listOfRows();
        assertThat(records)
                .extracting(r -> r.get("object_type"))
                .containsExactly("resident", "resident-search", "resident-search", "ledger", "resident-export");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.get("username")).isEqualTo("county.operator");
            assertThat(r.get("result")).isEqualTo("SUCCESS");
            assertThat((String) r.get("detail"))
                    .contains("rows=")
                    .doesNotContain(id)
                    .doesNotContain("13900004444");
        });
        assertThat(records.get(0).get("object_id")).isEqualTo(String.valueOf(created));
        assertThat((String) records.get(1).get("detail"))
                .contains("idNumber=" + id.substring(0, 6) + "********" + id.substring(14))
                .contains("rows=1");
        assertThat((String) records.get(2).get("detail")).contains("phone=139****4444");
        assertThat((String) records.get(4).get("detail")).contains("rows=1");
        assertThat(records.get(4).get("purpose")).isEqualTo("核对低保");
    }

    @Test
    void aRefusedReadOfPersonalDataIsAuditedToo() throws Exception {
        long created = create("审计乙", idNumber("19900909", 806));
        long before = audited("select coalesce(max(id), 0) from audit_log");
        // Another township's operator: the resident lies outside the scope (404).
        SignedIn.as(context, "ys.operator")
                .perform(get("/api/registry/residents/" + created))
                .andExpect(status().isNotFound());
        // A grid assistant may not read the ledgers (403).
        SignedIn.as(context, "grid.assistant")
                .perform(get("/api/registry/ledgers/stability"))
                .andExpect(status().isForbidden());
        // A worker may not unmask (403).
        SignedIn.as(context, "grid.worker")
                .perform(get("/api/registry/residents/" + created + "/unmasked").param("purpose", "看看"))
                .andExpect(status().isForbidden());
        List<Map<String, Object>> refused = jdbc.sql("select username, object_id, detail from audit_log"
                        + " where id > ? and action = 'VIEW_PERSONAL' and result = 'DENIED' order by id")
                .param(before)
                .query()
                .listOfRows();
        assertThat(refused)
                .extracting(r -> r.get("username") + " " + r.get("detail"))
                .containsExactly(
                        "ys.operator GET /api/registry/residents/" + created + " 404",
                        "grid.assistant GET /api/registry/ledgers/stability 403",
                        "grid.worker GET /api/registry/residents/" + created + "/unmasked 403");
    }
}
