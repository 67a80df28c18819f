package org.gridgov.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
class ResidentImportTests {

    private static final String GRID = "421381101001101";

    private static final List<String> HEADERS =
            List.of("姓名", "身份证号", "性别", "民族", "出生日期", "所属网格", "户籍地区划", "现住址", "联系电话", "人员类型", "标签");

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    /** 杨寨镇坐席员: a center operator whose scope is the township 421381101. */
    MockMvc operator;

    @BeforeEach
    void setUp() throws Exception {
        operator = SignedIn.as(context, "yz.operator");
    }

    /**
     * A workbook with the given headers and rows; a LocalDate value becomes an Excel date cell, a Number a number
     * cell.
     */
    static byte[] workbook(List<String> headers, List<List<Object>> rows) throws IOException {
        var out = new ByteArrayOutputStream();
        var wb = new Workbook(out, "test", "1.0");
        var sheet = wb.newWorksheet("人员");
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                var v = rows.get(r).get(c);
                if (v instanceof LocalDate d) {
                    sheet.value(r + 1, c, d);
                    sheet.style(r + 1, c).format("yyyy-mm-dd").set();
                } else if (v instanceof Number n) {
                    sheet.value(r + 1, c, n);
                } else if (v != null) {
                    sheet.value(r + 1, c, v.toString());
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    private static List<Object> row(String name, String id, Object birth, String grid) {
        var row = new ArrayList<Object>(List.of(name, id, "", "汉族"));
        row.add(birth);
        row.addAll(List.of(grid, "421381", "杨寨镇站前社区幸福路 9 号", "13900002222", "户籍人口", "党员、志愿者"));
        return row;
    }

    private static String birth(String id) {
        return id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14);
    }

    private ResultActions upload(MockMvc as, String fileName, byte[] content) throws Exception {
        return as.perform(multipart("/api/registry/residents/imports")
                .file(new MockMultipartFile("file", fileName, null, content)));
    }

    /** Uploads and polls the job until it ends; answers the final progress body. */
    private String imported(byte[] content) throws Exception {
        String started = upload(operator, "residents.xlsx", content)
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(started, "$.id")).longValue();
        for (int i = 0; i < 200; i++) {
            String body = operator.perform(get("/api/registry/imports/" + id))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            if (!"RUNNING".equals(JsonPath.read(body, "$.status"))) {
                return body;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    private long residentsWith(String id) throws Exception {
        String body = operator.perform(get("/api/registry/residents").param("idNumber", id))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.totalElements")).longValue();
    }

    @Test
    void importsGoodRowsAndRejectsEachBadRowNamingRowAndField() throws Exception {
        String good1 = ResidentRegistryTests.idNumber();
        String good2 = ResidentRegistryTests.idNumber();
        String good3 = ResidentRegistryTests.idNumber();
        String badCheck = ResidentRegistryTests.idNumber();
        badCheck = badCheck.substring(0, 17) + (badCheck.charAt(17) == '1' ? '2' : '1');
        String existing = ResidentRegistryTests.idNumber();
        String unknownGrid = ResidentRegistryTests.idNumber();
        String outOfScope = ResidentRegistryTests.idNumber();
        String badDate = ResidentRegistryTests.idNumber();
        String otherTownshipGrid = jdbc.sql(
                        "select code from grid where level = 1 and valid_to is null and code not like '421381101%' limit 1")
                .query(String.class)
                .single();
        SignedIn.as(context, "grid.worker")
                .perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/registry/residents")
                        .contentType("application/json")
                        .content("{\"gridCode\":\"" + GRID + "\",\"name\":\"已登记\",\"idNumber\":\"" + existing
                                + "\",\"kind\":\"REGISTERED\"}"))
                .andExpect(status().isCreated());
        byte[] file = workbook(
                HEADERS,
                List.of(
                        row("导入甲", good1, LocalDate.parse(birth(good1)), GRID), // row 2: an Excel date cell
                        row("导入乙", good2, birth(good2).replace('-', '/').replace("/0", "/"), GRID), // 3: yyyy/M/d
                        row("坏校验", badCheck, null, GRID), // 4
                        row("重复乙", good2, null, GRID), // 5: a duplicate of row 3
                        row("已在库", existing, null, GRID), // 6
                        row("无网格", unknownGrid, null, "421381101001199"), // 7
                        row("外镇人", outOfScope, null, otherTownshipGrid), // 8
                        row("坏日期", badDate, "1980年5月1日", GRID), // 9
                        row("导入丙", good3, birth(good3), GRID))); // 10
        String done = imported(file);
        assertThat(JsonPath.<String>read(done, "$.status")).isEqualTo("DONE");
        assertThat(JsonPath.<Integer>read(done, "$.totalRows")).isEqualTo(9);
        assertThat(JsonPath.<Integer>read(done, "$.accepted")).isEqualTo(3);
        assertThat(JsonPath.<Integer>read(done, "$.rejected")).isEqualTo(6);
        long id = ((Number) JsonPath.read(done, "$.id")).longValue();
        String rejections = operator.perform(
                        get("/api/registry/imports/" + id + "/rejections").param("size", "50"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> content = JsonPath.read(rejections, "$.content");
        assertThat(content)
                .extracting(r -> r.get("rowNumber") + ":" + r.get("field") + ":" + r.get("code"))
                .contains(
                        "4:idNumber:check-digit",
                        "5:idNumber:duplicate-in-file",
                        "6:idNumber:duplicate",
                        "7:gridCode:unknown",
                        "8:gridCode:outside-scope",
                        "9:birthDate:date-format");
        assertThat(content).allSatisfy(r -> {
            assertThat((String) r.get("message")).isNotBlank();
            assertThat((String) r.get("messageEn")).isNotBlank();
        });
        assertThat(JsonPath.<String>read(rejections, "$.content[0].key")).contains("****");
        assertThat(residentsWith(good1)).isEqualTo(1);
        assertThat(residentsWith(good2)).isEqualTo(1);
        assertThat(residentsWith(good3)).isEqualTo(1);
        for (String bad : List.of(unknownGrid, badDate)) {
            assertThat(residentsWith(bad)).isZero();
        }
        assertThat(jdbc.sql("select count(*) from resident where name in ('坏校验', '重复乙', '已在库', '无网格', '外镇人', '坏日期')")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(residentsWith(existing)).isEqualTo(1);
        byte[] report = operator.perform(get("/api/registry/imports/" + id + "/rejections/export"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(report))) {
            var rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(1 + content.size());
            assertThat(rows.get(1).getCellText(5)).isNotBlank();
        }
        // Another township's operator neither sees the job nor its rejections.
        SignedIn.as(context, "ys.operator")
                .perform(get("/api/registry/imports/" + id))
                .andExpect(status().isNotFound());
    }

    @Test
    void theTemplateDownloadsAndItsExampleImportsCleanly() throws Exception {
        byte[] template = operator.perform(get("/api/registry/residents/template"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        var headers = new ArrayList<String>();
        var example = new ArrayList<Object>();
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(template))) {
            var sheets = wb.getSheets().toList();
            assertThat(sheets).hasSize(3);
            // The data sheet holds the headers only: the example lives on a sheet of its own, which no import reads.
            assertThat(sheets.get(0).read()).hasSize(1);
            sheets.get(0).read().get(0).forEach(c -> headers.add(c.getText()));
            assertThat(sheets.get(1).getName()).isEqualTo("填写示例");
            sheets.get(1).read().get(1).forEach(c -> example.add(c.getText()));
            assertThat(sheets.get(2).read().stream().map(r -> r.getCellText(2))).contains("汉族", "户主", "群众");
        }
        assertThat(headers).contains("姓名", "身份证号", "性别", "民族", "出生日期", "所属网格", "与户主关系", "人员类型", "标签");
        // The example's made-up ID number may be taken by an earlier run: give the row a fresh one.
        String id = ResidentRegistryTests.idNumber();
        example.set(headers.indexOf("身份证号"), id);
        example.set(headers.indexOf("出生日期"), birth(id));
        example.set(headers.indexOf("性别"), (id.charAt(16) - '0') % 2 == 1 ? "男" : "女");
        String done = imported(workbook(headers, List.of(example)));
        assertThat(JsonPath.<Integer>read(done, "$.accepted")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(done, "$.rejected")).isZero();
        operator.perform(get("/api/registry/residents").param("idNumber", id))
                .andExpect(jsonPath("$.content[0].relationToHead").value("02"))
                .andExpect(jsonPath("$.content[0].tags", hasItem("志愿者")));
    }

    @Test
    void refusesWhatIsNoImportAtOnceWithAProblemNamingTheFile() throws Exception {
        upload(operator, "empty.xlsx", new byte[0])
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        upload(operator, "notes.txt", "姓名,身份证号".getBytes())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("format"))
                .andExpect(jsonPath("$.detailEn").exists());
        upload(operator, "wrong.xlsx", workbook(List.of("姓名", "电话"), List.of(List.of("张三", "139"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.errors[?(@.code == 'missing-columns')].message",
                        hasItem(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("身份证号"),
                                org.hamcrest.Matchers.containsString("所属网格")))));
        upload(operator, "headers-only.xlsx", workbook(HEADERS, List.of()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("empty"));
    }

    @Test
    void exportIsMaskedNeedsAPurposeAndIsAudited() throws Exception {
        String id = ResidentRegistryTests.idNumber();
        imported(workbook(HEADERS, List.of(row("导出者", id, null, GRID))));
        var leader = SignedIn.as(context, "county.leader");
        leader.perform(get("/api/registry/residents/export").param("idNumber", id))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("purpose"));
        byte[] export = leader.perform(get("/api/registry/residents/export")
                        .param("idNumber", id)
                        .param("purpose", "核对人口"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(export))) {
            var rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).getCellText(0)).isEqualTo("导出者");
            assertThat(rows.get(1).getCellText(1)).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
            assertThat(rows.get(1).getCellText(10)).isEqualTo("139****2222");
        }
        var auditor = SignedIn.as(context, "auditor");
        for (int i = 0; i < 100; i++) {
            long audited = jdbc.sql(
                            "select count(*) from audit_log where username = 'county.leader'"
                                    + " and action = 'EXPORT' and purpose = '核对人口' and object_id like '/api/registry/residents/export%'")
                    .query(Long.class)
                    .single();
            if (audited > 0) {
                break;
            }
            Thread.sleep(50);
        }
        auditor.perform(get("/api/audit").param("username", "county.leader").param("action", "EXPORT"))
                .andExpect(jsonPath("$.content[*].purpose", hasItem("核对人口")));
    }

    @Test
    void aGridWorkerMayNotImport() throws Exception {
        var worker = SignedIn.as(context, "grid.worker");
        upload(
                        worker,
                        "residents.xlsx",
                        workbook(HEADERS, List.of(row("甲", ResidentRegistryTests.idNumber(), null, GRID))))
                .andExpect(status().isForbidden());
        worker.perform(get("/api/registry/residents/template")).andExpect(status().isForbidden());
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits of an ID number. */
    private static char check(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    /** A valid ID number whose last three digits are 000, so that a number cell rounding to 15 digits keeps it valid. */
    private static String roundable() {
        for (int seq = 0; ; seq++) {
            String first15 = String.format("421381197010%03d", seq);
            if (check(first15 + "00") == '0' && seq > 100) {
                return first15 + "000";
            }
        }
    }

    @Test
    void anIdNumberInANumberCellIsRefusedAskingForATextColumnEvenWhenTheRoundedNumberIsValid() throws Exception {
        // Excel kept 15 significant digits of what was typed (…847): the file holds …000, which passes the check.
        String rounded = roundable();
        String mobileOwner = ResidentRegistryTests.idNumber();
        var landline = row("座机号", ResidentRegistryTests.idNumber(), null, GRID);
        landline.set(8, 7223456789L); // 0722-3456789 typed into a number cell: the leading 0 is gone
        var mobile = row("手机号", mobileOwner, null, GRID);
        mobile.set(8, 13900002222L); // an 11-digit mobile survives a number cell
        var numeric = row("数字格", "", null, GRID);
        numeric.set(1, new java.math.BigDecimal(rounded).doubleValue());
        String done = imported(workbook(HEADERS, List.of(numeric, landline, mobile)));
        assertThat(JsonPath.<Integer>read(done, "$.accepted")).isEqualTo(1);
        long id = ((Number) JsonPath.read(done, "$.id")).longValue();
        String rejections = operator.perform(get("/api/registry/imports/" + id + "/rejections"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> content = JsonPath.read(rejections, "$.content");
        assertThat(content)
                .extracting(r -> r.get("rowNumber") + ":" + r.get("field") + ":" + r.get("code"))
                .containsExactly("2:idNumber:number-cell", "3:phone:number-cell");
        assertThat((String) content.get(0).get("message")).contains("文本");
        assertThat(residentsWith(rounded)).isZero();
        assertThat(residentsWith(mobileOwner)).isEqualTo(1);
    }

    @Test
    void theTemplateFormatsTheIdNumberPhoneAndCodeColumnsAsText() throws Exception {
        byte[] template = operator.perform(get("/api/registry/residents/template"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String sheet = null;
        String styles = null;
        var file = java.nio.file.Files.createTempFile("template", ".xlsx");
        try {
            java.nio.file.Files.write(file, template);
            try (var zip = new java.util.zip.ZipFile(file.toFile())) {
                sheet = new String(
                        zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))
                                .readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                styles = new String(
                        zip.getInputStream(zip.getEntry("xl/styles.xml")).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        // Column B (身份证号), F (所属网格), G (户籍地区划) and K (联系电话) carry a style whose number format is text (@).
        var xf = java.util.regex.Pattern.compile("<xf [^>]*numFmtId=\"(\\d+)\"").matcher(styles);
        var formats = new ArrayList<String>();
        int cellXfs = styles.indexOf("<cellXfs");
        while (xf.find()) {
            if (xf.start() > cellXfs) {
                formats.add(xf.group(1));
            }
        }
        var textFormat = java.util.regex.Pattern.compile("<numFmt numFmtId=\"(\\d+)\" formatCode=\"@\"")
                .matcher(styles);
        String textId = textFormat.find() ? textFormat.group(1) : "49";
        for (int column : new int[] {2, 6, 7, 11}) {
            var col = java.util.regex.Pattern.compile(
                            "<col min=\"" + column + "\" max=\"" + column + "\"[^>]*style=\"(\\d+)\"")
                    .matcher(sheet);
            assertThat(col.find()).as("column %d has a style", column).isTrue();
            assertThat(formats.get(Integer.parseInt(col.group(1)))).isEqualTo(textId);
        }
    }

    @Test
    void theExampleRowOfAnOlderTemplateIsNotImported() throws Exception {
        var headers = List.of(
                "姓名", "身份证号", "性别", "民族", "出生日期", "所属网格", "户籍地区划", "户籍详址", "现住址", "与户主关系", "联系电话", "学历", "政治面貌", "职业",
                "服务处所", "人员类型", "标签");
        String exampleId = "42138119800501001" + check("42138119800501001");
        List<Object> example = new ArrayList<>(List.of(
                "张三",
                exampleId,
                "男",
                "汉族",
                "1980-05-01",
                GRID,
                "421381",
                "湖北省广水市杨寨镇站前社区",
                "杨寨镇站前社区幸福路 8 号",
                "户主",
                "13900001111",
                "大学本科",
                "群众",
                "教师",
                "杨寨镇中心小学",
                "户籍人口",
                "党员、志愿者"));
        String realId = ResidentRegistryTests.idNumber();
        List<Object> real = new ArrayList<>(example);
        real.set(0, "李真");
        real.set(1, realId);
        real.set(2, "");
        real.set(4, "");
        String done = imported(workbook(headers, List.of(example, real)));
        assertThat(JsonPath.<Integer>read(done, "$.totalRows")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(done, "$.accepted")).isEqualTo(1);
        assertThat(residentsWith(exampleId)).isZero();
        assertThat(residentsWith(realId)).isEqualTo(1);
    }

    @Test
    void aTruncatedOrGarbledWorkbookIsRefusedNamingTheFileOnEveryImport() throws Exception {
        byte[] good = workbook(HEADERS, List.of(row("截断", ResidentRegistryTests.idNumber(), null, GRID)));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        byte[] garbled = java.util.Arrays.copyOf(good, good.length);
        for (int i = 40; i < garbled.length; i += 7) {
            garbled[i] = (byte) (garbled[i] ^ 0x5a);
        }
        for (String register : List.of("residents", "houses", "places", "organizations")) {
            for (byte[] broken : List.of(truncated, garbled)) {
                operator.perform(multipart("/api/registry/" + register + "/imports")
                                .file(new MockMultipartFile("file", "broken.xlsx", null, broken)))
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.errors[0].field").value("file"))
                        .andExpect(jsonPath("$.errors[0].code").value("format"));
            }
        }
    }
}
