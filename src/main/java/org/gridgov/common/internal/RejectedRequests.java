package org.gridgov.common.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.gridgov.common.FieldProblem;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers what the security firewall refuses (an encoded slash, {@code ..}, {@code ;jsessionid}, a control character
 * in a header) with a 400 problem naming the part of the request at fault.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(ProblemWriter.CONTENT_TYPE);
        ProblemWriter.write(response.getWriter(), ProblemWriter.invalid(errors(rejected)));
    }

    static List<FieldProblem> errors(RequestRejectedException rejected) {
        String reason =
                rejected.getMessage() == null ? "" : rejected.getMessage().toLowerCase(Locale.ROOT);
        String field;
        if (reason.contains("header")) {
            field = "header";
        } else if (reason.contains("parameter")) {
            field = "parameter";
        } else if (reason.contains("host")) {
            field = "host";
        } else if (reason.contains("method")) {
            field = "method";
        } else {
            field = "path";
        }
        return List.of(new FieldProblem(
                field,
                "rejected",
                "请求的" + chinese(field) + "含有不允许的字符或写法，已拒绝",
                "The request's " + field + " contains characters or sequences that are not allowed"));
    }

    private static String chinese(String field) {
        return switch (field) {
            case "header" -> "请求头";
            case "parameter" -> "参数";
            case "host" -> "主机名";
            case "method" -> "方法";
            default -> "路径";
        };
    }
}
