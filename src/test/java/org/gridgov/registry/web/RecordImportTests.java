package org.gridgov.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.registry.web.HouseRegistryTests.send;
import static org.gridgov.registry.web.ResidentImportTests.workbook;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
class RecordImportTests {

    private static final String GRID = "421381101001101";

    @Autowired
    WebApplicationContext context;

    MockMvc operator;

    @BeforeEach
    void setUp() throws Exception {
        operator = SignedIn.as(context, "yz.operator");
    }

    /** Uploads, waits for the job to end, and answers its final progress and its rejections as "row:field:code". */
    private Object[] imported(String register, byte[] content) throws Exception {
        String started = operator.perform(multipart("/api/registry/" + register + "/imports")
                        .file(new MockMultipartFile("file", register + ".xlsx", null, content)))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(started, "$.id")).longValue();
        for (int i = 0; i < 200; i++) {
            String body = operator.perform(get("/api/registry/imports/" + id))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            if (!"RUNNING".equals(JsonPath.read(body, "$.status"))) {
                String rejections = operator.perform(get("/api/registry/imports/" + id + "/rejections"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                List<Integer> rows = JsonPath.read(rejections, "$.content[*].rowNumber");
                List<String> fields = JsonPath.read(rejections, "$.content[*].field");
                List<String> codes = JsonPath.read(rejections, "$.content[*].code");
                var named = new java.util.ArrayList<String>();
                for (int r = 0; r < rows.size(); r++) {
                    named.add(rows.get(r) + ":" + fields.get(r) + ":" + codes.get(r));
                }
                return new Object[] {body, named};
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    private static void counts(Object[] outcome, String kind, int total, int accepted, int rejected) {
        String body = (String) outcome[0];
        assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("DONE");
        assertThat((String) JsonPath.read(body, "$.kind")).isEqualTo(kind);
        assertThat((Integer) JsonPath.read(body, "$.totalRows")).isEqualTo(total);
        assertThat((Integer) JsonPath.read(body, "$.accepted")).isEqualTo(accepted);
        assertThat((Integer) JsonPath.read(body, "$.rejected")).isEqualTo(rejected);
    }

    @SuppressWarnings("unchecked")
    private static List<String> named(Object[] outcome) {
        return (List<String>) outcome[1];
    }

    private long count(String url, String param, String value) throws Exception {
        String body = operator.perform(get(url).param(param, value))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.totalElements")).longValue();
    }

    @Test
    void importsPlacesByCodeOrEitherNameAndRefusesBadRowsByName() throws Exception {
        var headers = List.of("所属网格", "场所名称", "场所类型", "重点单位类别", "地址", "负责人电话");
        List<List<Object>> rows = List.of(
                List.of(GRID, "导入测试超市甲", "商铺", "消防重点、治安重点", "站前社区 1 号", "13600004444"),
                List.of(GRID, "导入测试诊所", "CLINIC", "", "站前社区 2 号", ""),
                List.of(GRID, "导入测试城堡", "城堡", "", "站前社区 3 号", ""),
                List.of(GRID, "导入测试无址", "商铺", "", "", "12"),
                List.of(GRID, "导入测试饭店", "restaurant", "Key unit for fire safety", "站前社区 5 号", ""));
        var outcome = imported("places", workbook(headers, rows));
        counts(outcome, "PLACE", 5, 3, 2);
        assertThat(named(outcome))
                .containsExactly("4:type:unknown-value", "5:address:required", "5:responsiblePhone:format");
        operator.perform(get("/api/registry/places").param("name", "导入测试饭店"))
                .andExpect(jsonPath("$.content[0].type").value("RESTAURANT"))
                .andExpect(jsonPath("$.content[0].keyFlags[0]").value("FIRE_SAFETY"));
        assertThat(count("/api/registry/places", "name", "导入测试超市甲")).isEqualTo(1);
        var report = rejectionsReport(outcome);
        assertThat(report.getFirst()).containsExactly("行号 Row", "场所名称 Name", "字段 Field", "代码 Code", "原因", "Reason");
        assertThat(report.get(1)).startsWith("4", "导入测试城堡", "type");
        String found = operator.perform(get("/api/registry/places").param("name", "导入测试超市甲"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(found, "$.content[0].id")).longValue();
        operator.perform(get("/api/registry/places/" + id + "/history"))
                .andExpect(jsonPath("$.content[0].note").value(org.hamcrest.Matchers.startsWith("导入 import #")));
    }

    @Test
    void importsOrganizationsOnceEachCreditCode() throws Exception {
        String registered = RegisteredOrganizationTests.creditCode();
        send(
                        operator,
                        "POST",
                        "/api/registry/organizations",
                        "{\"gridCode\":\"" + GRID + "\",\"name\":\"已登记公司\",\"kind\":\"SOCIAL\",\"creditCode\":\""
                                + registered + "\"}")
                .andExpect(status().isCreated());
        String fresh = RegisteredOrganizationTests.creditCode();
        var headers = List.of("所属网格", "组织名称", "组织类别", "统一社会信用代码", "从业人数");
        List<List<Object>> rows = List.of(
                List.of(GRID, "导入测试公司", "非公有制经济组织", fresh, "12"),
                List.of(GRID, "导入重复公司", "SOCIAL", fresh, ""),
                List.of(GRID, "导入已登记公司", "SOCIAL", registered, ""),
                List.of(GRID, "导入坏码公司", "SOCIAL", fresh.substring(0, 17) + "0", "十"));
        var outcome = imported("organizations", workbook(headers, rows));
        counts(outcome, "ORGANIZATION", 4, 1, 3);
        assertThat(named(outcome))
                .contains("3:creditCode:duplicate-in-file", "4:creditCode:duplicate", "5:employees:number-format");
        assertThat(count("/api/registry/organizations", "creditCode", fresh)).isEqualTo(1);
        // The report names the rows by the organization's name and credit code, not by a person's.
        var report = rejectionsReport(outcome);
        assertThat(report.getFirst()).containsSubsequence("行号 Row", "组织名称 Name", "统一社会信用代码 Credit code");
        assertThat(report.getFirst()).noneMatch(h -> h.contains("身份证号"));
        assertThat(report).anySatisfy(row -> assertThat(row).containsSubsequence("4", "导入已登记公司", registered));
    }

    /** The rejections report of an import as rows of cell texts, the header first. */
    private List<List<String>> rejectionsReport(Object[] outcome) throws Exception {
        long id = ((Number) JsonPath.read((String) outcome[0], "$.id")).longValue();
        byte[] report = operator.perform(get("/api/registry/imports/" + id + "/rejections/export"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(report))) {
            return wb.getFirstSheet().read().stream()
                    .map(row -> row.stream()
                            .map(cell -> cell == null ? "" : cell.getText())
                            .toList())
                    .toList();
        }
    }

    @Test
    void importsHousesAndRefusesARentalWithoutLandlord() throws Exception {
        var headers = List.of("所属网格", "地址", "房屋用途", "产权人电话", "是否出租", "出租人");
        List<List<Object>> rows = List.of(
                List.of(GRID, "站前社区导入巷 1 号", "居住", "13900002222", "是", "王房东"),
                List.of(GRID, "站前社区导入巷 2 号", "", "", "是", ""),
                List.of("421381999999999", "站前社区导入巷 3 号", "", "", "否", ""));
        var outcome = imported("houses", workbook(headers, rows));
        counts(outcome, "HOUSE", 3, 1, 2);
        assertThat(named(outcome)).containsExactly("3:landlordName:required", "4:gridCode:unknown");
        assertThat(count("/api/registry/houses", "addressContains", "导入巷 1 号")).isEqualTo(1);
    }

    @Test
    void aGridWorkerMayNotImport() throws Exception {
        var worker = SignedIn.as(context, "grid.worker");
        byte[] content = workbook(List.of("所属网格"), List.of(List.of(GRID)));
        for (String register : List.of("houses", "places", "organizations")) {
            worker.perform(multipart("/api/registry/" + register + "/imports")
                            .file(new MockMultipartFile("file", "x.xlsx", null, content)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void recordImportsSkipAnOlderTemplatesExampleAndRefuseACreditCodeInANumberCell() throws Exception {
        var headers = List.of("所属网格", "组织名称", "组织类别", "统一社会信用代码", "法定代表人", "法定代表人电话", "地址", "从业人数");
        List<Object> example = List.of(
                GRID, "广水市站前商贸有限公司", "非公有制经济组织", "91350100M000100Y43", "孙经理", "13500005555", "杨寨镇站前社区商贸街 3 号", "25");
        List<Object> numeric = List.of(GRID, "数字代码公司", "非公有制经济组织", 9.13501000001004E17, "", "", "", "");
        var outcome = imported("organizations", workbook(headers, List.of(example, numeric)));
        counts(outcome, "ORGANIZATION", 1, 0, 1);
        assertThat(named(outcome)).containsExactly("3:creditCode:number-cell");
        assertThat(count("/api/registry/organizations", "name", "广水市站前商贸有限公司")).isZero();
    }
}
