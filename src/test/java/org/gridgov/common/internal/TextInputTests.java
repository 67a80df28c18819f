package org.gridgov.common.internal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * Text reaches the platform only as text and without control characters, whichever way it comes (JSON, free-form
 * JSON, query, form, path, file name), and a refusal names the field. Runs through the whole filter chain, in the
 * context {@code MalformedInputTests} uses.
 */
@SpringBootTest(properties = "gridgov.test.context=malformed-input")
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class TextInputTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    MockMvc mvc;

    Cookie operator;

    @BeforeEach
    void signIn() throws Exception {
        operator = SignedIn.sessionCookie(mvc, "county.operator");
    }

    @Test
    void aNulInAJsonTextFieldIsRefusedNamingTheField() throws Exception {
        refused(post("/api/events/1/return").content("{\"note\":\"退回\\u0000原因\"}"), "note", "control-character");
        refused(
                post("/api/events").content("{\"title\":\"ok\",\"description\":\"a\\u0001b\"}"),
                "description",
                "control-character");
    }

    @Test
    void tabsAndLineBreaksInFreeTextPass() throws Exception {
        String report = """
                {"requestId":"text-input-tabs","title":"积水","description":"第一行\\n\\t第二行\\r\\n",
                 "categoryCode":"0110","urgency":"NORMAL","lon":113.82,"lat":31.62}
                """;
        mvc.perform(as(post("/api/events").content(report)))
                .andExpect(status().is2xxSuccessful())
                .andExpect(jsonPath("$.description").value("第一行\n\t第二行\r\n"));
    }

    @Test
    void aNulInAMapKeyOrAListIsRefusedNamingTheField() throws Exception {
        refused(
                post("/api/registry/register-types/1/entries")
                        .content("{\"residentId\":1,\"values\":{\"a\\u0000b\":\"x\"}}"),
                "values",
                "control-character");
        refused(
                post("/api/registry/residents").content("{\"name\":\"张三\",\"tags\":[\"ok\",\"a\\u0000\"]}"),
                "tags[1]",
                "control-character");
    }

    @Test
    void aNulInsideGeoJsonIsRefusedWithItsPath() throws Exception {
        String collection = """
                {"type":"FeatureCollection","features":[{"type":"Feature",
                 "properties":{"code":"421381101001099","name":"网格\\u0000"},
                 "geometry":{"type":"Polygon","coordinates":[[[113.8,31.6],[113.81,31.6],[113.81,31.61],[113.8,31.6]]]}}]}
                """;
        refused(
                post("/api/grids/import").param("reason", "测试").content(collection),
                "features[0].properties.name",
                "control-character");
    }

    @Test
    void numbersAndBooleansAreNotTakenAsText() throws Exception {
        refused(post("/api/events/1/return").content("{\"note\":-1}"), "note", "type");
        refused(post("/api/events/1/return").content("{\"note\":true}"), "note", "type");
        refused(post("/api/registry/residents/1/retire").content("{\"reason\":1.5}"), "reason", "type");
        refused(
                post("/api/grids/421381101001001/split").content("{\"parts\":[{\"name\":7}]}"),
                "parts[0].name",
                "type");
    }

    @Test
    void enumsAreNamedNotNumbered() throws Exception {
        refused(post("/api/events").content("{\"title\":\"积水\",\"urgency\":1}"), "urgency", "unknown-value");
        refused(post("/api/events").content("{\"title\":\"积水\",\"urgency\":\"SOON\"}"), "urgency", "unknown-value");
    }

    @Test
    void brokenJsonIsRefusedAsTheBody() throws Exception {
        refused(post("/api/events").content("{\"title\": "), "body", "malformed");
    }

    @Test
    void aNulInAQueryOrFormParameterIsRefusedNamingIt() throws Exception {
        refused(get("/api/registry/residents").param("name", "张\u0000"), "name", "control-character");
        refused(get("/api/events").param("serial", "\u001b[31m"), "serial", "control-character");
        mvc.perform(post("/api/auth/login")
                        .with(csrf())
                        .param("username", "county.operator\u0000")
                        .param("password", SignedIn.PASSWORD))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("username"));
    }

    @Test
    void aNulInAPathVariableIsRefusedAsThePath() throws Exception {
        refused(get(java.net.URI.create("/api/registry/residents/%00")), "path", "control-character");
    }

    @Test
    void aNulInAnUploadedFileNameIsRefused() throws Exception {
        var file = new MockMultipartFile("file", "居民\u0000.xlsx", "application/octet-stream", new byte[] {1, 2});
        refused(multipart("/api/registry/residents/imports").file(file), "file.filename", "control-character");
    }

    private void refused(AbstractMockHttpServletRequestBuilder<?> request, String field, String code) throws Exception {
        ResultActions result = mvc.perform(as(request));
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value(code))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty())
                .andExpect(jsonPath("$.errors[0].messageEn").isNotEmpty());
    }

    private AbstractMockHttpServletRequestBuilder<?> as(AbstractMockHttpServletRequestBuilder<?> request) {
        if (!(request instanceof org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder)) {
            request.contentType(MediaType.APPLICATION_JSON);
        }
        return request.cookie(operator).with(csrf());
    }
}
