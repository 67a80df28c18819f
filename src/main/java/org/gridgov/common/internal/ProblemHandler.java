package org.gridgov.common.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every refused request as an RFC 9457 problem with the reason in Chinese and English and the fields at
 * fault, so that clients never have to parse a stack trace or an HTML error page.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    static final String TYPE_BASE = "https://gridgov.org/problems/";

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> handleProblem(ProblemException ex) {
        var body = problem(ex.status(), ex.type(), ex.detail(), ex.detailEn(), ex.errors());
        return ResponseEntity.status(ex.status()).body(body);
    }

    /** Method security refusals reach the controller advice before the security chain; they are 403s, not errors. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleDenied(AccessDeniedException ex) {
        var body = problem(HttpStatus.FORBIDDEN, "forbidden", "没有权限执行此操作", "You are not allowed to do this", List.of());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(body);
    }

    /** A body announced as multipart that is not: the file is unreadable, not the server. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> handleMultipart(MultipartException ex) {
        return invalid(List.of(new FieldProblem(
                "file",
                "malformed",
                "上传的内容不是有效的 multipart/form-data 请求",
                "The upload is not a valid multipart/form-data request")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
        log.error("Unexpected error", ex);
        var body = problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "服务器内部错误，已记录，请稍后重试",
                "Internal error; it has been logged, please retry later",
                List.of());
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String type =
                ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
        String value = RequestProblems.shown(ex.getValue());
        var error = new FieldProblem(
                field,
                "type",
                "参数 " + field + " 的值 “" + value + "” 格式不正确",
                "Parameter " + field + " has an invalid value '" + value + "' (expected " + type + ")");
        return invalid(List.of(error));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        var error = new FieldProblem(
                ex.getParameterName(),
                "required",
                "缺少必填参数 " + ex.getParameterName(),
                "Missing required parameter " + ex.getParameterName());
        return invalid(List.of(error));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = new ArrayList<FieldProblem>();
        for (var fe : ex.getBindingResult().getFieldErrors()) {
            String message = fe.getDefaultMessage() == null ? "invalid" : fe.getDefaultMessage();
            errors.add(
                    new FieldProblem(fe.getField(), fe.getCode(), "字段 " + fe.getField() + " 不合法：" + message, message));
        }
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var refusal = cause(ex, ProblemException.class);
        if (refusal != null) {
            // A record's own check refused the value while the body was being read.
            var body =
                    problem(refusal.status(), refusal.type(), refusal.detail(), refusal.detailEn(), refusal.errors());
            return ResponseEntity.status(refusal.status()).body(body);
        }
        return invalid(List.of(RequestProblems.unreadable(ex)));
    }

    /** The security firewall refuses a header or parameter lazily, when the application first reads it. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> handleRejected(RequestRejectedException ex) {
        return invalid(RejectedRequests.errors(ex));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        var status = HttpStatus.valueOf(statusCode.value());
        if (status == HttpStatus.BAD_REQUEST) {
            // Every 400 names what is wrong, also those Spring MVC raises itself (a missing part or header).
            var invalid = invalid(List.of(RequestProblems.unbound(ex)));
            return ResponseEntity.badRequest().headers(headers).body(invalid.getBody());
        }
        String english =
                body instanceof ProblemDetail pd && pd.getDetail() != null ? pd.getDetail() : status.getReasonPhrase();
        var problem = problem(status, slug(status), chinese(status), english, List.of());
        return ResponseEntity.status(statusCode).headers(headers).body(problem);
    }

    private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private ResponseEntity<Object> invalid(List<FieldProblem> errors) {
        var ex = ProblemException.invalid(errors);
        return ResponseEntity.badRequest().body(problem(ex.status(), ex.type(), ex.detail(), ex.detailEn(), errors));
    }

    static ProblemDetail problem(
            HttpStatus status, String type, String detail, String detailEn, List<FieldProblem> errors) {
        var body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(status.getReasonPhrase());
        body.setProperty("detailEn", detailEn);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return body;
    }

    static String slug(HttpStatus status) {
        return status.name().toLowerCase().replace('_', '-');
    }

    static String chinese(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "请求的资源不存在";
            case METHOD_NOT_ALLOWED -> "不支持该请求方法";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持该请求内容类型";
            case NOT_ACCEPTABLE -> "无法提供所要求的响应格式";
            case PAYLOAD_TOO_LARGE, CONTENT_TOO_LARGE -> "请求内容过大";
            case BAD_REQUEST -> "请求有误";
            default -> status.is4xxClientError() ? "请求无法处理" : "服务器内部错误";
        };
    }
}
