package org.gridgov.common.internal;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.gridgov.common.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page: what a filter or the container refused with {@code sendError} (a 405 for
 * TRACE, a 400 for a request the firewall refused) is answered as a problem document, whatever the caller accepts,
 * instead of Spring Boot's bare JSON or an HTML page.
 */
@RestController
@Hidden
class ErrorPageController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageController.class);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Throwable failure = failure(request);
        HttpStatus status = status(request, failure);
        ProblemDetail body;
        if (failure instanceof RequestRejectedException rejected) {
            body = problem(HttpStatus.BAD_REQUEST, RejectedRequests.errors(rejected));
        } else if (status == HttpStatus.BAD_REQUEST) {
            body = problem(status, List.of(unreadable()));
        } else if (status.is5xxServerError()) {
            log.error("Unexpected error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
            body = ProblemHandler.problem(
                    status,
                    "internal-error",
                    "服务器内部错误，已记录，请稍后重试",
                    "Internal error; it has been logged, please retry later",
                    List.of());
        } else {
            body = ProblemHandler.problem(
                    status,
                    ProblemHandler.slug(status),
                    ProblemHandler.chinese(status),
                    status.getReasonPhrase(),
                    List.of());
        }
        body.setInstance(instance(request));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    static FieldProblem unreadable() {
        return new FieldProblem(
                "request", "malformed", "请求格式不正确，无法处理", "The request is malformed and cannot be processed");
    }

    private static ProblemDetail problem(HttpStatus status, List<FieldProblem> errors) {
        return ProblemHandler.problem(status, "invalid-input", "请求参数有误", "The request has invalid fields", errors);
    }

    /** The path that failed rather than the error page's own; none when it is no valid URI. */
    private static URI instance(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        try {
            return uri == null ? null : new URI(uri.toString());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static Throwable failure(HttpServletRequest request) {
        Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Throwable failure = error instanceof Throwable t ? t : null;
        while (failure instanceof ServletException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    private static HttpStatus status(HttpServletRequest request, Throwable failure) {
        if (failure instanceof RequestRejectedException) {
            return HttpStatus.BAD_REQUEST;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer value)) {
            // Someone opened /error directly: there is no error to show.
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = HttpStatus.resolve(value);
        return status == null || value < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
