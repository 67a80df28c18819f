package org.gridgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.gridgov.common.RequiresPermission;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of the OpenAPI document, sent malformed input by an account allowed to call it: bad path ids,
 * control characters, 100,000-character and odd Unicode text, wrong JSON types per field, broken JSON, a wrong
 * content type, empty and garbage files. Nothing may answer 5xx; every refusal is a problem document, and a 400
 * names the field at fault. Text with a NUL and a number or boolean sent for text are refused as 400 naming that
 * field. The variants come from a fixed seed, and all failures are reported together.
 *
 * <p>The test has its own application context (and so its own throw-away database), shared only with
 * {@code TextInputTests}: its writes touch no other test.
 */
@SpringBootTest(properties = "gridgov.test.context=malformed-input")
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class MalformedInputTests {

    private static final long SEED = 30;
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HUGE = "长".repeat(50_000) + "x".repeat(50_000);
    private static final List<String> ODD = List.of(
            "😀👨‍👩‍👧‍👦🇨🇳", // emoji, zero-width joiners and a flag
            "שלום مرحبا\u202Eabc\u202C", // right-to-left text and a bidi override
            "e\u0301\u0302\u0303\u0304\u0305\u0306", // stacked combining marks
            "\uFEFF\u200B\u2028\u2029\uFFFD", // byte-order mark, zero-width space, line separators, replacement
            "' OR '1'='1'; --%_\\");
    private static final List<String> BAD_IDS = List.of("-1", "9e99", "abc", "%00", "99999999999999999999", "%2e%2e");

    /** The accounts whose permissions cover the operations, the first that holds an operation's permission wins. */
    private static final List<String> ACCOUNTS =
            List.of("county.operator", "county.leader", "dept.handler", "admin", "secadmin", "auditor");

    /** Sign-in and one's own password, TOTP and tokens: a separate account, so lockouts touch no other account. */
    private static final String SELF_SERVICE = "grid.assistant";

    @Autowired
    WebApplicationContext context;

    /** The application's whole filter chain, as a client meets it, unlike {@link SignedIn}'s. */
    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<String, Cookie> signedIn = new HashMap<>();
    private final List<String> documentMismatches = new ArrayList<>();
    private final Map<String, Set<String>> permissions = new HashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Random random = new Random(SEED);
    private JsonNode document;
    private int sent;

    @Test
    void malformedInputToEveryOperationIsRefusedAsAProblemNamingTheFieldNeverAsAServerError() throws Exception {
        for (String account : ACCOUNTS) {
            var session = SignedIn.sessionCookie(mvc, account);
            signedIn.put(account, session);
            var me = JSON.readTree(mvc.perform(get("/api/auth/me").cookie(session))
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            var granted = new java.util.HashSet<String>();
            me.path("permissions").forEach(p -> granted.add(p.asString()));
            permissions.put(account, granted);
        }
        signedIn.put(SELF_SERVICE, SignedIn.sessionCookie(mvc, SELF_SERVICE));
        document = apiDocument();
        var required = requiredPermissions();
        var operations = new TreeMap<String, JsonNode>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(op ->
                                operations.put(path.getKey() + " " + op.getKey().toUpperCase(), op.getValue())));
        assertThat(operations).as("operations in the API document").hasSizeGreaterThan(100);

        for (var entry : operations.entrySet()) {
            String[] key = entry.getKey().split(" ");
            String path = key[0];
            var method = HttpMethod.valueOf(key[1]);
            if (!path.startsWith("/api/") || path.equals("/api/auth/logout")) {
                continue;
            }
            String permission = required.get(key[1] + " " + path);
            new Operation(signedIn.get(account(permission)), method, path, entry.getValue()).fuzz();
        }
        signInForm();
        System.out.println("Malformed requests sent: " + sent + ", failures: " + failures.size());
        documentMismatches.forEach(m -> System.out.println("API document differs from the handler: " + m));
        assertThat(failures).as("malformed requests answered wrongly").isEmpty();
    }

    /** The OpenAPI document, read as the first account allowed to read it. */
    private JsonNode apiDocument() throws Exception {
        for (String account : ACCOUNTS) {
            var response = mvc.perform(get("/v3/api-docs").cookie(signedIn.get(account)))
                    .andReturn()
                    .getResponse();
            if (response.getStatus() == 200) {
                return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
            }
        }
        throw new AssertionError("no demo account may read /v3/api-docs");
    }

    private Map<String, String> requiredPermissions() {
        var required = new HashMap<String, String>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            var annotation = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequiresPermission.class);
            for (String pattern : info.getPatternValues()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    required.put(method.name() + " " + pattern, annotation == null ? null : annotation.value());
                }
            }
        });
        return required;
    }

    private String account(String permission) {
        if (permission == null) {
            return SELF_SERVICE;
        }
        return ACCOUNTS.stream()
                .filter(a -> permissions.get(a).contains(permission))
                .findFirst()
                .orElse(ACCOUNTS.getFirst());
    }

    /** The browser's form sign-in is the security chain's, not in the document: its fields are text too. */
    private void signInForm() throws Exception {
        for (String field : List.of("username", "password", "code")) {
            for (String value : List.of("a\u0000b", HUGE, ODD.get(random.nextInt(ODD.size())))) {
                var form = request(HttpMethod.POST, "/api/auth/login")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("username", "fuzz.nobody")
                        .param("password", "wrong")
                        .param(field, value);
                check(
                        null,
                        form,
                        "POST /api/auth/login form " + field + "=" + label(value),
                        value.contains("\u0000") ? field : null);
            }
        }
    }

    /** One operation of the document and the malformed requests made from it. */
    private final class Operation {

        private final Cookie session;
        private final HttpMethod method;
        private final String path;
        private final JsonNode spec;
        private final Map<String, String> pathValues = new LinkedHashMap<>();
        private final Map<String, JsonNode> queryParameters = new LinkedHashMap<>();
        private final Map<String, String> requiredQuery = new LinkedHashMap<>();
        private String bodySample;

        Operation(Cookie session, HttpMethod method, String path, JsonNode spec) {
            this.session = session;
            this.method = method;
            this.path = path;
            this.spec = spec;
            for (JsonNode parameter : spec.path("parameters")) {
                String name = parameter.path("name").asString();
                JsonNode schema = resolve(parameter.path("schema"));
                if (parameter.path("in").asString().equals("path")) {
                    pathValues.put(name, pathSample(name, schema));
                } else if (parameter.path("in").asString().equals("query")) {
                    if (schema.has("properties") && !name.equals("token")) {
                        // A query object (@ModelAttribute): its properties are the parameters.
                        schema.path("properties")
                                .properties()
                                .forEach(p -> queryParameters.put(p.getKey(), p.getValue()));
                    } else if (!name.equals("token")) {
                        queryParameters.put(name, schema);
                        if (parameter.path("required").asBoolean(false) || name.equals("purpose")) {
                            requiredQuery.put(name, querySample(name, schema));
                        }
                    }
                }
            }
        }

        void fuzz() throws Exception {
            String name = method + " " + path;
            JsonNode content = spec.path("requestBody").path("content");
            if (!content.isMissingNode() && !content.isEmpty()) {
                JsonNode schema = resolve(
                        content.properties().iterator().next().getValue().path("schema"));
                if (isFreeJson(content)) {
                    bodySample = geoJsonFeature().toString();
                } else if (!isUpload(schema)) {
                    bodySample = sample(schema, 0).toString();
                }
            }
            for (var variable : pathValues.keySet()) {
                for (String bad : BAD_IDS) {
                    check(
                            session,
                            base(url(variable, bad)),
                            name + " path " + variable + "=" + bad,
                            bad.equals("%00") ? "path" : null);
                }
            }
            for (var parameter : queryParameters.entrySet()) {
                queryVariants(name, parameter.getKey(), resolve(parameter.getValue()));
            }
            JsonNode body = spec.path("requestBody").path("content");
            if (body.isMissingNode() || body.isEmpty()) {
                if (method == HttpMethod.GET) {
                    check(session, base(url(null, null)).accept(MediaType.IMAGE_PNG), name + " Accept image/png", null);
                }
                return;
            }
            JsonNode schema =
                    resolve(body.properties().iterator().next().getValue().path("schema"));
            if (isUpload(schema)) {
                uploadVariants(name);
            } else if (isFreeJson(body)) {
                treeVariants(name);
            } else {
                jsonVariants(name, schema);
            }
        }

        private void queryVariants(String name, String parameter, JsonNode schema) throws Exception {
            String type = schema.path("type").asString("string");
            var values = new ArrayList<String>();
            values.add("a\u0000b");
            if (type.equals("string") && !schema.has("enum") && !schema.has("format")) {
                values.add(random.nextBoolean() ? HUGE : ODD.get(random.nextInt(ODD.size())));
            } else {
                values.add(wrongQueryValue(type, schema));
            }
            for (String value : values) {
                var request = base(url(null, null), parameter).param(parameter, value);
                if (bodySample != null) {
                    request.contentType(MediaType.APPLICATION_JSON).content(bodySample);
                }
                check(
                        session,
                        request,
                        name + " query " + parameter + "=" + label(value),
                        value.contains("\u0000") ? parameter : null);
            }
        }

        private String wrongQueryValue(String type, JsonNode schema) {
            if (schema.has("enum")) {
                return "NOT_A_VALUE";
            }
            return switch (type) {
                case "integer" -> random.nextBoolean() ? "9e99" : "99999999999999999999";
                case "number" -> random.nextBoolean() ? "NaN" : "1e999";
                case "boolean" -> "maybe";
                default -> "2026-13-45T25:61";
            };
        }

        private void jsonVariants(String name, JsonNode schema) throws Exception {
            JsonNode sample = sample(schema, 0);
            send(name + " body valid sample", sample.toString(), null);
            whole(name, sample);
            if (!(sample instanceof ObjectNode object)) {
                return;
            }
            fieldVariants(name, object, schema, "", object, 0);
        }

        /** Each field of an object gets a wrong type and, for text, a NUL and a huge or odd value; one level deep. */
        private void fieldVariants(
                String name, ObjectNode root, JsonNode schema, String prefix, ObjectNode object, int depth)
                throws Exception {
            var properties = resolve(schema).path("properties");
            for (var property : properties.properties()) {
                String field = property.getKey();
                String at = prefix + field;
                JsonNode fieldSchema = resolve(property.getValue());
                JsonNode original = object.get(field);
                if (isTree(property.getValue())) {
                    for (var variant : List.of(
                            new Variant("NUL", NODES.stringNode("a\u0000b"), true),
                            new Variant("number -1", NODES.numberNode(-1), false),
                            new Variant("NUL inside", NODES.objectNode().put("type", "a\u0000b"), true))) {
                        object.set(field, variant.value());
                        send(
                                name + " body " + at + " " + variant.label(),
                                root.toString(),
                                variant.expectField() ? at : null);
                    }
                    object.set(field, original);
                    continue;
                }
                for (var variant : fieldValues(fieldSchema)) {
                    object.set(field, variant.value());
                    send(
                            name + " body " + at + " " + variant.label(),
                            root.toString(),
                            variant.expectField() ? at : null);
                }
                object.set(field, original);
                if (depth == 0 && original instanceof ObjectNode nested && fieldSchema.has("properties")) {
                    fieldVariants(name, root, fieldSchema, at + ".", nested, depth + 1);
                } else if (depth == 0
                        && original instanceof ArrayNode array
                        && !array.isEmpty()
                        && array.get(0) instanceof ObjectNode first
                        && resolve(fieldSchema.path("items")).has("properties")) {
                    fieldVariants(name, root, resolve(fieldSchema.path("items")), at + "[0].", first, depth + 1);
                } else if (fieldSchema.has("additionalProperties") && original instanceof ObjectNode map) {
                    map.put("a\u0000key", "值");
                    send(name + " body " + at + " NUL in a key", root.toString(), at);
                    map.remove("a\u0000key");
                    map.put("键", "a\u0000b");
                    send(name + " body " + at + " NUL in a value", root.toString(), at);
                    map.remove("键");
                }
            }
        }

        private record Variant(String label, JsonNode value, boolean expectField) {}

        private List<Variant> fieldValues(JsonNode schema) {
            String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
            var variants = new ArrayList<Variant>();
            switch (type) {
                case "string" -> {
                    boolean plainText = !schema.has("enum") && !schema.has("format");
                    variants.add(new Variant("NUL", NODES.stringNode("a\u0000b"), true));
                    variants.add(new Variant("number -1", NODES.numberNode(-1), plainText || schema.has("enum")));
                    variants.add(new Variant("boolean", NODES.booleanNode(true), plainText || schema.has("enum")));
                    if (schema.has("enum")) {
                        variants.add(new Variant("unknown enum value", NODES.stringNode("NOT_A_VALUE"), true));
                    } else if (plainText) {
                        String odd = random.nextBoolean() ? HUGE : ODD.get(random.nextInt(ODD.size()));
                        variants.add(new Variant(label(odd), NODES.stringNode(odd), false));
                    } else {
                        variants.add(new Variant("bad format", NODES.stringNode("2026-13-45T25:61"), true));
                    }
                }
                case "integer" -> {
                    variants.add(new Variant("text", NODES.stringNode("abc"), true));
                    variants.add(new Variant("9e99", NODES.numberNode(new java.math.BigDecimal("9e99")), false));
                    variants.add(new Variant("object", NODES.objectNode(), true));
                }
                case "number" -> {
                    variants.add(new Variant("text", NODES.stringNode("abc"), true));
                    variants.add(new Variant("1e999", NODES.numberNode(new java.math.BigDecimal("1e999")), false));
                    variants.add(new Variant("array", NODES.arrayNode(), true));
                }
                case "boolean" -> variants.add(new Variant("text", NODES.stringNode("maybe"), true));
                case "array" -> {
                    variants.add(new Variant("text instead of array", NODES.stringNode("x"), false));
                    variants.add(new Variant("array of NUL", NODES.arrayNode().add("a\u0000b"), true));
                }
                default -> {
                    variants.add(new Variant("number instead of object", NODES.numberNode(5), false));
                    variants.add(new Variant(
                            "array instead of object", NODES.arrayNode().add(1), false));
                }
            }
            variants.add(new Variant("null", NODES.nullNode(), false));
            return variants;
        }

        /** Bodies that are not the JSON the operation reads. */
        private void whole(String name, JsonNode sample) throws Exception {
            send(name + " body broken JSON", "{\"a\": ", null);
            send(name + " body empty", "", null);
            send(name + " body a JSON string", "\"text\"", null);
            send(name + " body a JSON array", "[" + sample + "]", null);
            send(name + " body nested 2000 deep", "[".repeat(2000) + "]".repeat(2000), null);
            send(name + " body bare NUL byte", "{\"x\":\"a\u0000b\"}", null);
            send(
                    name + " body invalid UTF-8",
                    new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
            check(
                    session,
                    base(url(null, null)).contentType(MediaType.TEXT_PLAIN).content(sample.toString()),
                    name + " body as text/plain",
                    null);
            check(
                    session,
                    base(url(null, null))
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .content("a=b"),
                    name + " body as a form",
                    null);
        }

        /** Free-form JSON (GeoJSON): a feature, broken and with NUL inside its properties. */
        private void treeVariants(String name) throws Exception {
            ObjectNode feature = geoJsonFeature();
            JsonNode body = path.endsWith("/import")
                    ? NODES.objectNode()
                            .put("type", "FeatureCollection")
                            .set("features", NODES.arrayNode().add(feature))
                    : feature;
            send(name + " GeoJSON sample", body.toString(), null);
            whole(name, body);
            var properties = (ObjectNode) feature.get("properties");
            for (String field : List.of("code", "name")) {
                String original = properties.get(field).asString();
                properties.put(field, "a\u0000b");
                send(
                        name + " GeoJSON " + field + " NUL",
                        body.toString(),
                        path.endsWith("/import") ? "features[0].properties" : "properties");
                properties.put(field, -1);
                send(name + " GeoJSON " + field + " number", body.toString(), null);
                properties.put(field, HUGE);
                send(name + " GeoJSON " + field + " huge", body.toString(), null);
                properties.put(field, original);
            }
            feature.put("geometry", "not a geometry");
            send(name + " GeoJSON geometry text", body.toString(), null);
        }

        private void uploadVariants(String name) throws Exception {
            byte[] garbage = new byte[2048];
            random.nextBytes(garbage);
            byte[] truncatedXlsx = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0};
            var files = new LinkedHashMap<String, MockMultipartFile>();
            files.put(
                    "empty file", new MockMultipartFile("file", "empty.xlsx", "application/octet-stream", new byte[0]));
            files.put(
                    "garbage file", new MockMultipartFile("file", "garbage.xlsx", "application/octet-stream", garbage));
            files.put(
                    "truncated xlsx",
                    new MockMultipartFile(
                            "file",
                            "truncated.xlsx",
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            truncatedXlsx));
            files.put("garbage jpeg", new MockMultipartFile("file", "photo.jpg", "image/jpeg", garbage));
            files.put("NUL in the file name", new MockMultipartFile("file", "a\u0000b.xlsx", "text/plain", garbage));
            for (var file : files.entrySet()) {
                var upload = multipart(method, URI.create(url(null, null))).file(file.getValue());
                check(
                        session,
                        upload,
                        name + " upload " + file.getKey(),
                        file.getKey().startsWith("NUL") ? "file" : null);
            }
            check(
                    session,
                    multipart(method, URI.create(url(null, null))).param("other", "x"),
                    name + " upload without file",
                    null);
            check(
                    session,
                    base(url(null, null))
                            .contentType("multipart/form-data; boundary=nothing")
                            .content("not multipart at all"),
                    name + " upload not multipart",
                    null);
            check(
                    session,
                    base(url(null, null))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"file\":\"x\"}"),
                    name + " upload as JSON",
                    null);
        }

        private void send(String label, String body, String expectField) throws Exception {
            check(
                    session,
                    base(url(null, null))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body),
                    label,
                    expectField);
        }

        private void send(String label, byte[] body) throws Exception {
            check(
                    session,
                    base(url(null, null))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body),
                    label,
                    null);
        }

        private MockHttpServletRequestBuilder base(String url) {
            return base(url, null);
        }

        /** The request with every required query parameter but the one a variant replaces. */
        private MockHttpServletRequestBuilder base(String url, String except) {
            var request = request(method, URI.create(url));
            requiredQuery.forEach((name, value) -> {
                if (!name.equals(except)) {
                    request.param(name, value);
                }
            });
            return request;
        }

        /** The operation's path with sample values, one variable replaced by a raw (already encoded) value. */
        private String url(String variable, String raw) {
            String url = path;
            for (var value : pathValues.entrySet()) {
                String v = value.getKey().equals(variable) ? raw : value.getValue();
                url = url.replace("{" + value.getKey() + "}", v);
            }
            return url;
        }

        private String pathSample(String name, JsonNode schema) {
            if (path.startsWith("/api/users/")) {
                // Names no account, so no account this test signs in with is disabled or changed.
                return "999999";
            }
            if (schema.path("type").asString().equals("integer")) {
                return "1";
            }
            return switch (name) {
                case "code" -> path.startsWith("/api/grids") ? "421381101001001" : "421381101001";
                case "day" -> "2026-03-02";
                default -> "sample";
            };
        }

        private String querySample(String name, JsonNode schema) {
            return switch (name) {
                case "region" -> "421381101";
                case "lon" -> "113.82";
                case "lat" -> "31.62";
                case "purpose" -> "核查";
                case "categoryCode" -> "0110";
                default -> sample(schema, 0).asString();
            };
        }

        private boolean isUpload(JsonNode schema) {
            for (var property : schema.path("properties")) {
                if (property.path("format").asString().equals("binary")) {
                    return true;
                }
            }
            return false;
        }

        private boolean isFreeJson(JsonNode content) {
            return content.properties()
                    .iterator()
                    .next()
                    .getValue()
                    .path("schema")
                    .path("$ref")
                    .asString()
                    .endsWith("/JsonNode");
        }
    }

    /** Sends one request and records what is wrong with the answer. */
    private void check(
            Cookie session, AbstractMockHttpServletRequestBuilder<?> request, String label, String expectField) {
        sent++;
        if (session != null) {
            request.cookie(session);
        }
        request.with(csrf());
        try {
            var response = mvc.perform(request).andReturn().getResponse();
            int status = response.getStatus();
            String body = response.getContentAsString(StandardCharsets.UTF_8);
            if (status >= 500) {
                failures.add(label + " -> " + status + " " + abbreviated(body));
                return;
            }
            if (expectField != null && status == 404 && label.contains(" body ")) {
                // The body was read without complaint, so the handler's type has no such field: the document is wrong.
                documentMismatches.add(label + " -> 404");
                return;
            }
            if (expectField != null && status != 400) {
                failures.add(label + " -> " + status + " (expected 400 naming " + expectField + ")");
                return;
            }
            if (status < 400) {
                return;
            }
            String type = response.getContentType();
            if (type == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(type))) {
                failures.add(label + " -> " + status + " as " + type + " " + abbreviated(body));
                return;
            }
            JsonNode problem = JSON.readTree(body);
            if (problem.path("detail").asString("").isBlank()
                    || problem.path("detailEn").asString("").isBlank()) {
                failures.add(label + " -> " + status + " without detail/detailEn " + abbreviated(body));
            }
            if (status == 400) {
                var fields = new ArrayList<String>();
                problem.path("errors").forEach(e -> fields.add(e.path("field").asString("")));
                if (fields.isEmpty() || fields.stream().anyMatch(String::isBlank)) {
                    failures.add(label + " -> 400 without a field " + abbreviated(body));
                } else if (expectField != null && fields.stream().noneMatch(f -> f.startsWith(expectField))) {
                    failures.add(label + " -> 400 naming " + fields + " instead of " + expectField);
                }
            }
        } catch (Exception e) {
            failures.add(label + " -> threw " + e);
        }
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    /** A plausible value for a schema: what a client that read the document would send. */
    private JsonNode sample(JsonNode schema, int depth) {
        if (isTree(schema)) {
            return geoJsonFeature().get("geometry");
        }
        schema = resolve(schema);
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(113.82);
            case "boolean" -> NODES.booleanNode(false);
            case "array" ->
                depth > 3 ? NODES.arrayNode() : NODES.arrayNode().add(sample(schema.path("items"), depth + 1));
            case "object" -> {
                var object = NODES.objectNode();
                if (depth <= 3) {
                    schema.path("properties")
                            .properties()
                            .forEach(p -> object.set(p.getKey(), sample(p.getValue(), depth + 1)));
                    if (schema.has("additionalProperties")
                            && schema.path("properties").isEmpty()) {
                        object.put("备注", "示例");
                    }
                }
                yield object;
            }
            default ->
                switch (schema.path("format").asString("")) {
                    case "date" -> NODES.stringNode("2026-03-02");
                    case "date-time" -> NODES.stringNode("2026-03-02T08:30:00Z");
                    default -> NODES.stringNode("示例");
                };
        };
    }

    /** Free-form JSON such as a GeoJSON geometry, which the document can only describe as Jackson's node type. */
    private static boolean isTree(JsonNode schema) {
        return schema.path("$ref").asString("").endsWith("/JsonNode");
    }

    private static ObjectNode geoJsonFeature() {
        var ring = NODES.arrayNode();
        for (double[] point : new double[][] {{113.80, 31.60}, {113.81, 31.60}, {113.81, 31.61}, {113.80, 31.60}}) {
            ring.add(NODES.arrayNode().add(point[0]).add(point[1]));
        }
        var feature = NODES.objectNode().put("type", "Feature");
        feature.putObject("properties")
                .put("code", "421381101001099")
                .put("name", "示例网格")
                .put("parentCode", "421381101001");
        feature.putObject("geometry")
                .put("type", "Polygon")
                .putArray("coordinates")
                .add(ring);
        return feature;
    }

    private static String label(String value) {
        if (value.equals(HUGE)) {
            return "100k text";
        }
        if (value.contains("\u0000")) {
            return "NUL";
        }
        return "odd unicode " + ODD.indexOf(value);
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
