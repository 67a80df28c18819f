package org.gridgov.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
class RegistryFiguresTests {

    /** 站前社区 of 杨寨镇, whose first grids the demo fills with households. */
    private static final String VILLAGE = "421381101001";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private String body(org.springframework.test.web.servlet.MockMvc as, String url, String... params)
            throws Exception {
        var request = get(url);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return as.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void countsPerGridOfAVillageAgreeWithTheRows() throws Exception {
        var township = SignedIn.as(context, "yz.operator");
        String json = body(township, "/api/registry/figures", "region", VILLAGE);
        List<Map<String, Object>> grids = JsonPath.read(json, "$");
        assertThat(grids).isNotEmpty();
        for (var grid : grids) {
            String code = (String) grid.get("code");
            assertThat(code).startsWith(VILLAGE).hasSize(15);
            long residents = jdbc.sql("select count(*) from resident where grid_code = :g and retired_at is null")
                    .param("g", code)
                    .query(Long.class)
                    .single();
            long rentals = jdbc.sql("select count(*) from house where grid_code = :g and rental and retired_at is null")
                    .param("g", code)
                    .query(Long.class)
                    .single();
            assertThat(((Number) grid.get("residents")).longValue()).isEqualTo(residents);
            assertThat(((Number) grid.get("rentalHouses")).longValue()).isEqualTo(rentals);
            assertThat(((Number) grid.get("registered")).longValue()
                            + ((Number) grid.get("floating")).longValue()
                            + ((Number) grid.get("foreign")).longValue()
                            + ((Number) grid.get("leftBehind")).longValue())
                    .isEqualTo(residents);
            assertThat(grid.get("name")).isNotNull();
        }
        // Special groups are counted for those who may know of them only.
        assertThat(grids)
                .allSatisfy(g -> assertThat(g.get("specialGroupMembers")).isNotNull());
        List<Object> hidden = JsonPath.read(
                body(SignedIn.as(context, "grid.assistant"), "/api/registry/figures", "region", VILLAGE),
                "$[*].specialGroupMembers");
        assertThat(hidden).isNotEmpty().containsOnlyNulls();
        // The township level groups the same people by village.
        List<String> villages = JsonPath.read(body(township, "/api/registry/figures"), "$[*].code");
        assertThat(villages).contains(VILLAGE).allMatch(c -> c.length() == 12);
    }

    @Test
    void anAreaOutsideTheScopeIsNotCounted() throws Exception {
        var other = SignedIn.as(context, "ys.operator");
        other.perform(get("/api/registry/figures").param("region", VILLAGE)).andExpect(status().isNotFound());
        other.perform(get("/api/registry/quality").param("region", "42x")).andExpect(status().isBadRequest());
    }

    @Test
    void recordsNobodyConfirmedForMonthsCountAsUnverifiedUntilConfirmed() throws Exception {
        var worker = SignedIn.as(context, "grid.worker");
        String before = body(worker, "/api/registry/quality", "size", "100");
        List<Integer> unverified = JsonPath.read(before, "$.content[*].unverified");
        assertThat(unverified).allMatch(n -> n == 0);
        // The demo has people whose follow-up is overdue in the grid worker's grids.
        List<Integer> overdue = JsonPath.read(before, "$.content[*].overdueFollowUps");
        assertThat(overdue.stream().mapToInt(Integer::intValue).sum()).isPositive();
        List<Object> hidden = JsonPath.read(
                body(SignedIn.as(context, "grid.assistant"), "/api/registry/quality"), "$.content[*].overdueFollowUps");
        assertThat(hidden).isNotEmpty().containsOnlyNulls();

        // Seven months on, as far as these records know: a moved clock would expire the demo passwords as well.
        jdbc.sql("update resident set created_at = created_at - interval '200 days',"
                        + " verified_at = verified_at - interval '200 days' where grid_code like :v || '%'")
                .param("v", VILLAGE)
                .update();
        String later = body(worker, "/api/registry/quality", "size", "100");
        String grid = JsonPath.read(later, "$.content[0].gridCode");
        int residents = JsonPath.read(later, "$.content[0].residents");
        assertThat(JsonPath.<Integer>read(later, "$.content[0].unverified")).isEqualTo(residents);
        double completeness = ((Number) JsonPath.read(later, "$.content[0].completeness")).doubleValue();
        assertThat(completeness).isBetween(0.0, 1.0);

        long someone = jdbc.sql("select min(id) from resident where grid_code = :g and retired_at is null")
                .param("g", grid)
                .query(Long.class)
                .single();
        worker.perform(post("/api/registry/residents/" + someone + "/confirm")).andExpect(status().isNoContent());
        String after = body(worker, "/api/registry/quality", "region", grid);
        assertThat(JsonPath.<Integer>read(after, "$.content[0].unverified")).isEqualTo(residents - 1);
        SignedIn.as(context, "ys.operator")
                .perform(post("/api/registry/residents/" + someone + "/confirm"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aChildWithoutAPhoneIsNoGapAndAnAdultIs() throws Exception {
        var worker = SignedIn.as(context, "grid.worker");
        String grid = "421381101001102";
        int missing = JsonPath.read(body(worker, "/api/registry/quality", "region", grid), "$.content[0].missingPhone");
        var child = java.time.LocalDate.now().minusYears(10);
        var adult = java.time.LocalDate.now().minusYears(30);
        for (var born : List.of(child, adult)) {
            jdbc.sql("""
                            insert into resident (grid_code, name, name_grams, sex, birth_date, kind, kind_details, tags,
                                current_address, ethnicity, verified_at, created_at, updated_at)
                            values (:grid, '无电话', '{}', '1', :born, 'REGISTERED', '{}', '{}', '幸福路 1 号', '01',
                                now(), now(), now())""").param("grid", grid).param("born", born).update();
        }
        assertThat(JsonPath.<Integer>read(
                        body(worker, "/api/registry/quality", "region", grid), "$.content[0].missingPhone"))
                .isEqualTo(missing + 1);
    }
}
