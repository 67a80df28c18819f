package org.gridgov.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

/**
 * Rosters from a workbook: good rows are added as the form adds them, each refused row names its row, field and
 * reason, a workbook sent twice adds nobody twice, and files that are no roster workbook are refused whole.
 */
@SpringBootTest
class RosterImportTests {

    private static final String TOWNSHIP = "421381101";
    private static final String OTHER_TOWNSHIP = "421381001";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private String grid(String township, int n) {
        return DemoGrids.nth(jdbc, township, n);
    }

    private static byte[] workbook(List<String> headers, List<List<Object>> rows) throws Exception {
        var out = new ByteArrayOutputStream();
        var workbook = new Workbook(out, "test", "1.0");
        var sheet = workbook.newWorksheet("队伍花名册");
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object v = rows.get(r).get(c);
                if (v instanceof String s) {
                    sheet.value(r + 1, c, s);
                } else if (v instanceof Number n) {
                    sheet.value(r + 1, c, n);
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    private static ResultActions upload(MockMvc as, byte[] bytes) throws Exception {
        return as.perform(multipart("/api/teams/imports").file(new MockMultipartFile("file", "花名册.xlsx", null, bytes)));
    }

    private static final List<String> HEADERS = List.of("所属网格", "岗位", "姓名", "专兼职", "联系电话", "职责", "任职起始");

    @Test
    void goodRowsAreAddedAndEachRefusedRowSaysWhy() throws Exception {
        var operator = SignedIn.as(context, "yz.operator");
        String grid = grid(TOWNSHIP, 21);
        String other = grid(OTHER_TOWNSHIP, 3);
        byte[] bytes = workbook(
                HEADERS,
                List.of(
                        List.of(grid, "楼栋长", "导入甲", "兼职", "13811112222", "负责3号楼", "2026-11-01"),
                        // A 15-digit grid code and an 11-digit phone typed as numbers still read as their digits.
                        List.of(Long.parseLong(grid), "信息员", "导入乙", "兼职", 13811113333L, "", ""),
                        List.of(grid, "楼栋长", "导入丙", "兼职", "12345", "", ""),
                        List.of(grid, "巡逻员", "导入丁", "", "", "", ""),
                        List.of(grid, "网格长", "导入戊", "兼职", "", "", ""),
                        List.of(other, "楼栋长", "导入己", "", "", "", ""),
                        List.of(grid, "楼栋长", "导入庚", "全职", "", "", "2026-13-01")));
        String answer = upload(operator, bytes)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<Integer>read(answer, "$.rows")).isEqualTo(7);
        assertThat(JsonPath.<Integer>read(answer, "$.added")).as(answer).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(answer, "$.rejectedRows")).isEqualTo(5);
        assertThat(JsonPath.<List<Integer>>read(answer, "$.rejections[?(@.name == '导入丙')].rowNumber"))
                .containsExactly(4);
        assertThat(JsonPath.<List<String>>read(answer, "$.rejections[?(@.name == '导入丙')].field"))
                .containsExactly("phone");
        assertThat(JsonPath.<List<String>>read(answer, "$.rejections[?(@.name == '导入丁')].code"))
                .containsExactly("unknown-value");
        // The grid has its 网格长 from the demo teams: a second is refused as the form refuses it.
        assertThat(JsonPath.<List<String>>read(answer, "$.rejections[?(@.name == '导入戊')].field"))
                .containsExactly("positionCode");
        assertThat(JsonPath.<List<String>>read(answer, "$.rejections[?(@.name == '导入己')].field"))
                .containsExactly("gridCode");
        assertThat(JsonPath.<List<String>>read(answer, "$.rejections[?(@.name == '导入庚')].field"))
                .containsExactlyInAnyOrder("employment", "validFrom");
        assertThat(JsonPath.<List<String>>read(answer, "$.rejections[?(@.name == '导入丙')].message")
                        .getFirst())
                .startsWith("联系电话")
                .doesNotStartWith("联系电话：联系电话");

        var added = jdbc.sql("""
                        select name || '|' || position_code || '|' || valid_from from team_member
                        where grid_code = :g and name like '导入%' order by name""").param("g", grid).query(String.class).list();
        assertThat(added).containsExactly("导入乙|INFORMANT|" + today(), "导入甲|BUILDING_HEAD|2026-11-01");
        assertThat(jdbc.sql("select count(*) from team_member where name like '导入%' and grid_code = :g")
                        .param("g", other)
                        .query(Long.class)
                        .single())
                .isZero();

        // Sent again, the workbook adds nobody twice.
        String again = upload(operator, bytes)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<Integer>read(again, "$.added")).isZero();
        assertThat(JsonPath.<List<String>>read(again, "$.rejections[?(@.name == '导入甲')].code"))
                .containsExactly("exists");
        assertThat(jdbc.sql("select count(*) from team_member where grid_code = :g and name like '导入%'")
                        .param("g", grid)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    private String today() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    }

    @Test
    void filesThatAreNoRosterWorkbookAreRefusedWhole() throws Exception {
        var operator = SignedIn.as(context, "yz.operator");
        refused(upload(operator, new byte[0]), "empty");
        refused(upload(operator, "姓名,岗位\n张三,楼栋长".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "format");
        refused(
                upload(operator, new byte[] {
                    (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0
                }),
                "format");
        refused(upload(operator, workbook(List.of("姓名", "岗位"), List.of(List.of("张三", "楼栋长")))), "missing-columns");
        refused(upload(operator, workbook(HEADERS, List.of())), "empty");
        refused(
                upload(operator, workbook(List.of("所属网格", "岗位", "姓名", "身高"), List.of(List.of("1", "2", "3", "4")))),
                "unknown-columns");
        operator.perform(multipart("/api/teams/imports"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        upload(SignedIn.as(context, "grid.worker"), workbook(HEADERS, List.of(List.of("1", "2", "3"))))
                .andExpect(status().isForbidden());
    }

    private static void refused(ResultActions answer, String code) throws Exception {
        answer.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].code").value(code));
    }

    @Test
    void theTemplateHasTheColumnsAndTheOperatorsGridsToCopyFrom() throws Exception {
        var operator = SignedIn.as(context, "yz.operator");
        byte[] bytes = operator.perform(get("/api/teams/import/template"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            var sheets = workbook.getSheets().toList();
            assertThat(sheets.getFirst().getName()).isEqualTo("队伍花名册");
            var header = sheets.getFirst().read().getFirst();
            assertThat(java.util.stream.IntStream.range(0, header.getCellCount())
                            .mapToObj(c -> header.getCell(c).getText())
                            .toList())
                    .isEqualTo(HEADERS);
            var codes = sheets.get(1).read().stream()
                    .filter(r -> r.getCellCount() > 1 && r.getCell(1) != null)
                    .map(r -> r.getCell(1).getText())
                    .filter(t -> t != null && t.matches("\\d{15}"))
                    .toList();
            long township = jdbc.sql("""
                            select count(*) from grid where code like :t || '%' and level = 1 and valid_to is null""").param("t", TOWNSHIP).query(Long.class).single();
            assertThat(codes).hasSize((int) township).allMatch(c -> c.startsWith(TOWNSHIP));
        }
    }
}
