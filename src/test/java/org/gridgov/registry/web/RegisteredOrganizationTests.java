package org.gridgov.registry.web;

import static org.gridgov.registry.web.HouseRegistryTests.id;
import static org.gridgov.registry.web.HouseRegistryTests.send;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
class RegisteredOrganizationTests {

    private static final String GRID = "421381101001101";
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    @Autowired
    WebApplicationContext context;

    MockMvc worker;
    MockMvc otherTownship;

    @BeforeEach
    void setUp() throws Exception {
        worker = SignedIn.as(context, "grid.worker");
        otherTownship = SignedIn.as(context, "ys.operator");
    }

    /** A valid code no demo organization has (their organization codes start MA). */
    static String creditCode() {
        String first17 = "91421381" + String.format("TQ%07d", SEQUENCE.getAndIncrement());
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return first17 + ALPHABET.charAt((31 - sum % 31) % 31);
    }

    private String organization(String name, String code, String extra) {
        return "{\"gridCode\":\"" + GRID + "\",\"name\":\"" + name + "\",\"kind\":\"NON_PUBLIC_ECONOMIC\","
                + "\"creditCode\":\"" + code + "\",\"legalRepresentativeName\":\"孙经理\","
                + "\"legalRepresentativePhone\":\"13500005555\",\"address\":\"站前社区工业路 2 号\",\"employees\":12"
                + extra + "}";
    }

    private long created(String name, String code) throws Exception {
        return id(
                send(worker, "POST", "/api/registry/organizations", organization(name, code, ""))
                        .andExpect(status().isCreated()),
                "$.id");
    }

    @Test
    void registersAnOrganizationWithAPublishedCodeAndFindsItByCode() throws Exception {
        send(worker, "POST", "/api/registry/organizations", organization("测试商贸有限公司", "91350100m000100y43", ""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.creditCode").value("91350100M000100Y43"))
                .andExpect(jsonPath("$.kindName").value("非公有制经济组织"))
                .andExpect(jsonPath("$.legalRepresentativePhone").value("135****5555"));
        worker.perform(get("/api/registry/organizations").param("creditCode", "91350100M000100Y43"))
                .andExpect(jsonPath("$.totalElements").value(1));
        send(worker, "POST", "/api/registry/organizations", organization("另一家", "91350100M000100Y43", ""))
                .andExpect(status().isConflict());
    }

    @Test
    void refusesABadCheckCharacterAndOtherBadFieldsNamingEach() throws Exception {
        String good = creditCode();
        char wrong = good.charAt(17) == '1' ? '2' : '1';
        send(
                        worker,
                        "POST",
                        "/api/registry/organizations",
                        "{\"gridCode\":\"" + GRID + "\",\"kind\":\"CLUB\",\"creditCode\":\"" + good.substring(0, 17)
                                + wrong + "\",\"employees\":-1,\"legalRepresentativePhone\":\"12\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'creditCode')].code", hasItem("check-character")))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].code", hasItem("required")))
                .andExpect(jsonPath("$.errors[?(@.field == 'kind')].code", hasItem("unknown-value")))
                .andExpect(jsonPath("$.errors[?(@.field == 'employees')].code", hasItem("range")))
                .andExpect(jsonPath("$.errors[?(@.field == 'legalRepresentativePhone')].code", hasItem("format")));
        send(worker, "POST", "/api/registry/organizations", organization("含字母O", "91350100O000100Y43", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'creditCode')].code", hasItem("character")));
    }

    @Test
    void aStaleVersionIsAConflictAndTheHistoryShowsTheChange() throws Exception {
        String code = creditCode();
        long id = created("测试物流有限公司", code);
        send(worker, "PUT", "/api/registry/organizations/" + id, organization("测试物流有限公司", code, ",\"version\":2"))
                .andExpect(status().isConflict());
        send(
                        worker,
                        "PUT",
                        "/api/registry/organizations/" + id,
                        organization("测试物流有限公司", code, ",\"version\":0")
                                .replace("\"employees\":12", "\"employees\":30"))
                .andExpect(status().isOk());
        worker.perform(get("/api/registry/organizations/" + id + "/history"))
                .andExpect(jsonPath("$.content[?(@.field == 'employees')].newValue", hasItem("30")))
                .andExpect(jsonPath("$.content[?(@.field == 'employees')].oldValue", hasItem("12")));
    }

    @Test
    void anOrganizationOutsideTheCallersScopeIsNotFound() throws Exception {
        long id = created("测试协会", creditCode());
        otherTownship.perform(get("/api/registry/organizations/" + id)).andExpect(status().isNotFound());
        send(otherTownship, "POST", "/api/registry/organizations/" + id + "/retire", "{\"version\":0,\"reason\":\"x\"}")
                .andExpect(status().isNotFound());
    }

    @Test
    void retiresWithAReasonAndTheCodeMayBeRegisteredAgain() throws Exception {
        String code = creditCode();
        long id = created("测试餐饮有限公司", code);
        send(worker, "POST", "/api/registry/organizations/" + id + "/retire", "{\"version\":0,\"reason\":\"注销登记\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retiredReason").value("注销登记"));
        created("测试餐饮有限公司", code);
    }
}
