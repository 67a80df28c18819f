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
        create(worker, resident("欧阳明华", id, GRID))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sex").value((id.charAt(16) - '0') % 2 == 1 ? "1" : "2"))
                .andExpect(jsonPath("$.birthDate")
                        .value(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14)))
                .andExpect(jsonPath("$.idNumber").value(id.substring(0, 6) + "********" + id.substring(14)))
                .andExpect(jsonPath("$.phone").value("139****1111"))
                .andExpect(jsonPath("$.ethnicityName").value("汉族"))
                .andExpect(jsonPath("$.registeredRegionName").value("广水市"));
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
        String masked = id.substring(0, 6) + "********" + id.substring(14);
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
}
