package org.gridgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.identity.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API endpoint, as registered (so new endpoints join by themselves), called by one demo account of every role,
 * in the caller's own scope and in a sibling and a parent scope. An endpoint must declare the permission it needs;
 * a role without it gets 403, a role with it never gets 401 or 403, and region codes outside the caller's scope
 * answer 404 — for a grid worker, a grid of their village beside their own grids too; the county's rules only
 * county-level users may change. The whole matrix is printed for review.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

    /** Endpoints any caller may reach, or any signed-in user: sign-in itself and the shell's start-up facts. */
    private static final Set<String> OPEN = Set.of(
            "/api/auth/login",
            "/api/auth/csrf",
            "/api/auth/providers",
            "/api/auth/me",
            "/api/auth/token",
            "/api/auth/token/refresh",
            "/api/auth/token/revoke",
            "/api/auth/password",
            "/api/auth/totp",
            "/api/shell/config");

    /** One demo account per role, and the scope of a township operator for the scope columns. */
    private static final Map<Role, String> ACCOUNTS = new EnumMap<>(Map.ofEntries(
            Map.entry(Role.SYSTEM_ADMIN, "admin"),
            Map.entry(Role.SECURITY_ADMIN, "secadmin"),
            Map.entry(Role.AUDIT_ADMIN, "auditor"),
            Map.entry(Role.CENTER_OPERATOR, "yz.operator"),
            Map.entry(Role.CENTER_LEADER, "county.leader"),
            Map.entry(Role.GRID_LEADER, "grid.leader"),
            Map.entry(Role.GRID_WORKER, "grid.worker"),
            Map.entry(Role.GRID_ASSISTANT, "grid.assistant"),
            Map.entry(Role.DEPARTMENT_HANDLER, "dept.handler"),
            Map.entry(Role.DEPARTMENT_LEADER, "dept.leader"),
            Map.entry(Role.RESIDENT, "resident")));

    /** Codes for the township operator of 杨寨镇: own scope, a sibling township, the parent county. */
    private static final Map<String, String> SCOPES =
            new TreeMap<>(Map.of("own", "421381101", "sibling", "421381001", "parent", "421381"));

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<Role, MockMvc> signedIn = new EnumMap<>(Role.class);
    private final Map<Role, Set<String>> permissions = new EnumMap<>(Role.class);

    @BeforeAll
    void signInEveryRole() throws Exception {
        for (var entry : ACCOUNTS.entrySet()) {
            var mvc = SignedIn.as(context, entry.getValue());
            signedIn.put(entry.getKey(), mvc);
            String me = mvc.perform(request(HttpMethod.GET, "/api/auth/me"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<String> granted = com.jayway.jsonpath.JsonPath.read(me, "$.permissions");
            permissions.put(entry.getKey(), Set.copyOf(granted));
        }
    }

    record Endpoint(HttpMethod method, String pattern, String permission) {}

    private List<Endpoint> endpoints() {
        var endpoints = new ArrayList<Endpoint>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            var info = entry.getKey();
            var required =
                    AnnotatedElementUtils.findMergedAnnotation(entry.getValue().getMethod(), RequiresPermission.class);
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (var method : info.getMethodsCondition().getMethods()) {
                    endpoints.add(new Endpoint(
                            HttpMethod.valueOf(method.name()), pattern, required == null ? null : required.value()));
                }
            }
        }
        return endpoints;
    }

    @Test
    void everyEndpointDeclaresItsPermission() {
        var undeclared = endpoints().stream()
                .filter(e -> e.permission() == null && !OPEN.contains(e.pattern()))
                .toList();
        assertThat(undeclared).as("API endpoints without @RequiresPermission").isEmpty();
        assertThat(endpoints()).hasSizeGreaterThan(25);
    }

    @Test
    void rolesGetExactlyWhatTheirPermissionsAllow() throws Exception {
        var leaks = new ArrayList<String>();
        var matrix = new StringBuilder("endpoint | ")
                .append(String.join(" | ", ACCOUNTS.values()))
                .append('\n');
        for (var endpoint : endpoints()) {
            if (endpoint.permission() == null) {
                continue;
            }
            matrix.append(endpoint.method()).append(' ').append(endpoint.pattern());
            for (var role : ACCOUNTS.keySet()) {
                int status = call(role, endpoint, SCOPES.get("own"));
                boolean allowed = permissions.get(role).contains(endpoint.permission());
                matrix.append(" | ").append(status);
                if (allowed ? status == 401 || status == 403 : status != 403) {
                    leaks.add(role + " " + endpoint + " -> " + status
                            + (allowed ? " (should pass)" : " (should be 403)"));
                }
            }
            matrix.append('\n');
        }
        System.out.println(matrix);
        assertThat(leaks).isEmpty();
    }

    /**
     * The county's rules (permission {@code rules:write}) are changed only at the county level: the county's center
     * operator passes authorization, the center operators of a township and of a street office, with the same role,
     * are refused on every such endpoint.
     */
    @Test
    void countyRulesAreChangedOnlyByCountyLevelUsers() throws Exception {
        var county = SignedIn.as(context, "county.operator");
        var townships = List.of(SignedIn.as(context, "yz.operator"), SignedIn.as(context, "ys.operator"));
        var rules = endpoints().stream()
                .filter(e -> Permissions.RULES_WRITE.equals(e.permission()))
                .toList();
        assertThat(rules).isNotEmpty();
        var leaks = new ArrayList<String>();
        for (var endpoint : rules) {
            int status = call(county, endpoint, SCOPES.get("parent"));
            if (status == 401 || status == 403) {
                leaks.add("county.operator " + endpoint + " -> " + status + " (should pass)");
            }
            for (var township : townships) {
                int refused = call(township, endpoint, SCOPES.get("own"));
                if (refused != 403) {
                    leaks.add("township operator " + endpoint + " -> " + refused + " (should be 403)");
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void regionCodesOutsideTheCallersScopeAreNotFound() throws Exception {
        var leaks = new ArrayList<String>();
        for (var endpoint : endpoints()) {
            boolean regionScoped = endpoint.pattern().contains("{code}") || takesRegion(endpoint);
            if (endpoint.permission() == null || !regionScoped || endpoint.method() != HttpMethod.GET) {
                continue;
            }
            for (var scope : SCOPES.entrySet()) {
                int status = call(Role.CENTER_OPERATOR, endpoint, scope.getValue());
                boolean own = scope.getKey().equals("own");
                if (own ? status >= 400 && status != 404 : status != 404) {
                    leaks.add(endpoint + " " + scope.getKey() + " -> " + status);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void gridCodesBesideAGridWorkersOwnGridsAreNotFound() throws Exception {
        // The grid worker's scope is two grids of a village; the sibling is another current grid of that village.
        String own = "421381101001101";
        String sibling = jdbc.sql("""
                        select code from grid where village_code = '421381101001' and level = 1 and valid_to is null
                          and code not in ('421381101001101', '421381101001102') order by code limit 1""").query(String.class).single();
        var leaks = new ArrayList<String>();
        for (var endpoint : endpoints()) {
            boolean regionScoped = endpoint.pattern().contains("{code}") || takesRegion(endpoint);
            if (endpoint.permission() == null
                    || !regionScoped
                    || endpoint.method() != HttpMethod.GET
                    || !permissions.get(Role.GRID_WORKER).contains(endpoint.permission())) {
                continue;
            }
            int mine = call(Role.GRID_WORKER, endpoint, own);
            int beside = call(Role.GRID_WORKER, endpoint, sibling);
            if (mine >= 400 && mine != 404) {
                leaks.add(endpoint + " own grid -> " + mine);
            }
            if (beside != 404) {
                leaks.add(endpoint + " sibling grid -> " + beside);
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void writesOutsideTheCallersScopeDoNotSucceed() throws Exception {
        var leaks = new ArrayList<String>();
        for (var endpoint : endpoints()) {
            boolean regionScoped = endpoint.pattern().contains("{code}") || takesRegion(endpoint);
            if (endpoint.permission() == null || !regionScoped || endpoint.method() == HttpMethod.GET) {
                continue;
            }
            for (var scope : List.of("sibling", "parent")) {
                int status = call(Role.CENTER_OPERATOR, endpoint, SCOPES.get(scope));
                if (status < 400) {
                    leaks.add(endpoint + " " + scope + " -> " + status);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private boolean takesRegion(Endpoint endpoint) {
        return endpoint.pattern().startsWith("/api/grids/features")
                || endpoint.pattern().startsWith("/api/grids/export")
                || endpoint.pattern().startsWith("/api/grid-adjustments");
    }

    /** Calls an endpoint with sample arguments: path variables and required parameters get values of the scope. */
    private int call(Role role, Endpoint endpoint, String regionCode) throws Exception {
        return call(signedIn.get(role), endpoint, regionCode);
    }

    private int call(MockMvc as, Endpoint endpoint, String regionCode) throws Exception {
        // Ids that name nothing: a permitted caller gets past authorization to a 404 and changes nothing.
        String url = endpoint.pattern()
                .replace("{code}", regionCode)
                .replace("{day}", "2099-12-31")
                .replaceAll("\\{[^}]+}", "999999");
        var request = request(endpoint.method(), url)
                .param("region", regionCode)
                .param("name", "镇")
                .param("purpose", "授权矩阵测试")
                .param("lon", "113.82")
                .param("lat", "31.62")
                .param("categoryCode", "0110")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}");
        return as.perform(request).andReturn().getResponse().getStatus();
    }
}
