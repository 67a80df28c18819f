package org.gridgov.registry.web;

import static org.gridgov.registry.web.GroupCalls.resident;
import static org.gridgov.registry.web.HouseRegistryTests.id;
import static org.gridgov.registry.web.HouseRegistryTests.send;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

/**
 * A register the deployment defines: a center operator defines, changes and retires it, a grid worker adds, changes
 * and retires entries checked against it, and both see the history of what changed.
 */
@SpringBootTest
class RegisterTypeTests {

    private static final String TYPES = "/api/registry/register-types";
    private static final String GRID = "421381101001101";

    @Autowired
    WebApplicationContext context;

    MockMvc operator;
    MockMvc worker;

    @BeforeEach
    void signIn() throws Exception {
        operator = SignedIn.as(context, "yz.operator");
        worker = SignedIn.as(context, "grid.worker");
    }

    /** Defines a register with the fields (a JSON array) and answers its id. */
    private long define(String code, String fields) throws Exception {
        String body = "{\"code\":\"" + code + "\",\"name\":\"" + code + "\",\"fields\":" + fields + "}";
        return id(send(operator, "POST", TYPES, body).andExpect(status().isCreated()), "$.id");
    }

    /** A definition change: the name, the fields (a JSON array) and the version read. */
    private ResultActions change(long type, String name, String fields, int version) throws Exception {
        return send(
                operator,
                "PUT",
                TYPES + "/" + type,
                "{\"name\":\"" + name + "\",\"fields\":" + fields + ",\"version\":" + version + "}");
    }

    /** Adds an entry for a new resident of the worker's grid and answers its id. */
    private long entry(long type, String values) throws Exception {
        long person = resident(worker, GRID, "登记人");
        String body = "{\"residentId\":" + person + ",\"values\":" + values + "}";
        return id(send(worker, "POST", TYPES + "/" + type + "/entries", body).andExpect(status().isCreated()), "$.id");
    }

