package org.gridgov.region.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

/**
 * Adding to the administrative tree what the national list lacks: a township under a county, and villages many at a
 * time from a workbook or a GeoJSON file, all or nothing, every refused row named; files that cannot be read are 400s
 * naming {@code file}.
 */
@SpringBootTest
class RegionAdditionTests {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** 关庙镇, where these tests add their villages. */
    private static final String TOWNSHIP = "421381105";

    @Autowired
    WebApplicationContext context;

    MockMvc county;

    @BeforeEach
    void signIn() throws Exception {
        county = SignedIn.as(context, "county.operator");
    }

    @Test
    void aTownshipMissingFromTheNationalListIsAddedUnderItsCounty() throws Exception {
        create(county, "{\"code\":\"421381113\",\"name\":\"新设镇\",\"parentCode\":\"421381\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.level").value("TOWNSHIP"))
                .andExpect(jsonPath("$.parentCode").value("421381"))
                .andExpect(jsonPath("$.path[2].code").value("421381"));
        county.perform(get("/api/regions/421381/children").param("size", "100"))
                .andExpect(jsonPath("$.content[*].code", hasItem("421381113")));
        create(county, "{\"code\":\"421381113201\",\"name\":\"新设村\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.level").value("VILLAGE"));
        create(county, "{\"code\":\"421381113\",\"name\":\"又一个新设镇\"}").andExpect(status().isConflict());
    }

    @Test
    void townshipCodesFollowTheNationalRulesAndNeedAName() throws Exception {
        for (String code : List.of("421381000", "421381600", "42138110", "4213811AB")) {
            create(county, "{\"code\":\"" + code + "\",\"name\":\"坏编码镇\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("code"));
        }
        for (String name : List.of("  ", "空\\u0000字符镇")) {
            create(county, "{\"code\":\"421381114\",\"name\":\"" + name + "\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("name"));
        }
        create(county, "{\"code\":\"421381114\",\"name\":\"错上级镇\",\"parentCode\":\"421382\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentCode"))
                .andExpect(jsonPath("$.errors[0].code").value("mismatch"));
        create(county, "{\"code\":\"421382101\",\"name\":\"外县镇\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("parentCode"))
                .andExpect(jsonPath("$.errors[0].code").value("unknown-parent"));
        county.perform(get("/api/regions/421381114")).andExpect(status().isNotFound());
    }

    @Test
    void aTownshipOperatorAddsNeitherTownshipsNorVillagesOutsideTheTownship() throws Exception {
        var township = SignedIn.as(context, "yz.operator");
        create(township, "{\"code\":\"421381115\",\"name\":\"越权镇\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("unknown-parent"));
        importFile(township, workbook(List.<String[]>of(row(TOWNSHIP + "690", "越权村", TOWNSHIP, null))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("rows[2].parentCode"))
                .andExpect(jsonPath("$.errors[0].code").value("unknown-parent"));
        county.perform(get("/api/regions/421381115")).andExpect(status().isNotFound());
    }

    @Test
    void villagesAreImportedFromTheTemplateWorkbook() throws Exception {
        byte[] template = county.perform(get("/api/regions/import/template"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<String> headers;
        int rows;
        try (var book = new ReadableWorkbook(new ByteArrayInputStream(template));
                var stream = book.getFirstSheet().openStream()) {
            var read = stream.toList();
            rows = (int) read.stream()
                    .filter(r ->
                            r.stream().anyMatch(c -> c != null && !c.getText().isBlank()))
                    .count();
            headers = read.getFirst().stream().map(c -> c.getText()).toList();
        }
        assertThat(rows).as("the template holds its header and no example rows").isEqualTo(1);

        importFile(
                        county,
                        workbook(
                                headers,
                                List.of(
                                        row(TOWNSHIP + "601", "导入一村", TOWNSHIP, null),
                                        row(
                                                TOWNSHIP + "602",
                                                "导入二村",
                                                null,
                                                "POLYGON((120 30, 120.01 30, 120.01 30.01, 120 30.01, 120 30))"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.codes", containsInAnyOrder(TOWNSHIP + "601", TOWNSHIP + "602")));
        county.perform(get("/api/regions/" + TOWNSHIP + "602"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("导入二村"))
                .andExpect(jsonPath("$.level").value("VILLAGE"));
    }

    @Test
    void oneRefusedRowRefusesTheWholeWorkbookAndEveryRefusedRowIsNamed() throws Exception {
        importFile(
                        county,
                        workbook(List.of(
                                row(TOWNSHIP + "611", "好村", TOWNSHIP, null),
                                row("42138110561", "短编码村", TOWNSHIP, null),
                                row(TOWNSHIP + "611", "重复村", TOWNSHIP, null),
                                row("421381199612", "无主村", null, null),
                                row(TOWNSHIP + "613", "", TOWNSHIP, null),
                                row(TOWNSHIP + "614", "坏边界村", TOWNSHIP, "POLYGON((1 2, 3 4"),
                                row("421381101001", "已有村", null, null))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(containsInAnyOrder(
                                "rows[3].code",
                                "rows[4].code",
                                "rows[5].code",
                                "rows[6].name",
                                "rows[7].outline",
                                "rows[8].code")))
                .andExpect(
                        jsonPath("$.errors[?(@.field == 'rows[4].code')].code").value("duplicate"))
                .andExpect(
                        jsonPath("$.errors[?(@.field == 'rows[5].code')].code").value("unknown-parent"))
                .andExpect(
                        jsonPath("$.errors[?(@.field == 'rows[8].code')].code").value("exists"))
                .andExpect(jsonPath("$.errors[0].messageEn").isNotEmpty());
        county.perform(get("/api/regions/" + TOWNSHIP + "611")).andExpect(status().isNotFound());
    }

    @Test
    void villagesAreImportedFromGeoJsonWithAnOptionalOutline() throws Exception {
        String features = "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"code\":\"" + TOWNSHIP
                + "621\",\"name\":\"要素一村\",\"parentCode\":\"" + TOWNSHIP + "\"}},"
                + "{\"type\":\"Feature\",\"geometry\":" + GeoJsonFixtures.square(121, 30, 0.01)
                + ",\"properties\":{\"code\":\"" + TOWNSHIP + "622\",\"name\":\"要素二村\"}}]}";
        String refused = features.replace("\"name\":\"要素二村\"", "\"name\":\"要素二村\",\"parentCode\":\"421381104\"");
        importFile(county, geoJson(refused))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("features[1].properties.parentCode"))
                .andExpect(jsonPath("$.errors[0].code").value("mismatch"));
        county.perform(get("/api/regions/" + TOWNSHIP + "621")).andExpect(status().isNotFound());

        importFile(county, geoJson(features))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2));
        county.perform(get("/api/regions/" + TOWNSHIP + "621"))
                .andExpect(jsonPath("$.name").value("要素一村"));
    }

    @Test
    void filesThatCannotBeReadAreBadRequestsNamingTheFile() throws Exception {
        byte[] good = workbook(List.<String[]>of(row(TOWNSHIP + "631", "截断村", TOWNSHIP, null)));
        byte[] truncated = Arrays.copyOf(good, good.length / 2);
        byte[] oldExcel = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0};
        byte[] garbage = "\u0000\u0001这不是文件 not a file".getBytes(StandardCharsets.UTF_8);
        byte[] halfJson = "{\"type\":\"FeatureCollection\",\"features\":[".getBytes(StandardCharsets.UTF_8);
        byte[] notCollection = "[1,2,3]".getBytes(StandardCharsets.UTF_8);
        byte[] noHeader = workbook(List.of("甲", "乙"), List.<String[]>of(row(TOWNSHIP + "632", "无标题村", TOWNSHIP, null)));
        for (byte[] content : List.of(truncated, oldExcel, garbage, halfJson, notCollection, noHeader, new byte[0])) {
            importFile(county, new MockMultipartFile("file", "villages.xlsx", XLSX, content))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("file"))
                    .andExpect(jsonPath("$.errors[0].messageEn").isNotEmpty());
        }
        county.perform(multipart("/api/regions/import")).andExpect(status().isBadRequest());
        county.perform(get("/api/regions/" + TOWNSHIP + "631")).andExpect(status().isNotFound());

        for (byte[] content : List.of(halfJson, notCollection, garbage, truncated)) {
            county.perform(multipart("/api/grids/import")
                            .file(new MockMultipartFile("file", "grids.geojson", "application/geo+json", content)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("file"));
        }
    }

    private static ResultActions create(MockMvc as, String json) throws Exception {
        return as.perform(
                post("/api/regions").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static ResultActions importFile(MockMvc as, byte[] xlsx) throws Exception {
        return importFile(as, new MockMultipartFile("file", "villages.xlsx", XLSX, xlsx));
    }

    private static ResultActions importFile(MockMvc as, MockMultipartFile file) throws Exception {
        return as.perform(multipart("/api/regions/import").file(file));
    }

    private static MockMultipartFile geoJson(String text) {
        return new MockMultipartFile(
                "file", "villages.geojson", "application/geo+json", text.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] row(String code, String name, String parent, String outline) {
        return new String[] {code, name, parent, outline};
    }

    private static byte[] workbook(List<String[]> rows) throws Exception {
        return workbook(List.of("编码 code", "名称 name", "上级乡镇编码 parentCode", "边界 outline"), rows);
    }

    /** A workbook with the headers on row 1 and the rows from row 2 on, as Excel numbers them. */
    private static byte[] workbook(List<String> headers, List<String[]> rows) throws Exception {
        var out = new ByteArrayOutputStream();
        var book = new Workbook(out, "test", "1.0");
        var sheet = book.newWorksheet("村（社区）");
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).length; c++) {
                if (rows.get(r)[c] != null) {
                    sheet.value(r + 1, c, rows.get(r)[c]);
                }
            }
        }
        book.finish();
        return out.toByteArray();
    }
}
