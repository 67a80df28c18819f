package org.gridgov.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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

/**
 * Grid teams through the API, on the demo county's teams: a change keeps the former version and the roster of a past
 * day shows the version of that day; one 网格长 per grid at a time; a township's operator reaches only their
 * township's teams; phones masked, an unmasked view audited; bad input refused naming the field; a grid's chain of
 * responsibility; the facade other modules read.
 */
@SpringBootTest
class TeamTests {

    /** 杨寨镇, kept by yz.operator; 应山街道 beside it, kept by ys.operator. */
    private static final String TOWNSHIP = "421381101";

    private static final String OTHER_TOWNSHIP = "421381001";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TeamApi teams;

    MockMvc operator;

    @BeforeEach
    void signIn() throws Exception {
        operator = SignedIn.as(context, "yz.operator");
    }

    /** The n-th current grid of a township, so that each test works on a grid of its own. */
    private String grid(String township, int n) {
        return DemoGrids.nth(jdbc, township, n);
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    private static ResultActions add(MockMvc as, String grid, String body) throws Exception {
        return as.perform(post("/api/teams/grids/" + grid + "/members")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static long added(MockMvc as, String grid, String body) throws Exception {
        String answer = add(as, grid, body)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    private static String body(MockMvc as, String url) throws Exception {
        return as.perform(get(url))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The names on a grid's roster of a day. */
    private List<String> namesOn(String grid, String day) throws Exception {
        return JsonPath.read(
                body(operator, "/api/teams/grids/" + grid + "/members?size=200&on=" + day), "$.content[*].name");
    }

    @Test
    void aChangeKeepsTheFormerVersionAndThePastRosterShowsTheVersionOfItsDay() throws Exception {
        String grid = grid(TOWNSHIP, 10);
        long id = added(operator, grid, """
                {"positionCode":"PART_TIME_WORKER","name":"历史甲","phone":"139 0000 1111","duties":"巡查",
                 "validFrom":"2025-01-01"}""");
        operator.perform(put("/api/teams/members/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"positionCode":"PART_TIME_WORKER","name":"历史甲","phone":"13700002222",
                                 "duties":"巡查、走访","effectiveFrom":"2025-06-01","note":"分工调整","version":1}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.validFrom").value("2025-06-01"))
                .andExpect(jsonPath("$.duties").value("巡查、走访"))
                .andExpect(jsonPath("$.phone").value("137****2222"));
        // The form was filled from the version shown before: it changed meanwhile.
        operator.perform(put("/api/teams/members/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"positionCode\":\"PART_TIME_WORKER\",\"name\":\"历史甲\",\"version\":1}"))
                .andExpect(status().isConflict());

        String history = body(operator, "/api/teams/members/" + id + "/history");
        List<Map<String, Object>> versions = JsonPath.read(history, "$.content");
        assertThat(versions).extracting(v -> v.get("version")).containsExactly(2, 1);
        assertThat(versions.get(1))
                .containsEntry("validFrom", "2025-01-01")
                .containsEntry("validTo", "2025-06-01")
                .containsEntry("duties", "巡查")
                .containsEntry("phone", "139****1111")
                .containsEntry("endReason", "分工调整");
        assertThat(versions.get(0)).containsEntry("note", "分工调整").containsEntry("recordedByName", "杨寨镇坐席员");

        String march = body(operator, "/api/teams/grids/" + grid + "/members?size=200&on=2025-03-01");
        assertThat(JsonPath.<List<String>>read(march, "$.content[?(@.id == " + id + ")].duties"))
                .containsExactly("巡查");
        String july = body(operator, "/api/teams/grids/" + grid + "/members?size=200&on=2025-07-01");
        assertThat(JsonPath.<List<String>>read(july, "$.content[?(@.id == " + id + ")].duties"))
                .containsExactly("巡查、走访");
        assertThat(namesOn(grid, "2024-12-31")).doesNotContain("历史甲");

        // Sending the form back unchanged, the masked phone included, makes no new version.
        operator.perform(put("/api/teams/members/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"positionCode":"PART_TIME_WORKER","name":"历史甲","phone":"137****2222",
                                 "duties":"巡查、走访","version":2}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));

        operator.perform(post("/api/teams/members/" + id + "/leave")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"on\":\"2025-09-01\",\"reason\":\"工作调动\",\"version\":2}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.validTo").value("2025-09-01"))
                .andExpect(jsonPath("$.endReason").value("工作调动"));
        assertThat(namesOn(grid, "2025-08-31")).contains("历史甲");
        assertThat(namesOn(grid, "2025-09-01")).doesNotContain("历史甲");
        assertThat(namesOn(grid, today())).doesNotContain("历史甲");
        operator.perform(post("/api/teams/members/" + id + "/leave")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"on\":\"2025-10-01\",\"reason\":\"再次离任\",\"version\":2}"))
                .andExpect(status().isConflict());
        long rows = jdbc.sql("select count(*) from team_member where member_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        assertThat(rows).as("both versions stay").isEqualTo(2);
        // The audit log names the member each write concerns.
        SignedIn.as(context, "auditor")
                .perform(get("/api/audit").param("objectId", "/api/teams/members/" + id + "/leave"))
                .andExpect(jsonPath("$.content[0].labelType").value("team-member"))
                .andExpect(jsonPath("$.content[0].objectLabel").value("历史甲"));
    }

    @Test
    void aGridHasOneGridLeaderAtATime() throws Exception {
        String grid = grid(TOWNSHIP, 11);
        String roster = body(operator, "/api/teams/grids/" + grid + "/members?size=200");
        List<Map<String, Object>> leaders = JsonPath.read(roster, "$.content[?(@.positionCode == 'GRID_LEADER')]");
        assertThat(leaders).as("the demo gives every grid its 网格长").hasSize(1);
        var leader = leaders.getFirst();

        add(operator, grid, "{\"positionCode\":\"GRID_LEADER\",\"name\":\"第二网格长\",\"employment\":\"PART_TIME\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("positionCode"))
                .andExpect(jsonPath("$.detail").value("该网格此期间已有网格长：" + leader.get("name")));

        String handover = LocalDate.parse(today()).plusDays(10).toString();
        operator.perform(post("/api/teams/members/" + leader.get("id") + "/leave")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"on\":\"" + handover + "\",\"reason\":\"换届\",\"version\":" + leader.get("version")
                                + "}"))
                .andExpect(status().isOk());
        // The old leader serves until the handover: a successor may start that day, not the day before.
        add(operator, grid, """
                        {"positionCode":"GRID_LEADER","name":"新网格长","employment":"PART_TIME","validFrom":"%s"}""".formatted(LocalDate.parse(handover).minusDays(1)))
                .andExpect(status().isConflict());
        long successor = added(operator, grid, """
                {"positionCode":"GRID_LEADER","name":"新网格长","employment":"PART_TIME","validFrom":"%s"}""".formatted(handover));
        assertThat(namesOn(grid, today())).contains((String) leader.get("name")).doesNotContain("新网格长");
        assertThat(namesOn(grid, handover)).contains("新网格长").doesNotContain((String) leader.get("name"));

        // Changing a part-timer into the grid's 网格长 is refused the same way.
        long other = added(operator, grid, "{\"positionCode\":\"PART_TIME_WORKER\",\"name\":\"兼职乙\"}");
        operator.perform(put("/api/teams/members/" + other)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"positionCode":"GRID_LEADER","name":"兼职乙","employment":"PART_TIME",
                                 "effectiveFrom":"%s","version":1}""".formatted(handover)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("positionCode"));
        assertThat(successor).isPositive();
    }

    @Test
    void aTownshipOperatorNeitherReadsNorWritesAnotherTownshipsTeam() throws Exception {
        String own = grid(TOWNSHIP, 12);
        String other = grid(OTHER_TOWNSHIP, 0);
        var street = SignedIn.as(context, "ys.operator");
        long theirs = added(
                street, other, "{\"positionCode\":\"INFORMANT\",\"name\":\"街道信息员\",\"employment\":\"PART_TIME\"}");

        operator.perform(get("/api/teams/grids/" + own + "/members")).andExpect(status().isOk());
        operator.perform(get("/api/teams/grids/" + other + "/members")).andExpect(status().isNotFound());
        operator.perform(get("/api/teams/grids/" + other + "/chain")).andExpect(status().isNotFound());
        add(operator, other, "{\"positionCode\":\"INFORMANT\",\"name\":\"越界\",\"employment\":\"PART_TIME\"}")
                .andExpect(status().isNotFound());
        operator.perform(get("/api/teams/members/" + theirs)).andExpect(status().isNotFound());
        operator.perform(get("/api/teams/members/" + theirs + "/history")).andExpect(status().isNotFound());
        operator.perform(
                        put("/api/teams/members/" + theirs)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"positionCode\":\"INFORMANT\",\"name\":\"改名\",\"employment\":\"PART_TIME\",\"version\":1}"))
                .andExpect(status().isNotFound());
        operator.perform(post("/api/teams/members/" + theirs + "/leave")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"越界\",\"version\":1}"))
                .andExpect(status().isNotFound());
        operator.perform(get("/api/teams/members").param("name", "街道信息员"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(0));
        operator.perform(get("/api/teams/members").param("region", OTHER_TOWNSHIP))
                .andExpect(status().isNotFound());
        operator.perform(post("/api/teams/assignments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"regionCode\":\"" + other + "\",\"cadreName\":\"越界干部\",\"role\":\"包网格\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("regionCode"));
        street.perform(get("/api/teams/members/" + theirs))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("街道信息员"));
        assertThat(jdbc.sql("select count(*) from team_member where name = '越界'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aGridWorkerReadsTheTeamsOfTheirOwnGridsOnly() throws Exception {
        var worker = SignedIn.as(context, "grid.worker");
        String own = body(worker, "/api/teams/grids/421381101001101/members");
        assertThat(JsonPath.<List<String>>read(own, "$.content[?(@.name == '网格员')].positionName"))
                .as("the demo grid worker is the grid's 专职网格员")
                .containsExactly("专职网格员");
        worker.perform(get("/api/teams/grids/421381101001101/chain")).andExpect(status().isOk());
        String beside = jdbc.sql("""
                        select code from grid where village_code = '421381101001' and level = 1 and valid_to is null
                          and code not in ('421381101001101', '421381101001102') order by code limit 1""").query(String.class).single();
        worker.perform(get("/api/teams/grids/" + beside + "/members")).andExpect(status().isNotFound());
        add(worker, "421381101001101", "{\"positionCode\":\"INFORMANT\",\"name\":\"无权\",\"employment\":\"PART_TIME\"}")
                .andExpect(status().isForbidden());
    }

    @Test
    void phonesAreMaskedAndEveryUnmaskedViewIsAudited() throws Exception {
        String grid = grid(TOWNSHIP, 13);
        long id = added(operator, grid, """
                {"positionCode":"BUILDING_HEAD","name":"遮蔽丙","phone":"13912345678","employment":"PART_TIME"}""");
        operator.perform(get("/api/teams/members/" + id))
                .andExpect(jsonPath("$.phone").value("139****5678"));
        String roster = body(operator, "/api/teams/grids/" + grid + "/members?size=200");
        assertThat(JsonPath.<List<String>>read(roster, "$.content[?(@.id == " + id + ")].phone"))
                .containsExactly("139****5678");
        byte[] stored = jdbc.sql("select phone from team_member where member_id = :id")
                .param("id", id)
                .query(byte[].class)
                .single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("13912345678");

        operator.perform(get("/api/teams/members/" + id + "/unmasked").param("purpose", "联系"))
                .andExpect(status().isForbidden());
        var leader = SignedIn.as(context, "county.leader");
        leader.perform(get("/api/teams/members/" + id + "/unmasked"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("purpose"));
        leader.perform(get("/api/teams/members/" + id + "/unmasked").param("purpose", "核实联系方式"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value("13912345678"));
        long unmasked =
                jdbc.sql("""
                        select count(*) from audit_log where action = 'UNMASK' and result = 'SUCCESS'
                          and object_type = 'team-member' and object_id = :id and purpose = '核实联系方式'
                          and username = 'county.leader'""").param("id", String.valueOf(id)).query(Long.class).single();
        assertThat(unmasked).isEqualTo(1);
        long refused = jdbc.sql("""
                        select count(*) from audit_log where result = 'DENIED' and username = 'yz.operator'
                          and object_id = :path""")
                .param("path", "/api/teams/members/" + id + "/unmasked")
                .query(Long.class)
                .single();
        assertThat(refused).isEqualTo(1);

        // A search by phone finds the member and is audited with the number masked.
        operator.perform(get("/api/teams/members").param("phone", "139-1234-5678"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id", hasItem((int) id)));
        long searched = jdbc.sql("""
                        select count(*) from audit_log where action = 'VIEW_PERSONAL' and username = 'yz.operator'
                          and detail like 'phone=139****5678%'""").query(Long.class).single();
        assertThat(searched).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        String grid = grid(TOWNSHIP, 14);
        // Each body with the status and the field its refusal names.
        String informant = "{\"positionCode\":\"INFORMANT\",\"employment\":\"PART_TIME\",";
        var refusals = List.of(
                new Refusal("{\"positionCode\":\"INFORMANT\",\"employment\":\"PART_TIME\"}", 400, "name"),
                new Refusal(informant + "\"name\":\"甲\",\"phone\":\"12345\"}", 400, "phone"),
                new Refusal(
                        informant + "\"name\":\"甲\",\"validFrom\":\"2025-05-01\",\"validTo\":\"2025-04-01\"}",
                        400,
                        "validTo"),
                new Refusal(
                        "{\"positionCode\":\"MAYOR\",\"name\":\"甲\",\"employment\":\"PART_TIME\"}",
                        400,
                        "positionCode"),
                new Refusal("{\"positionCode\":\"INFORMANT\",\"name\":\"甲\"}", 400, "employment"),
                new Refusal(
                        "{\"positionCode\":\"FULL_TIME_WORKER\",\"name\":\"甲\",\"employment\":\"PART_TIME\"}",
                        400,
                        "employment"),
                new Refusal(informant + "\"name\":\"" + "长".repeat(51) + "\"}", 400, "name"),
                new Refusal(informant + "\"name\":\"a\\u0000b\"}", 400, "name"),
                new Refusal(informant + "\"name\":\"甲\",\"validFrom\":\"9999-01-01\"}", 400, "validFrom"),
                new Refusal("{\"positionCode\":\"INFORMANT\",\"name\":", 400, "body"),
                new Refusal(
                        "{\"positionCode\":\"INFORMANT\",\"name\":\"甲\",\"employment\":\"SOMETIMES\"}",
                        400,
                        "employment"),
                new Refusal(informant + "\"name\":\"甲\",\"userId\":999999}", 422, "userId"));
        for (var refusal : refusals) {
            try {
                refused(add(operator, grid, refusal.body()), refusal.status(), refusal.field());
            } catch (AssertionError e) {
                throw new AssertionError(refusal.body() + ": " + e.getMessage(), e);
            }
        }
        add(operator, "421381101999999", "{\"positionCode\":\"INFORMANT\",\"name\":\"甲\",\"employment\":\"PART_TIME\"}")
                .andExpect(status().isNotFound());
        long id = added(
                operator,
                grid,
                "{\"positionCode\":\"INFORMANT\",\"name\":\"甲\",\"employment\":\"PART_TIME\",\"validFrom\":\"2025-03-01\"}");
        refused(
                operator.perform(put("/api/teams/members/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"positionCode\":\"INFORMANT\",\"name\":\"乙\",\"employment\":\"PART_TIME\"}")),
                400,
                "version");
        refused(
                operator.perform(put("/api/teams/members/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"positionCode":"INFORMANT","name":"乙","employment":"PART_TIME",
                                 "effectiveFrom":"2025-01-01","version":1}""")),
                422,
                "effectiveFrom");
        refused(
                operator.perform(post("/api/teams/members/" + id + "/leave")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1}")),
                400,
                "reason");
        refused(operator.perform(get("/api/teams/grids/" + grid + "/members").param("on", "2026-13-45")), 400, "on");
        refused(
                operator.perform(post("/api/teams/assignments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"regionCode\":\"42138110\",\"cadreName\":\"甲\",\"role\":\"包村\"}")),
                400,
                "regionCode");
        refused(
                operator.perform(post("/api/teams/assignments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"regionCode\":\"" + TOWNSHIP
                                + "\",\"cadreLevel\":\"VILLAGE\",\"cadreName\":\"甲\",\"role\":\"包乡镇\"}")),
                422,
                "cadreLevel");
    }

    private record Refusal(String body, int status, String field) {}

    private static void refused(ResultActions answer, int status, String field) throws Exception {
        answer.andExpect(status().is(status))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)))
                .andExpect(jsonPath("$.detailEn").isNotEmpty());
    }

    @Test
    void theChainNamesWhoAnswersForAGridAtEveryLevel() throws Exception {
        String grid = grid(TOWNSHIP, 15);
        String chain = body(operator, "/api/teams/grids/" + grid + "/chain");
        assertThat(JsonPath.<List<String>>read(chain, "$.levels[*].level"))
                .containsExactly("GRID", "VILLAGE", "TOWNSHIP", "COUNTY");
        assertThat(JsonPath.<List<String>>read(chain, "$.levels[0].people[*].role"))
                .containsExactly("网格长");
        assertThat(JsonPath.<List<String>>read(chain, "$.levels[2].people[*].regionCode"))
                .containsExactly(grid.substring(0, 12));
        assertThat(JsonPath.<List<String>>read(chain, "$.levels[3].people[*].regionCode"))
                .containsExactly(TOWNSHIP);
        assertThat(JsonPath.<List<Object>>read(chain, "$.levels[1].people")).isEmpty();

        String created = operator.perform(post("/api/teams/assignments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode":"%s","cadreName":"包格干部","organizationName":"站前社区居委会",
                                 "role":"包网格","validFrom":"2025-01-01"}""".formatted(grid)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.cadreLevel").value("VILLAGE"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long assignment = ((Number) JsonPath.read(created, "$.id")).longValue();
        operator.perform(post("/api/teams/assignments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"regionCode\":\"" + grid + "\",\"cadreName\":\"包格干部\",\"role\":\"包网格\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("cadreName"));
        chain = body(operator, "/api/teams/grids/" + grid + "/chain");
        assertThat(JsonPath.<List<String>>read(chain, "$.levels[1].people[*].name"))
                .containsExactly("包格干部");

        operator.perform(post("/api/teams/assignments/" + assignment + "/end")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"on\":\"2025-07-01\",\"reason\":\"调整分工\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.validTo").value("2025-07-01"));
        chain = body(operator, "/api/teams/grids/" + grid + "/chain");
        assertThat(JsonPath.<List<Object>>read(chain, "$.levels[1].people")).isEmpty();
        chain = body(operator, "/api/teams/grids/" + grid + "/chain?on=2025-03-01");
        assertThat(JsonPath.<List<String>>read(chain, "$.levels[1].people[*].name"))
                .containsExactly("包格干部");

        String current = body(operator, "/api/teams/assignments?region=" + grid);
        assertThat(JsonPath.<Integer>read(current, "$.totalElements")).isZero();
        String all = body(operator, "/api/teams/assignments?includeEnded=true&region=" + grid);
        assertThat(JsonPath.<List<String>>read(all, "$.content[*].endReason")).containsExactly("调整分工");
    }

    @Test
    void aVillagesBoardsPrintEachGridsTeamWithPhonesInFullUnderAudit() throws Exception {
        String grid = grid(TOWNSHIP, 17);
        String village = grid.substring(0, 12);
        added(operator, grid, """
                {"positionCode":"INFORMANT","name":"公示丁","phone":"13712345678","employment":"PART_TIME",
                 "duties":"收集社情民意"}""");
        long gridsInVillage =
                jdbc.sql("""
                        select count(*) from grid where code like :v || '%' and level = 1 and valid_to is null""").param("v", village).query(Long.class).single();
        String boards = body(operator, "/api/teams/boards?size=50&region=" + village);
        assertThat(((Number) JsonPath.read(boards, "$.totalElements")).longValue())
                .isEqualTo(gridsInVillage);
        assertThat(JsonPath.<List<String>>read(boards, "$.content[*].gridCode"))
                .hasSize((int) gridsInVillage)
                .allMatch(code -> code.startsWith(village))
                .isSorted();
        String board = "$.content[?(@.gridCode == '" + grid + "')]";
        assertThat(JsonPath.<List<String>>read(boards, board + ".members[?(@.name == '公示丁')].phone"))
                .containsExactly("13712345678");
        assertThat(JsonPath.<List<String>>read(boards, board + ".members[?(@.name == '公示丁')].duties"))
                .containsExactly("收集社情民意");
        assertThat(JsonPath.<List<String>>read(boards, board + ".chain[*].level"))
                .containsExactly("GRID", "VILLAGE", "TOWNSHIP", "COUNTY");
        assertThat(JsonPath.<List<List<String>>>read(boards, board + ".path").getFirst())
                .hasSize(2);
        assertThat(JsonPath.<List<String>>read(boards, board + ".hotline")).containsExactly("12345");
        long audited = jdbc.sql("""
                        select count(*) from audit_log where action = 'UNMASK' and object_type = 'team-board'
                          and object_id = :v and username = 'yz.operator' and purpose like '网格公示牌%'""").param("v", village).query(Long.class).single();
        assertThat(audited).isEqualTo(1);

        // Another township's boards, a grid worker and a leader without team:write get none.
        operator.perform(get("/api/teams/boards").param("region", OTHER_TOWNSHIP))
                .andExpect(status().isNotFound());
        SignedIn.as(context, "grid.worker")
                .perform(get("/api/teams/boards").param("region", village))
                .andExpect(status().isForbidden());
        operator.perform(get("/api/teams/boards").param("region", village).param("size", "51"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void theFacadeNamesAGridsTeamAndAnAccountsGrids() {
        long worker = jdbc.sql("select id from app_user where username = 'grid.worker'")
                .query(Long.class)
                .single();
        var held = teams.currentPositionsOf(worker);
        assertThat(held).extracting(Teammate::gridCode).containsExactlyInAnyOrder("421381101001101", "421381101001102");
        assertThat(held).extracting(Teammate::positionCode).containsOnly("FULL_TIME_WORKER");
        var team = teams.currentTeam("421381101001101");
        assertThat(team.getFirst().positionCode()).isEqualTo("GRID_LEADER");
        assertThat(team).extracting(Teammate::userId).contains(worker);
        assertThat(teams.positions()).extracting(Position::code).startsWith("GRID_LEADER", "FULL_TIME_WORKER");
    }
}
