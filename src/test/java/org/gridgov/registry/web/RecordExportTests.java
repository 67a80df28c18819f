package org.gridgov.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.registry.web.HouseRegistryTests.send;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
class RecordExportTests {

    private static final String GRID = "421381101001101";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    MockMvc operator;
    MockMvc leader;

    @BeforeEach
    void setUp() throws Exception {
        operator = SignedIn.as(context, "yz.operator");
        leader = SignedIn.as(context, "county.leader");
    }

    private List<Row> exported(String url, String param, String value, String purpose) throws Exception {
        leader.perform(get(url).param(param, value))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("purpose"));
        byte[] body = leader.perform(get(url).param(param, value).param("purpose", purpose))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        awaitAudit(url, purpose);
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(body))) {
            return wb.getFirstSheet().read();
        }
    }

    /** The audit is written after the response; waits until it is there. */
    private void awaitAudit(String url, String purpose) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            long audited = jdbc.sql("select count(*) from audit_log where username = 'county.leader'"
                            + " and action = 'EXPORT' and purpose = :purpose and object_id like :url || '%'")
                    .param("purpose", purpose)
                    .param("url", url)
                    .query(Long.class)
                    .single();
            if (audited > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no EXPORT audited for " + url);
    }

    @Test
    void exportsHousesMaskedWithAPurposeAndAudited() throws Exception {
        send(
                        operator,
                        "POST",
                        "/api/registry/houses",
                        "{\"gridCode\":\"" + GRID + "\",\"address\":\"站前社区导出巷 7 号\",\"use\":\"RESIDENTIAL\","
                                + "\"ownerName\":\"王建华\",\"ownerPhone\":\"13900002222\",\"rental\":true,"
                                + "\"landlordName\":\"王建华\",\"landlordPhone\":\"13700003333\"}")
                .andExpect(status().isCreated());
        var rows = exported("/api/registry/houses/export", "addressContains", "导出巷 7 号", "核对房屋");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getCellText(0)).isEqualTo("所属网格");
        assertThat(rows.get(1).getCellText(1)).isEqualTo("站前社区导出巷 7 号");
        assertThat(rows.get(1).getCellText(6)).isEqualTo("居住");
        assertThat(rows.get(1).getCellText(8)).isEqualTo("139****2222");
        assertThat(rows.get(1).getCellText(9)).isEqualTo("是");
        assertThat(rows.get(1).getCellText(11)).isEqualTo("137****3333");
    }

    @Test
    void exportsPlacesMaskedWithAPurposeAndAudited() throws Exception {
        send(
                        operator,
                        "POST",
                        "/api/registry/places",
                        "{\"gridCode\":\"" + GRID + "\",\"name\":\"导出测试超市\",\"type\":\"SHOP\","
                                + "\"keyFlags\":[\"FIRE_SAFETY\"],\"address\":\"站前社区 1 号\","
                                + "\"responsibleName\":\"周店长\",\"responsiblePhone\":\"13600004444\"}")
                .andExpect(status().isCreated());
        var rows = exported("/api/registry/places/export", "name", "导出测试超市", "核对场所");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).getCellText(1)).isEqualTo("导出测试超市");
        assertThat(rows.get(1).getCellText(2)).isEqualTo("商铺");
        assertThat(rows.get(1).getCellText(3)).isEqualTo("消防重点");
        assertThat(rows.get(1).getCellText(6)).isEqualTo("136****4444");
    }

    @Test
    void exportsOrganizationsMaskedWithAPurposeAndAudited() throws Exception {
        String code = RegisteredOrganizationTests.creditCode();
        send(
                        operator,
                        "POST",
                        "/api/registry/organizations",
                        "{\"gridCode\":\"" + GRID + "\",\"name\":\"导出测试公司\",\"kind\":\"NON_PUBLIC_ECONOMIC\","
                                + "\"creditCode\":\"" + code + "\",\"legalRepresentativeName\":\"孙经理\","
                                + "\"legalRepresentativePhone\":\"13500005555\",\"employees\":12}")
                .andExpect(status().isCreated());
        var rows = exported("/api/registry/organizations/export", "creditCode", code, "核对组织");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).getCellText(2)).isEqualTo("非公有制经济组织");
        assertThat(rows.get(1).getCellText(3)).isEqualTo(code);
        assertThat(rows.get(1).getCellText(5)).isEqualTo("135****5555");
        assertThat(rows.get(1).getCellText(7)).isEqualTo("12");
    }

    @Test
    void aGridWorkerMayNotExportNorDownloadTemplates() throws Exception {
        var worker = SignedIn.as(context, "grid.worker");
        for (String list : List.of("houses", "places", "organizations")) {
            worker.perform(get("/api/registry/" + list + "/export").param("purpose", "核对"))
                    .andExpect(status().isForbidden());
            worker.perform(get("/api/registry/" + list + "/template")).andExpect(status().isForbidden());
        }
    }

    @Test
    void templatesHaveTheHeadersAnExampleOnASheetOfItsOwnAndTheCodes() throws Exception {
        for (String register : List.of("houses", "places", "organizations")) {
            byte[] body = operator.perform(get("/api/registry/" + register + "/template"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            try (var wb = new ReadableWorkbook(new ByteArrayInputStream(body))) {
                var sheets = wb.getSheets().toList();
                // Only the headers on the sheet an import reads: the example cannot become a record.
                assertThat(sheets.get(0).read()).hasSize(1);
                assertThat(sheets.get(1).getName()).isEqualTo("填写示例");
                assertThat(sheets.get(1).read().get(1).getCellText(0)).isEqualTo(GRID);
                if (register.equals("places")) {
                    assertThat(sheets.get(0).read().get(0).getCellText(1)).isEqualTo("场所名称");
                    assertThat(sheets.get(2).read().stream().map(r -> r.getCellText(1)))
                            .contains("SHOP", "FIRE_SAFETY");
                }
            }
        }
    }
}