    @Test
    void anOperatorDefinesARegisterAndAWorkerAddsCheckedEntries() throws Exception {
        String definition = "{\"code\":\"VETERAN\",\"name\":\"退役军人\",\"fields\":["
                + "{\"name\":\"serviceBranch\",\"label\":\"服役军种\",\"type\":\"TEXT\",\"required\":true},"
                + "{\"name\":\"dischargedOn\",\"label\":\"退役日期\",\"type\":\"DATE\"},"
                + "{\"name\":\"party\",\"label\":\"政治面貌\",\"type\":\"CODE\",\"codeSet\":\"POLITICAL_STATUS\"}]}";
        worker.perform(post("/api/registry/register-types")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(definition))
                .andExpect(status().isForbidden());
        operator.perform(post("/api/registry/register-types")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"x\",\"name\":\"\",\"fields\":[{\"name\":\"a\",\"label\":\"A\","
                                + "\"type\":\"CODE\",\"codeSet\":\"NOPE\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'code')].code", hasItem("format")))
                .andExpect(jsonPath("$.errors[?(@.field == 'fields[0].codeSet')].code", hasItem("unknown")));
        String created = operator.perform(post("/api/registry/register-types")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(definition))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int type = JsonPath.read(created, "$.id");
        long person = resident(worker, "421381101001101", "退役甲");
        String entries = "/api/registry/register-types/" + type + "/entries";
        worker.perform(post(entries)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"residentId\":" + person + ",\"values\":{\"party\":\"99\",\"rank\":\"1\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'values.serviceBranch')].code", hasItem("required")))
                .andExpect(jsonPath("$.errors[?(@.field == 'values.party')].code", hasItem("unknown-value")))
                .andExpect(jsonPath("$.errors[?(@.field == 'values.rank')].code", hasItem("unknown-field")));
        worker.perform(post(entries)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"residentId\":" + person + ",\"values\":{\"serviceBranch\":\"陆军\","
                                + "\"dischargedOn\":\"2010-12-01\",\"party\":\"01\"}}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.values.serviceBranch").value("陆军"));
        worker.perform(get(entries)).andExpect(jsonPath("$.content[0].name").value("退役甲"));
        long other = resident(worker, "421381101001101", "退役乙");
        worker.perform(get(entries).param("residentId", String.valueOf(other)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(0));
        worker.perform(get(entries).param("residentId", String.valueOf(person)))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].residentId").value((int) person));
        var otherTownship = SignedIn.as(context, "ys.operator");
        otherTownship
                .perform(get(entries))
                .andExpect(jsonPath("$.totalElements").value(0));
        otherTownship
                .perform(get(entries).param("residentId", String.valueOf(person)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anOperatorChangesADefinitionAddingAndRelabellingAFieldButNotItsCode() throws Exception {
        long type = define(
                "PARTY_MEMBER",
                "[{\"name\":\"branch\",\"label\":\"支部\",\"type\":\"TEXT\"},"
                        + "{\"name\":\"joinedOn\",\"label\":\"入党日期\",\"type\":\"DATE\"}]");
        String fields = "[{\"name\":\"branch\",\"label\":\"所在支部\",\"labelEn\":\"Branch\",\"type\":\"TEXT\","
                + "\"required\":true},{\"name\":\"joinedOn\",\"label\":\"入党日期\",\"type\":\"DATE\"},"
                + "{\"name\":\"duty\",\"label\":\"党内职务\",\"type\":\"TEXT\"}]";
        send(worker, "PUT", TYPES + "/" + type, "{\"name\":\"党员\",\"fields\":" + fields + ",\"version\":0}")
                .andExpect(status().isForbidden());
        send(
                        operator,
                        "PUT",
                        TYPES + "/" + type,
                        "{\"code\":\"MEMBER\",\"name\":\"党员\",\"fields\":[{\"name\":\"Bad\",\"label\":\"\","
                                + "\"type\":\"TEXT\"}],\"version\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'code')].code", hasItem("fixed")))
                .andExpect(jsonPath("$.errors[?(@.field == 'fields[0].name')].code", hasItem("format")))
                .andExpect(jsonPath("$.errors[?(@.field == 'fields[0].label')].code", hasItem("required")));
        change(type, "党员", fields, 0)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("PARTY_MEMBER"))
                .andExpect(jsonPath("$.name").value("党员"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.updatedByName").value("杨寨镇坐席员"))
                .andExpect(jsonPath("$.fields[0].label").value("所在支部"))
                .andExpect(jsonPath("$.fields[0].required").value(true))
                .andExpect(jsonPath("$.fields[2].name").value("duty"));
        operator.perform(get(TYPES + "/" + type + "/history"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.field == 'name')].oldValue", hasItem("PARTY_MEMBER")))
                .andExpect(jsonPath("$.content[?(@.field == 'name')].newValue", hasItem("党员")))
                .andExpect(jsonPath("$.content[?(@.field == 'fields.duty')].newValue", hasItem("党内职务 / duty · TEXT")))
                .andExpect(jsonPath(
                        "$.content[?(@.field == 'fields.branch')].newValue",
                        hasItem("所在支部 / Branch · TEXT · 必填 required")))
                .andExpect(jsonPath("$.content[?(@.field == 'fields.branch')].actorName", hasItem("杨寨镇坐席员")))
                .andExpect(jsonPath("$.content[*].field", hasItem("*")));
        // A definition is the deployment's, not a region's: another township and a grid worker read all its changes.
        for (var reader : List.of(SignedIn.as(context, "ys.operator"), worker)) {
            reader.perform(get(TYPES + "/" + type + "/history"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.content[?(@.field == 'name')].newValue", hasItem("党员")));
        }
    }

    @Test
    void refusesToRemoveOrRetypeAFieldThatLiveEntriesHold() throws Exception {
        long type = define(
                "HELD_FIELDS",
                "[{\"name\":\"team\",\"label\":\"服务队\",\"type\":\"TEXT\"},"
                        + "{\"name\":\"joinedOn\",\"label\":\"加入日期\",\"type\":\"DATE\"},"
                        + "{\"name\":\"hours\",\"label\":\"服务时长\",\"type\":\"TEXT\"}]");
        long entry = entry(type, "{\"team\":\"青年服务队\",\"joinedOn\":\"2024-03-05\"}");
        change(
                        type,
                        "志愿者",
                        "[{\"name\":\"joinedOn\",\"label\":\"加入日期\",\"type\":\"TEXT\"},"
                                + "{\"name\":\"hours\",\"label\":\"服务时长\",\"type\":\"NUMBER\"}]",
                        0)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'fields')].code", hasItem("in-use")))
                .andExpect(jsonPath("$.errors[?(@.field == 'fields')].message", hasItem("字段“服务队”已有登记内容，不能删除")))
                .andExpect(jsonPath("$.errors[?(@.field == 'fields[0]')].code", hasItem("in-use")))
                .andExpect(jsonPath("$.errors[?(@.field == 'fields[1]')]").isEmpty());
        change(
                        type,
                        "志愿者",
                        "[{\"name\":\"team\",\"label\":\"服务队\",\"type\":\"CODE\",\"codeSet\":\"YES_NO\"},"
                                + "{\"name\":\"joinedOn\",\"label\":\"加入日期\",\"type\":\"DATE\"}]",
                        0)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'fields[0]')].code", hasItem("in-use")));
        send(worker, "POST", TYPES + "/" + type + "/entries/" + entry + "/retire", "{\"version\":0,\"reason\":\"误登记\"}")
                .andExpect(status().isOk());
        change(type, "志愿者", "[{\"name\":\"hours\",\"label\":\"服务时长\",\"type\":\"NUMBER\"}]", 0)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fields.length()").value(1));
    }

    @Test
    void anEntrySavedBackAsAMaskedViewShowedItKeepsTheNumberTypedIntoIt() throws Exception {
        long type = define(
                "MASKED_SAVE",
                "[{\"name\":\"note\",\"label\":\"备注\",\"type\":\"TEXT\"},"
                        + "{\"name\":\"place\",\"label\":\"地点\",\"type\":\"TEXT\"}]");
        String note = "证件 421381196503159012 待核";
        String shown = "证件 421381************ 待核";
        long entry = entry(type, "{\"note\":\"" + note + "\",\"place\":\"东街\"}");
        String list = TYPES + "/" + type + "/entries";
        String path = list + "/" + entry;
        worker.perform(get(list)).andExpect(jsonPath("$.content[0].values.note").value(shown));

        send(worker, "PUT", path, "{\"values\":{\"note\":\"" + shown + "\",\"place\":\"西街\"},\"version\":0}")
                .andExpect(status().isOk());
        var leader = SignedIn.as(context, "county.leader");
        leader.perform(get(list))
                .andExpect(jsonPath("$.content[0].values.note").value(note))
                .andExpect(jsonPath("$.content[0].values.place").value("西街"));
        leader.perform(get(path + "/history"))
                .andExpect(jsonPath("$.content[?(@.field == 'note')]").isEmpty())
                .andExpect(jsonPath("$.content[?(@.field == 'place')].oldValue", hasItem("东街")));
    }

    @Test
    void aChangeOnAStaleVersionIsAConflictAndOneWithoutAVersionIsRefused() throws Exception {
        String fields = "[{\"name\":\"note\",\"label\":\"备注\",\"type\":\"TEXT\"}]";
        long type = define("STALE_CHECK", fields);
        send(operator, "PUT", TYPES + "/" + type, "{\"name\":\"甲\",\"fields\":" + fields + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        change(type, "甲", fields, 0).andExpect(status().isOk());
        change(type, "乙", fields, 0).andExpect(status().isConflict());
        send(operator, "PUT", TYPES + "/999999", "{\"name\":\"甲\",\"fields\":" + fields + ",\"version\":0}")
                .andExpect(status().isNotFound());
    }

    @Test
    void aRegisterRetiresOnlyWithAReasonAndThenTakesNoEntriesNorChanges() throws Exception {
        String fields = "[{\"name\":\"note\",\"label\":\"备注\",\"type\":\"TEXT\"}]";
        long type = define("RETIRED_ONE", fields);
        long person = resident(worker, GRID, "停用甲");
        send(worker, "POST", TYPES + "/" + type + "/entries", "{\"residentId\":" + person + ",\"values\":{}}")
                .andExpect(status().isCreated());
        String retire = TYPES + "/" + type + "/retire";
        send(worker, "POST", retire, "{\"version\":0,\"reason\":\"合并\"}").andExpect(status().isForbidden());
        send(operator, "POST", retire, "{\"version\":0,\"reason\":\" \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        send(operator, "POST", retire, "{\"version\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        send(operator, "POST", retire, "{\"version\":0,\"reason\":\"并入志愿者登记簿\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retiredReason").value("并入志愿者登记簿"))
                .andExpect(jsonPath("$.retiredAt").isNotEmpty());
        operator.perform(get(TYPES).param("size", "200"))
                .andExpect(jsonPath("$.content[*].code", not(hasItem("RETIRED_ONE"))));
        operator.perform(get(TYPES).param("size", "200").param("includeRetired", "true"))
                .andExpect(jsonPath("$.content[*].code", hasItem("RETIRED_ONE")));
        send(worker, "POST", TYPES + "/" + type + "/entries", "{\"residentId\":" + person + ",\"values\":{}}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("登记簿“RETIRED_ONE”已停用，不能新增或修改登记"));
        change(type, "又改", fields, 1).andExpect(status().isConflict());
        send(operator, "POST", retire, "{\"version\":1,\"reason\":\"再停\"}").andExpect(status().isConflict());
        worker.perform(get(TYPES + "/" + type + "/entries"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1));
        operator.perform(get(TYPES + "/" + type + "/history"))
                .andExpect(jsonPath("$.content[?(@.field == 'retiredAt')].note", hasItem("并入志愿者登记簿")));
    }

    @Test
    void aWorkerChangesAndRetiresAnEntryAndTheHistoryShowsOldAndNew() throws Exception {
        long type = define(
                "ENTRY_UPKEEP",
                "[{\"name\":\"serviceBranch\",\"label\":\"服役军种\",\"type\":\"TEXT\",\"required\":true},"
                        + "{\"name\":\"dischargedOn\",\"label\":\"退役日期\",\"type\":\"DATE\"}]");
        long entry = entry(type, "{\"serviceBranch\":\"陆军\"}");
        String url = TYPES + "/" + type + "/entries/" + entry;
        send(worker, "PUT", url, "{\"values\":{\"serviceBranch\":\"\",\"dischargedOn\":\"2010-13-01\"},\"version\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'values.serviceBranch')].code", hasItem("required")))
                .andExpect(jsonPath("$.errors[?(@.field == 'values.dischargedOn')].code", hasItem("date-format")));
        send(
                        worker,
                        "PUT",
                        url,
                        "{\"values\":{\"serviceBranch\":\"海军\",\"dischargedOn\":\"2010-12-01\"},\"version\":0}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.values.serviceBranch").value("海军"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.updatedByName").value("网格员"));
        send(worker, "PUT", url, "{\"values\":{\"serviceBranch\":\"空军\"},\"version\":0}")
                .andExpect(status().isConflict());
        send(worker, "POST", url + "/retire", "{\"version\":1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        send(worker, "POST", url + "/retire", "{\"version\":1,\"reason\":\"误登记\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retiredReason").value("误登记"));
        send(worker, "PUT", url, "{\"values\":{\"serviceBranch\":\"空军\"},\"version\":2}")
                .andExpect(status().isConflict());
        worker.perform(get(TYPES + "/" + type + "/entries"))
                .andExpect(jsonPath("$.totalElements").value(0));
        worker.perform(get(TYPES + "/" + type + "/entries").param("includeRetired", "true"))
                .andExpect(jsonPath("$.content[0].id").value((int) entry))
                .andExpect(jsonPath("$.content[0].retiredReason").value("误登记"));
        worker.perform(get(url + "/history"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.field == 'serviceBranch')].oldValue", hasItem("陆军")))
                .andExpect(jsonPath("$.content[?(@.field == 'serviceBranch')].newValue", hasItem("海军")))
                .andExpect(jsonPath("$.content[?(@.field == 'dischargedOn')].newValue", hasItem("2010-12-01")))
                .andExpect(jsonPath("$.content[?(@.field == 'serviceBranch')].actorName", hasItem("网格员")))
                .andExpect(jsonPath("$.content[?(@.field == 'retiredAt')].note", hasItem("误登记")))
                .andExpect(jsonPath("$.content[*].field", hasItem("*")));
    }

    @Test
    void anEntryOfAnotherTownshipsResidentIsNotFound() throws Exception {
        long type = define("OTHER_TOWNSHIP", "[{\"name\":\"note\",\"label\":\"备注\",\"type\":\"TEXT\"}]");
        long entry = entry(type, "{\"note\":\"本镇\"}");
        var otherTownship = SignedIn.as(context, "ys.operator");
        String url = TYPES + "/" + type + "/entries/" + entry;
        send(otherTownship, "PUT", url, "{\"values\":{\"note\":\"越界\"},\"version\":0}")
                .andExpect(status().isNotFound());
        send(otherTownship, "POST", url + "/retire", "{\"version\":0,\"reason\":\"越界\"}")
                .andExpect(status().isNotFound());
        otherTownship.perform(get(url + "/history")).andExpect(status().isNotFound());
        worker.perform(get(url + "/history"))
                .andExpect(jsonPath("$.content[*].field", not(hasItem("note"))))
                .andExpect(jsonPath("$.content.length()").value(1));
    }
}
