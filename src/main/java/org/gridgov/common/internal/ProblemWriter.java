package org.gridgov.common.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.common.FieldProblem;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the same RFC 9457 problem document as {@link ProblemHandler} where no controller advice runs: in servlet
 * filters, in the security firewall and in the servlet container itself.
 */
final class ProblemWriter {

    static final String CONTENT_TYPE = "application/problem+json;charset=UTF-8";

    private ProblemWriter() {}

    static Map<String, Object> body(
            HttpStatus status, String type, String detail, String detailEn, List<FieldProblem> errors) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", ProblemHandler.TYPE_BASE + type);
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("detailEn", detailEn);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return body;
    }

    static void write(Writer out, Map<String, Object> body) throws IOException {
        JsonMapper.shared().writeValue(out, body);
    }

    static String json(Map<String, Object> body) {
        return JsonMapper.shared().writeValueAsString(body);
    }

    /** A 400 naming the fields at fault, as {@code ProblemException.invalid} renders it. */
    static Map<String, Object> invalid(List<FieldProblem> errors) {
        return body(HttpStatus.BAD_REQUEST, "invalid-input", "请求参数有误", "The request has invalid fields", errors);
    }
}
