package org.gridgov.registry.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Calls the group tests share: a fresh resident, a registration in a group, a follow-up, a list's ids. */
final class GroupCalls {

    /** Born in March 1990, apart from the people other registry tests create. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

    private GroupCalls() {}

    static String idNumber() {
        int n = SEQUENCE.getAndIncrement();
        String first17 = String.format("421381199003%02d%03d", 1 + n % 28, n);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    static long resident(MockMvc as, String grid, String name) throws Exception {
        String body = as.perform(post("/api/registry/residents")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"gridCode\":\"" + grid + "\",\"name\":\"" + name + "\",\"idNumber\":\"" + idNumber()
                                + "\",\"kind\":\"REGISTERED\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    static ResultActions register(MockMvc as, String base, String json) throws Exception {
        return as.perform(post(base).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** Registers a resident in a group and answers the registration's id. */
    static long member(MockMvc as, String base, long resident, String group, String details, int frequency)
            throws Exception {
        String body = register(
                        as,
                        base,
                        "{\"residentId\":" + resident + ",\"groupCode\":\"" + group
                                + "\",\"attentionLevel\":\"MEDIUM\"," + "\"frequencyDays\":" + frequency
                                + ",\"details\":" + details + "}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    static ResultActions followUp(MockMvc as, String base, long member, String day, String kind) throws Exception {
        return as.perform(post(base + "/" + member + "/follow-ups")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"doneOn\":\"" + day + "\",\"kind\":\"" + kind + "\",\"content\":\"入户走访，情况稳定\"}"));
    }

    /** The registration ids on the first page (size 200) of a list. */
    static java.util.List<Integer> ids(MockMvc as, String url) throws Exception {
        String body = as.perform(get(url).param("size", "200"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.content[*].id");
    }
}
