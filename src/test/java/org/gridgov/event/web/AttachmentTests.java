package org.gridgov.event.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
class AttachmentTests {

    private static final byte[] PNG = {
        (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1
    };

    @Autowired
    WebApplicationContext context;

    MockMvc worker;
    long eventId;

    @BeforeEach
    void report() throws Exception {
        worker = SignedIn.as(context, "grid.worker");
        String grid = worker.perform(get("/api/grids/421381101001102"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Double> label = JsonPath.read(grid, "$.labelPoint");
        String body = worker.perform(post("/api/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"requestId\":\"" + UUID.randomUUID()
                                + "\",\"title\":\"井盖缺失\",\"categoryCode\":\"0110\"," + "\"lon\":" + label.get(0)
                                + ",\"lat\":" + label.get(1) + "}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        eventId = ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private MockMultipartFile file(String name, String type, byte[] data) {
        return new MockMultipartFile("file", name, type, data);
    }

    @Test
    void theReporterAddsAPhotoThatAnyoneInScopeCanSee() throws Exception {
        String added = worker.perform(multipart("/api/events/" + eventId + "/attachments")
                        .file(file("../../现场.png", "image/png", PNG)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/png"))
                .andExpect(jsonPath("$.filename").value("现场.png"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long photo = ((Number) JsonPath.read(added, "$.id")).longValue();
        var township = SignedIn.as(context, "yz.operator");
        township.perform(get("/api/events/" + eventId + "/attachments"))
                .andExpect(jsonPath("$.totalElements").value(1));
        township.perform(get("/api/events/" + eventId + "/attachments/" + photo))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(content().bytes(PNG));
        SignedIn.as(context, "ys.operator")
                .perform(get("/api/events/" + eventId + "/attachments/" + photo))
                .andExpect(status().isNotFound());
    }

    @Test
    void refusesWhatIsNotAnImageAndCallersWhoNeitherReportedNorHoldIt() throws Exception {
        worker.perform(multipart("/api/events/" + eventId + "/attachments")
                        .file(file("x.png", "image/png", "<script>alert(1)</script>".getBytes())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].code").value("type"));
        worker.perform(multipart("/api/events/" + eventId + "/attachments"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("required"));
        // The county center sees the event but neither reported nor holds it; a department never sent it does not.
        SignedIn.as(context, "county.operator")
                .perform(multipart("/api/events/" + eventId + "/attachments").file(file("a.png", "image/png", PNG)))
                .andExpect(status().isForbidden());
        SignedIn.as(context, "dept.handler")
                .perform(multipart("/api/events/" + eventId + "/attachments").file(file("a.png", "image/png", PNG)))
                .andExpect(status().isNotFound());
    }

    @Test
    void atMostNinePhotosPerEvent() throws Exception {
        for (int i = 0; i < 9; i++) {
            worker.perform(multipart("/api/events/" + eventId + "/attachments")
                            .file(file(i + ".png", "image/png", PNG)))
                    .andExpect(status().isCreated());
        }
        worker.perform(multipart("/api/events/" + eventId + "/attachments").file(file("10.png", "image/png", PNG)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("too-many"));
    }
}
