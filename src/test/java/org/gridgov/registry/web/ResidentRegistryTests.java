package org.gridgov.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
class ResidentRegistryTests {

    /** Grids of 站前社区 (杨寨镇) that the demo grid worker covers. */
    private static final String GRID = "421381101001101";

    private static final String OTHER_GRID = "421381101001102";

    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    MockMvc worker;
    MockMvc leader;
    MockMvc otherTownship;

    @BeforeEach
    void setUp() throws Exception {
        worker = SignedIn.as(context, "grid.worker");
        leader = SignedIn.as(context, "county.leader");
        otherTownship = SignedIn.as(context, "ys.operator");
    }

    /** A valid ID number of someone born in May 1980, unique in this test run. */
    static String idNumber() {
        String first17 = String.format("421381198005%02d%03d", 1 + SEQUENCE.get() % 28, SEQUENCE.getAndIncrement());
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private ResultActions create(MockMvc as, String json) throws Exception {
        return as.perform(post("/api/registry/residents")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private String resident(String name, String id, String grid) {
        return "{\"gridCode\":\"" + grid + "\",\"name\":\"" + name + "\",\"idNumber\":\"" + id
                + "\",\"ethnicity\":\"01\",\"phone\":\"13900001111\",\"registeredRegion\":\"421381\","
                + "\"currentAddress\":\"杨寨镇站前社区幸福路 8 号\",\"kind\":\"REGISTERED\",\"tags\":[\"党员\"]}";
    }

    private long created(String name, String id) throws Exception {
        String body = create(worker, resident(name, id, GRID))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void registersAResidentWithSexAndBirthDateFromTheIdNumberAndMasksIt() throws Exception {
        String id = idNumber();
        // A grid worker may not unmask: the ID number keeps its address code only, the birth date its year.
        String body = create(worker, resident("欧阳明华", id, GRID))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sex").value((id.charAt(16) - '0') % 2 == 1 ? "1" : "2"))
                .andExpect(jsonPath("$.birthDate").doesNotExist())
                .andExpect(jsonPath("$.birthYear").value(Integer.parseInt(id.substring(6, 10))))
                .andExpect(jsonPath("$.idNumber").value(id.substring(0, 6) + "************"))
                .andExpect(jsonPath("$.phone").value("139****1111"))
                .andExpect(jsonPath("$.ethnicityName").value("汉族"))
                .andExpect(jsonPath("$.registeredRegionName").value("广水市"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        leader.perform(get("/api/registry/residents/" + JsonPath.read(body, "$.id")))
                .andExpect(jsonPath("$.birthDate")
                        .value(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14)))
                .andExpect(jsonPath("$.idNumber").value(id.substring(0, 6) + "********" + id.substring(14)));
        byte[] stored = jdbc.sql("select id_number from resident where name = '欧阳明华'")
                .query(byte[].class)
                .single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(id);
    }

    @Test
    void refusesABadCheckDigitAnUnknownRegionAndAWrongSexNamingEachField() throws Exception {
        String good = idNumber();
        String bad = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        create(worker, resident("张三", bad, GRID).replace("\"421381\"", "\"999999\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'idNumber')].code", hasItem("check-digit")))
                .andExpect(jsonPath("$.errors[?(@.field == 'registeredRegion')].code", hasItem("unknown")));
        String wrongSex = (good.charAt(16) - '0') % 2 == 1 ? "2" : "1";
        create(worker, resident("张三", good, GRID).replace("\"kind\"", "\"sex\":\"" + wrongSex + "\",\"kind\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'sex')].code", hasItem("mismatch")));
        create(worker, resident("张三", good, "421381101001199"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'gridCode')].code", hasItem("unknown")));
    }

    @Test
    void oneIdNumberIsOneRecord() throws Exception {
        String id = idNumber();
        created("李四", id);
        create(worker, resident("李四", id, OTHER_GRID)).andExpect(status().isConflict());
    }

    @Test
    void findsByIdNumberNameFragmentAndPrefixWithinScopeOnly() throws Exception {
        String id = idNumber();
        long created = created("司马光辉", id);
        worker.perform(get("/api/registry/residents").param("idNumber", id.toLowerCase()))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value((int) created));
        worker.perform(get("/api/registry/residents").param("nameContains", "光辉"))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) created)));
        worker.perform(get("/api/registry/residents").param("nameContains", "马"))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) created)));
        worker.perform(get("/api/registry/residents").param("name", "司马"))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) created)));
        worker.perform(get("/api/registry/residents").param("phone", "139 0000 1111"))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) created)));
        worker.perform(get("/api/registry/residents").param("tag", "党员").param("address", "杨寨镇站前社区"))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) created)));
        // 应山街道 is another township: neither the search nor the record is visible there.
        otherTownship
                .perform(get("/api/registry/residents").param("idNumber", id))
                .andExpect(jsonPath("$.totalElements").value(0));
        otherTownship.perform(get("/api/registry/residents/" + created)).andExpect(status().isNotFound());
        otherTownship
                .perform(put("/api/registry/residents/" + created)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(resident("司马光辉", id, GRID).replace("}", ",\"version\":0}")))
                .andExpect(status().isNotFound());
    }

    @Test
    void wildcardsTypedIntoTheFiltersMatchOnlyThemselves() throws Exception {
        created("周末", idNumber());
        for (var filter : new String[][] {
            {"name", "%"},
            {"name", "_"},
            {"nameContains", "%%"},
            {"nameContains", "_末"},
            {"address", "%"},
            {"gridCode", "%"}
        }) {
            worker.perform(get("/api/registry/residents").param(filter[0], filter[1]))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.totalElements").value(0));
        }
        worker.perform(get("/api/registry/residents").param("name", "周"))
                .andExpect(jsonPath("$.totalElements").value(org.hamcrest.Matchers.greaterThan(0)));
    }

    @Test
    void theTotalIsTheSameWhateverThePageSize() throws Exception {
        created("孙一", idNumber());
        created("孙二", idNumber());
        String all = worker.perform(get("/api/registry/residents").param("size", "100"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int total = JsonPath.read(all, "$.totalElements");
        assertThat(JsonPath.<java.util.List<Object>>read(all, "$.content")).hasSize(Math.min(total, 100));
        worker.perform(get("/api/registry/residents").param("size", "1"))
                .andExpect(jsonPath("$.totalElements").value(total));
        worker.perform(get("/api/registry/residents").param("size", "1").param("page", "9999"))
                .andExpect(jsonPath("$.totalElements").value(total))
                .andExpect(jsonPath("$.content").isEmpty());
    }

    @Test
    void unmaskingNeedsThePermissionAndAPurposeAndIsAudited() throws Exception {
        String id = idNumber();
        long created = created("王五", id);
        worker.perform(get("/api/registry/residents/" + created + "/unmasked").param("purpose", "走访"))
                .andExpect(status().isForbidden());
        leader.perform(get("/api/registry/residents/" + created + "/unmasked"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("purpose"));
        leader.perform(get("/api/registry/residents/" + created + "/unmasked").param("purpose", "核实低保申请"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.idNumber").value(id))
                .andExpect(jsonPath("$.phone").value("13900001111"));
        long audited = jdbc.sql("select count(*) from audit_log where action = 'UNMASK' and object_type = 'resident'"
                        + " and object_id = :id and purpose = '核实低保申请' and username = 'county.leader'")
                .param("id", String.valueOf(created))
                .query(Long.class)
                .single();
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void aMoveKeepsTheRecordAndEveryChangeIsInTheHistory() throws Exception {
        String id = idNumber();
        long created = created("赵六", id);
        worker.perform(put("/api/registry/residents/" + created)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(resident("赵六", id, OTHER_GRID)
                                .replace("13900001111", "13700002222")
                                .replace("}", ",\"version\":0}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gridCode").value(OTHER_GRID))
                .andExpect(jsonPath("$.version").value(1));
        worker.perform(put("/api/registry/residents/" + created)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(resident("赵六", id, OTHER_GRID).replace("}", ",\"version\":0}")))
                .andExpect(status().isConflict());
        String history = worker.perform(get("/api/registry/residents/" + created + "/history"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<java.util.List<String>>read(history, "$.content[*].field"))
                .contains("gridCode", "phone", "*");
        assertThat(JsonPath.<java.util.List<String>>read(history, "$.content[?(@.field == 'phone')].newValue"))
                .containsExactly("137****2222");

        worker.perform(post("/api/registry/residents/" + created + "/retire")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        worker.perform(post("/api/registry/residents/" + created + "/retire")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"reason\":\"迁往外省\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retiredReason").value("迁往外省"));
        worker.perform(get("/api/registry/residents").param("idNumber", id))
                .andExpect(jsonPath("$.totalElements").value(0));
        worker.perform(get("/api/registry/residents").param("idNumber", id).param("includeRetired", "true"))
                .andExpect(jsonPath("$.totalElements").value(1));
    }

    @Test
    void anEditSendingTheMaskedValuesBackKeepsTheStoredOnes() throws Exception {
        String id = idNumber();
        long created = created("钱七", id);
        // As the worker was shown it; the birth date, not shown, is kept as the ID number gives it.
        String masked = id.substring(0, 6) + "************";
        worker.perform(put("/api/registry/residents/" + created)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(resident("钱七", masked, GRID)
                                .replace("13900001111", "139****1111")
                                .replace("}", ",\"occupation\":\"教师\",\"version\":0}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.occupation").value("教师"));
        leader.perform(get("/api/registry/residents/" + created + "/unmasked").param("purpose", "核对"))
                .andExpect(jsonPath("$.idNumber").value(id))
                .andExpect(jsonPath("$.phone").value("13900001111"));
        // The form of an unmasking caller holds the usual mask: it keeps the stored number too.
        leader.perform(get("/api/registry/residents/" + created))
                .andExpect(jsonPath("$.idNumber").value(id.substring(0, 6) + "********" + id.substring(14)));
        worker.perform(put("/api/registry/residents/" + created)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(resident("钱七", id.substring(0, 6) + "********" + id.substring(14), GRID)
                                .replace("}", ",\"version\":1}")))
                .andExpect(status().isOk());
        leader.perform(get("/api/registry/residents/" + created + "/unmasked").param("purpose", "核对"))
                .andExpect(jsonPath("$.idNumber").value(id));
    }

    @Test
    void aForeignResidentNeedsADocumentWhichIsSealedToo() throws Exception {
        String base = "{\"gridCode\":\"" + GRID + "\",\"name\":\"John Smith\",\"sex\":\"1\",\"kind\":\"FOREIGN\","
                + "\"kindDetails\":{\"documentType\":\"PASSPORT\",\"stayPurpose\":\"WORK\",\"arrivedOn\":\"2026-03-01\","
                + "\"expectedDepartureOn\":\"2026-01-01\"}}";
        create(worker, base)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("kindDetails.documentNumber")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("kindDetails.expectedDepartureOn")));
        String body = create(
                        worker,
                        base.replace("2026-01-01", "2027-01-01")
                                .replace("\"PASSPORT\"", "\"PASSPORT\",\"documentNumber\":\"E12345678\""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kindDetails.documentNumber").value("*****5678"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        leader.perform(get("/api/registry/residents/" + id + "/unmasked").param("purpose", "出入境核查"))
                .andExpect(jsonPath("$.documentNumber").value("E12345678"));
    }

    private ResultActions retire(long id, int version, String reason, boolean inError) throws Exception {
        return worker.perform(post("/api/registry/residents/" + id + "/retire")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + version + ",\"reason\":\"" + reason + "\",\"enteredInError\":" + inError
                        + "}"));
    }

    private ResultActions reinstate(long id, int version, String reason) throws Exception {
        return worker.perform(post("/api/registry/residents/" + id + "/reinstate")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + version + ",\"reason\":\"" + reason + "\"}"));
    }

    @Test
    void aRecordRetiredAsEnteredInErrorFreesItsIdNumber() throws Exception {
        String id = idNumber();
        long wrong = created("误登甲", id);
        retire(wrong, 0, "姓名录错，重新登记", true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retiredInError").value(true));
        long right = created("误登乙", id);
        assertThat(right).isNotEqualTo(wrong);
        // The error record cannot come back while the real one holds the number.
        reinstate(wrong, 1, "误注销").andExpect(status().isConflict());
        worker.perform(get("/api/registry/residents").param("idNumber", id).param("includeRetired", "true"))
                .andExpect(jsonPath("$.totalElements").value(2));
    }

    @Test
    void aRetiredRecordKeepsItsNumberAndCanBeReinstatedWithHistory() throws Exception {
        String id = idNumber();
        long created = created("恢复甲", id);
        retire(created, 0, "死亡", false).andExpect(status().isOk());
        create(worker, resident("恢复甲", id, GRID)).andExpect(status().isConflict());
        reinstate(created, 0, "误注销").andExpect(status().isConflict());
        reinstate(created, 1, "").andExpect(status().isBadRequest());
        reinstate(created, 1, "误注销，本人仍在册")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retiredAt").doesNotExist())
                .andExpect(jsonPath("$.version").value(2));
        reinstate(created, 2, "再次").andExpect(status().isConflict());
        String history = worker.perform(get("/api/registry/residents/" + created + "/history"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<java.util.List<String>>read(history, "$.content[?(@.field == 'retiredAt')].note"))
                .containsExactly("误注销，本人仍在册", "死亡");
        // An error record retired and reinstated before anyone took its number gets it back.
        long again = created("恢复乙", idNumber());
        retire(again, 0, "重复", true).andExpect(status().isOk());
        reinstate(again, 1, "并非重复")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retiredInError").value(false));
    }

    @Test
    void aMoveBetweenGridsIsWrittenOnceInTheHistory() throws Exception {
        String id = idNumber();
        long created = created("迁移甲", id);
        worker.perform(put("/api/registry/residents/" + created)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(resident("迁移甲", id, OTHER_GRID).replace("}", ",\"version\":0}")))
                .andExpect(status().isOk());
        // The county sees both grids: one line for the move, from the old grid to the new.
        for (MockMvc reader : new MockMvc[] {leader, worker}) {
            String history = reader.perform(get("/api/registry/residents/" + created + "/history"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(JsonPath.<java.util.List<Object>>read(history, "$.content[?(@.field == 'gridCode')]"))
                    .hasSize(1);
            assertThat(JsonPath.<java.util.List<String>>read(history, "$.content[?(@.field == 'gridCode')].newValue"))
                    .containsExactly(OTHER_GRID);
        }
    }

    @Test
    void aMissingOrBadIdNumberWithoutSexReportsOnlyTheIdNumber() throws Exception {
        String bad = idNumber().substring(0, 17) + "Z";
        for (String body : new String[] {
            "{\"gridCode\":\"" + GRID + "\",\"name\":\"无号\",\"kind\":\"REGISTERED\"}",
            "{\"gridCode\":\"" + GRID + "\",\"name\":\"错号\",\"idNumber\":\"" + bad + "\",\"kind\":\"REGISTERED\"}"
        }) {
            create(worker, body)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("idNumber")));
        }
        // Without an ID number at all (a foreign resident), the sex is required, and says so.
        create(
                        worker,
                        "{\"gridCode\":\"" + GRID + "\",\"name\":\"Jane Roe\",\"kind\":\"FOREIGN\","
                                + "\"kindDetails\":{\"documentType\":\"PASSPORT\",\"documentNumber\":\"E7654321\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("sex")))
                .andExpect(jsonPath("$.errors[0].code").value("required"));
    }

    @Test
    void idNumbersWithAnImpossibleBirthDateOrNoProvinceAreRefused() throws Exception {
        for (String[] c : new String[][] {
            {"42138120990101123", "birth-date-range"},
            {"42138118990101123", "birth-date-range"},
            {"99138119800101123", "province"}
        }) {
            String id = c[0] + checkCharacter(c[0]);
            create(worker, resident("不可能", id, GRID))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[?(@.field == 'idNumber')].code", hasItem(c[1])));
        }
    }

    private static char checkCharacter(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    @Test
    void aFilterThatCannotBeWhatItNamesIsRefusedNamingItOnSearchAndExport() throws Exception {
        var operator = SignedIn.as(context, "county.operator");
        for (String[] c : new String[][] {
            {"phone", "137****0180"},
            {"phone", "abc"},
            {"idNumber", "421381********1234"},
            {"idNumber", "abc"}
        }) {
            for (String path : new String[] {"/api/registry/residents", "/api/registry/residents/export"}) {
                operator.perform(get(path).param(c[0], c[1]).param("purpose", "核对"))
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.errors[0].field").value(c[0]))
                        .andExpect(jsonPath("$.errors[0].messageEn").isNotEmpty());
            }
        }
        operator.perform(get("/api/registry/residents").param("phone", "139-0000-1111"))
                .andExpect(status().isOk());
    }

    @Test
    void listsAndRecordsNameTheirGrid() throws Exception {
        long created = created("网格名", idNumber());
        String gridName = jdbc.sql("select name from grid where code = :code and valid_to is null")
                .param("code", GRID)
                .query(String.class)
                .single();
        worker.perform(get("/api/registry/residents").param("name", "网格名"))
                .andExpect(jsonPath("$.content[0].gridCode").value(GRID))
                .andExpect(jsonPath("$.content[0].gridName").value(gridName));
        worker.perform(get("/api/registry/residents/" + created))
                .andExpect(jsonPath("$.gridName").value(gridName));
        worker.perform(get("/api/registry/houses").param("gridCode", GRID))
                .andExpect(jsonPath("$.content[0].gridName").value(gridName));
        worker.perform(get("/api/registry/places").param("gridCode", GRID))
                .andExpect(jsonPath("$.content[0].gridName").value(gridName));
    }
}
