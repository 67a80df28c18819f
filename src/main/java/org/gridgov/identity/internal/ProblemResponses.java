package org.gridgov.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Writes refusals of the security filters as the same RFC 9457 problems the controllers answer with. */
@Component
class ProblemResponses {

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    void write(HttpServletResponse response, HttpStatus status, String type, String detail, String detailEn)
            throws IOException {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "https://gridgov.org/problems/" + type);
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("detailEn", detailEn);
        response.setStatus(status.value());
        response.setContentType("application/problem+json;charset=UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
