package org.gridgov.event.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Calls of the event API that the event tests share: a report of one category at the label point of a grid the demo
 * grid worker covers, and moves made with the version last seen.
 */
public final class EventCalls {

    /** A grid of 站前社区 (杨寨镇) that the demo grid worker covers. */
    public static final String GRID = "421381101001101";

    public final String category;
    final double[] point;

    private EventCalls(String category, double[] point) {
        this.category = category;
        this.point = point;
    }

    /** Reports of {@code category} at the label point of {@link #GRID}, which {@code reader} must be able to read. */
    public static EventCalls reporting(MockMvc reader, String category) throws Exception {
        return reporting(reader, category, GRID);
    }

    /** Reports of {@code category} at the label point of {@code grid}, which {@code reader} must be able to read. */
    static EventCalls reporting(MockMvc reader, String category, String grid) throws Exception {
        List<Double> label = JsonPath.read(body(reader.perform(get("/api/grids/" + grid))), "$.labelPoint");
        return new EventCalls(category, new double[] {label.get(0), label.get(1)});
    }

    /** Reports of the first minor category of the first major. */
    public static EventCalls reportingFirstCategory(MockMvc reader) throws Exception {
        String major = JsonPath.read(body(reader.perform(get("/api/event-categories"))), "$.content[0].code");
        String minor = JsonPath.read(
                body(reader.perform(get("/api/event-categories").param("parent", major))), "$.content[0].code");
        return reporting(reader, minor);
    }

    ResultActions report(MockMvc as, String requestId) throws Exception {
        return as.perform(post("/api/events")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"requestId\":\"" + requestId + "\",\"title\":\"路边暴露垃圾\",\"description\":\"堆了三天\","
                        + "\"categoryCode\":\"" + category + "\",\"lon\":" + point[0] + ",\"lat\":" + point[1]
                        + ",\"reporterPhone\":\"13912345678\"}"));
    }

    /** The id of a new event reported by {@code as}. */
    public long reported(MockMvc as) throws Exception {
        String body = report(as, UUID.randomUUID().toString())
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    public static int version(MockMvc as, long id) throws Exception {
        return JsonPath.read(body(as.perform(get("/api/events/" + id))), "$.version");
    }

    /** Makes a move with the version {@code as} sees now; {@code extra} are more JSON members, or null. */
    public static ResultActions move(MockMvc as, long id, String move, String extra) throws Exception {
        return as.perform(post("/api/events/" + id + "/" + move)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + version(as, id) + (extra == null ? "" : "," + extra) + "}"));
    }

    public static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }
}
