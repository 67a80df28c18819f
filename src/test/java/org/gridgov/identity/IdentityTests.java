package org.gridgov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
class IdentityTests {

    private static final AtomicInteger nextUser = new AtomicInteger();
    private static final String STRONG = "Strong#Pass1";

    @Autowired
    WebApplicationContext context;

    /** Creates an account (system administrator) with one role (security administrator); returns its id. */
    private long newUser(String username, String role) throws Exception {
        var admin = SignedIn.as(context, "admin");
        String created = admin.perform(post("/api/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"realName\":\"测试\",\"phone\":\"13912345678\","
                                + "\"scopeCode\":\"421381101\",\"initialPassword\":\"" + STRONG + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.phone").value("139****5678"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        SignedIn.as(context, "secadmin")
                .perform(put("/api/users/" + id + "/roles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"" + role + "\"]}"))
                .andExpect(status().isOk());
        return id;
    }

    private MockMvc anonymous() {
        return SignedIn.anonymous(context);
    }

    private static String unique(String prefix) {
        return prefix + System.nanoTime() % 100000 + nextUser.incrementAndGet();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
        String username = unique("lock");
        newUser(username, "GRID_WORKER");
        for (int i = 0; i < 5; i++) {
            anonymous()
                    .perform(post("/api/auth/login").param("username", username).param("password", "Wrong#Pass1"))
                    .andExpect(status().isUnauthorized());
        }
        anonymous()
                .perform(post("/api/auth/login").param("username", username).param("password", STRONG))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", startsWith("用户名或密码错误")));
    }

    @Test
    void aLockedAccountAnswersExactlyLikeAnUnknownOne() throws Exception {
        String username = unique("probe");
        newUser(username, "GRID_WORKER");
        for (int i = 0; i < 5; i++) {
            anonymous()
                    .perform(post("/api/auth/login").param("username", username).param("password", "Wrong#Pass1"))
                    .andExpect(status().isUnauthorized());
        }
        String unknown = unique("nobody");
        var locked = signIn(username, STRONG);
        var absent = signIn(unknown, STRONG);
        assertThat(locked.status()).isEqualTo(401).isEqualTo(absent.status());
        assertThat(locked.body()).isEqualTo(absent.body());
        assertThat(locked.body()).doesNotContain("锁定至", "until", username);
        var lockedToken = token(username, STRONG);
        var absentToken = token(unknown, STRONG);
        assertThat(lockedToken.status()).isEqualTo(401).isEqualTo(absentToken.status());
        assertThat(lockedToken.body()).isEqualTo(absentToken.body());

        // Both spend the time of a password check: the fastest of a few answers, so that a busy machine only slows.
        long lockedFastest = Long.MAX_VALUE, absentFastest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            lockedFastest = Math.min(lockedFastest, signIn(username, STRONG).nanos());
            absentFastest = Math.min(absentFastest, signIn(unknown, STRONG).nanos());
        }
        assertThat(lockedFastest).isGreaterThan(absentFastest / 2);
        assertThat(absentFastest).isGreaterThan(lockedFastest / 2);
    }

    private record Answer(int status, String body, long nanos) {}

    private Answer signIn(String username, String password) throws Exception {
        long start = System.nanoTime();
        var response = anonymous()
                .perform(post("/api/auth/login").param("username", username).param("password", password))
                .andReturn()
                .getResponse();
        return new Answer(response.getStatus(), response.getContentAsString(), System.nanoTime() - start);
    }

    private Answer token(String username, String password) throws Exception {
        long start = System.nanoTime();
        var response = anonymous()
                .perform(post("/api/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .andReturn()
                .getResponse();
        return new Answer(response.getStatus(), response.getContentAsString(), System.nanoTime() - start);
    }

    @Test
    void noAccountHoldsTwoAdministratorRolesNorAnAdministratorAndABusinessRole() throws Exception {
        long id = newUser(unique("combo"), "GRID_WORKER");
        var secadmin = SignedIn.as(context, "secadmin");
        for (String roles : List.of(
                "\"SYSTEM_ADMIN\",\"SECURITY_ADMIN\"",
                "\"SECURITY_ADMIN\",\"AUDIT_ADMIN\"",
                "\"SYSTEM_ADMIN\",\"SECURITY_ADMIN\",\"AUDIT_ADMIN\",\"CENTER_LEADER\"",
                "\"AUDIT_ADMIN\",\"GRID_WORKER\"",
                "\"SYSTEM_ADMIN\",\"CENTER_OPERATOR\"")) {
            secadmin.perform(put("/api/users/" + id + "/roles")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"roles\":[" + roles + "]}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.type", containsString("rule-violation")))
                    .andExpect(jsonPath("$.detail", containsString("三权分立")))
                    .andExpect(jsonPath("$.detailEn", containsString("separation of duties")))
                    .andExpect(jsonPath("$.errors[0].field").value("roles"));
        }
        SignedIn.as(context, "admin")
                .perform(get("/api/users/" + id))
                .andExpect(jsonPath("$.roles", hasSize(1)))
                .andExpect(jsonPath("$.roles[0]").value("GRID_WORKER"));
        secadmin.perform(put("/api/users/" + id + "/roles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"GRID_WORKER\",\"GRID_LEADER\"]}"))
                .andExpect(status().isOk());
        secadmin.perform(put("/api/users/" + id + "/roles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"AUDIT_ADMIN\"]}"))
                .andExpect(status().isOk());
    }

    @Test
    void aNewAccountMustChangeItsInitialPasswordFirst() throws Exception {
        String username = unique("fresh");
        newUser(username, "CENTER_OPERATOR");
        var session = anonymous()
                .perform(post("/api/auth/login").param("username", username).param("password", STRONG))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passwordExpired").value(true))
                .andReturn()
                .getRequest()
                .getSession(false);
        var mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .defaultRequest(get("/").session((org.springframework.mock.web.MockHttpSession) session)
                        .with(csrf()))
                .build();
        mvc.perform(get("/api/regions/421381101"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type", containsString("password-expired")));
        mvc.perform(post("/api/auth/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"oldPassword\":\"" + STRONG + "\",\"newPassword\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("newPassword"));
        mvc.perform(post("/api/auth/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"oldPassword\":\"" + STRONG + "\",\"newPassword\":\"Another#Pass2\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/regions/421381101")).andExpect(status().isOk());
    }

    @Test
    void weakPasswordsAreRefusedNamingTheField() throws Exception {
        SignedIn.as(context, "admin")
                .perform(post("/api/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + unique("weak")
                                + "\",\"realName\":\"弱\",\"initialPassword\":\"alllowercase\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("initialPassword"))
                .andExpect(jsonPath("$.errors[0].code").value("too-simple"));
    }

    @Test
    void writesWithoutTheCsrfTokenAreRefused() throws Exception {
        var session = SignedIn.session(context, "county.operator");
        var mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        mvc.perform(post("/api/regions")
                        .session(session)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"421381101777\",\"name\":\"无令牌村\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/regions/421381101777").session(session)).andExpect(status().isNotFound());
    }

    @Test
    void bearerTokensWorkUntilRevokedAndRefreshTokensAreSingleUse() throws Exception {
        String tokens = anonymous()
                .perform(post("/api/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"grid.worker\",\"password\":\"" + SignedIn.PASSWORD + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tokenType").value("Bearer"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String access = JsonPath.read(tokens, "$.accessToken");
        String refresh = JsonPath.read(tokens, "$.refreshToken");
        var mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        mvc.perform(get("/api/auth/me").header("Authorization", "Bearer " + access))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("grid.worker"));

        String renewed = mvc.perform(post("/api/auth/token/refresh")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"refreshToken\":\"" + refresh + "\"}"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String access2 = JsonPath.read(renewed, "$.accessToken");
        mvc.perform(get("/api/auth/me").header("Authorization", "Bearer " + access2))
                .andExpect(status().isOk());

        // The old refresh token again: someone copied it, so the whole sign-in ends.
        mvc.perform(post("/api/auth/token/refresh")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"refreshToken\":\"" + refresh + "\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/auth/me").header("Authorization", "Bearer " + access2))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void revokedTokensStopWorking() throws Exception {
        String tokens = anonymous()
                .perform(post("/api/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"grid.leader\",\"password\":\"" + SignedIn.PASSWORD + "\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String access = JsonPath.read(tokens, "$.accessToken");
        var mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        mvc.perform(get("/api/regions/421381101001").header("Authorization", "Bearer " + access))
                .andExpect(status().isOk());
        mvc.perform(post("/api/auth/token/revoke")
                        .header("Authorization", "Bearer " + access)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + access + "\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/regions/421381101001").header("Authorization", "Bearer " + access))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/regions/421381101001").header("Authorization", "Bearer not-a-token"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void administratorsSplitTheWorkAndReadNoBusinessData() throws Exception {
        long id = newUser(unique("split"), "GRID_WORKER");
        SignedIn.as(context, "admin")
                .perform(put("/api/users/" + id + "/roles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"CENTER_LEADER\"]}"))
                .andExpect(status().isForbidden());
        SignedIn.as(context, "admin").perform(get("/api/regions/421381")).andExpect(status().isForbidden());
        SignedIn.as(context, "auditor").perform(get("/api/regions/421381")).andExpect(status().isForbidden());
        SignedIn.as(context, "auditor").perform(get("/api/users")).andExpect(status().isForbidden());
        SignedIn.as(context, "secadmin").perform(get("/api/audit")).andExpect(status().isForbidden());
    }

    @Test
    void nobodyChangesTheirOwnRoles() throws Exception {
        String me = SignedIn.as(context, "secadmin")
                .perform(get("/api/users").param("name", "secadmin"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(me, "$.content[0].id")).longValue();
        SignedIn.as(context, "secadmin")
                .perform(put("/api/users/" + id + "/roles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"SECURITY_ADMIN\",\"CENTER_LEADER\"]}"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void phonesAreMaskedAndEveryUnmaskedViewIsAudited() throws Exception {
        String list = SignedIn.as(context, "admin")
                .perform(get("/api/users").param("name", "grid.worker"))
                .andExpect(jsonPath("$.content[0].phone", startsWith("138****")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(list, "$.content[0].id")).longValue();
        SignedIn.as(context, "admin")
                .perform(get("/api/users/" + id + "/phone").param("purpose", "核实身份"))
                .andExpect(status().isForbidden());
        SignedIn.as(context, "county.leader")
                .perform(get("/api/users/" + id + "/phone"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("purpose"));
        SignedIn.as(context, "county.leader")
                .perform(get("/api/users/" + id + "/phone").param("purpose", "联系核实事件"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone", startsWith("1380000")))
                .andExpect(jsonPath("$.phone", not(containsString("*"))));
        SignedIn.as(context, "auditor")
                .perform(get("/api/audit").param("username", "county.leader").param("action", "UNMASK"))
                .andExpect(jsonPath("$.content[0].purpose").value("联系核实事件"))
                .andExpect(jsonPath("$.content[0].objectId").value(String.valueOf(id)));
    }

    @Test
    void aTownshipOperatorSeesOnlyTheirTownship() throws Exception {
        var mvc = SignedIn.as(context, "yz.operator");
        mvc.perform(get("/api/regions/421381101")).andExpect(status().isOk());
        mvc.perform(get("/api/regions/421381001")).andExpect(status().isNotFound());
        mvc.perform(get("/api/regions/421381")).andExpect(status().isNotFound());
        mvc.perform(get("/api/regions").param("name", "应山"))
                .andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/api/grids/features").param("region", "421381001")).andExpect(status().isNotFound());
        mvc.perform(post("/api/regions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"421381001888\",\"name\":\"越界村\"}"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void signInsAndWritesAreAudited() throws Exception {
        anonymous()
                .perform(
                        post("/api/auth/login").param("username", "dept.leader").param("password", "nope"))
                .andExpect(status().isUnauthorized());
        SignedIn.as(context, "county.operator")
                .perform(post("/api/regions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"bad\",\"name\":\"x\"}"))
                .andExpect(status().isBadRequest());
        var auditor = SignedIn.as(context, "auditor");
        auditor.perform(get("/api/audit").param("username", "dept.leader").param("action", "LOGIN_FAILED"))
                .andExpect(jsonPath("$.content[0].result").value("FAILURE"));
        auditor.perform(get("/api/audit").param("username", "county.operator").param("action", "WRITE"))
                .andExpect(jsonPath("$.content[*].detail", hasItem("POST /api/regions 400")));
        SignedIn.as(context, "county.operator")
                .perform(
                        get("/api/grids/export").param("region", "421381101001").param("purpose", "核对网格"))
                .andExpect(status().isOk());
        auditor.perform(get("/api/audit").param("username", "county.operator").param("action", "EXPORT"))
                .andExpect(jsonPath("$.content[0].purpose").value("核对网格"))
                .andExpect(jsonPath("$.content[0].result").value("SUCCESS"));
        auditor.perform(get("/api/audit/verify")).andExpect(jsonPath("$.ok").value(true));
    }

    @Test
    void theSecurityAdministratorSetsAGridWorkersGrids() throws Exception {
        long id = newUser(unique("grids"), "GRID_WORKER");
        var secadmin = SignedIn.as(context, "secadmin");
        secadmin.perform(put("/api/users/" + id + "/scope")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scopeKind\":\"GRIDS\",\"scopeCode\":\"421381101001\","
                                + "\"gridCodes\":[\"421381101001101\",\"421381101001102\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scopeKind").value("GRIDS"))
                .andExpect(jsonPath("$.gridCodes.length()").value(2));
        secadmin.perform(put("/api/users/" + id + "/scope")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scopeKind\":\"GRIDS\",\"scopeCode\":\"421381101001\","
                                + "\"gridCodes\":[\"421381001001101\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("gridCodes[0]"));
        SignedIn.as(context, "admin")
                .perform(put("/api/users/" + id + "/scope")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scopeKind\":\"REGION\",\"scopeCode\":\"421381\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void meAnswersOnlyWhenSignedInAndNamesTheWorkersGrids() throws Exception {
        anonymous().perform(get("/api/auth/me")).andExpect(status().isUnauthorized());
        String me = SignedIn.as(context, "grid.worker")
                .perform(get("/api/auth/me"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(me, "$.scopeKind")).isEqualTo("GRIDS");
        // The phone app's 我的 shows the worker's grids by name.
        java.util.List<String> codes = JsonPath.read(me, "$.gridCodes");
        assertThat(codes).isNotEmpty();
        assertThat((String) JsonPath.read(me, "$.gridNames['" + codes.getFirst() + "']"))
                .contains("网格");
    }
}
