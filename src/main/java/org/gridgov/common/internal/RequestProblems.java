package org.gridgov.common.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;
import org.gridgov.common.FieldProblem;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Names the field at fault in the refusals Spring MVC and Jackson raise themselves, in Chinese and English. */
final class RequestProblems {

    private static final int SHOWN = 40;

    private RequestProblems() {}

    /** A body that could not be read: the JSON path of the value at fault, or {@code body} when it is no JSON. */
    static FieldProblem unreadable(HttpMessageNotReadableException ex) {
        JacksonException json = cause(ex, JacksonException.class);
        if (json == null) {
            if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
                return new FieldProblem("body", "required", "缺少请求体", "The request body is missing");
            }
            return malformed();
        }
        String path = path(json);
        if (json instanceof StrictJsonInput.ControlCharacterException refused) {
            return ControlCharacters.problem(path.isEmpty() ? "body" : path, refused.text());
        }
        if (path.isEmpty()) {
            return malformed();
        }
        if (json instanceof InvalidFormatException invalid
                && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(String::valueOf)
                    .collect(Collectors.joining(", "));
            return new FieldProblem(
                    path,
                    "unknown-value",
                    "字段 " + path + " 的值不在允许范围内，应为：" + allowed,
                    "Field " + path + " must be one of: " + allowed);
        }
        if (json instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String[] expected = expected(mismatch.getTargetType());
            return new FieldProblem(
                    path,
                    "type",
                    "字段 " + path + " 的类型或格式不对，应为" + expected[0],
                    "Field " + path + " has the wrong type or format (expected " + expected[1] + ")");
        }
        return new FieldProblem(path, "invalid", "字段 " + path + " 的值不合法", "Field " + path + " has an invalid value");
    }

    /** A 400 Spring MVC raised before the handler ran: the part, header or parameter it names. */
    static FieldProblem unbound(Exception ex) {
        if (ex instanceof MissingServletRequestPartException missing) {
            return required(missing.getRequestPartName());
        }
        if (ex instanceof MissingRequestHeaderException missing) {
            return required(missing.getHeaderName());
        }
        if (ex instanceof MissingRequestCookieException missing) {
            return required(missing.getCookieName());
        }
        if (ex instanceof HandlerMethodValidationException invalid
                && !invalid.getParameterValidationResults().isEmpty()) {
            var result = invalid.getParameterValidationResults().getFirst();
            String name = result.getMethodParameter().getParameterName();
            String reason = result.getResolvableErrors().isEmpty()
                    ? "invalid"
                    : String.valueOf(result.getResolvableErrors().getFirst().getDefaultMessage());
            return new FieldProblem(
                    name, "invalid", "参数 " + name + " 不合法：" + reason, "Parameter " + name + ": " + reason);
        }
        return ErrorPageController.unreadable();
    }

    /** A value echoed back in a message, cut short and with control characters masked. */
    static String shown(Object value) {
        String text = ControlCharacters.printable(String.valueOf(value));
        return text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text;
    }

    private static FieldProblem required(String name) {
        return new FieldProblem(name, "required", "缺少必填项 " + name, "Missing required " + name);
    }

    private static FieldProblem malformed() {
        return new FieldProblem("body", "malformed", "请求体不是合法的 JSON", "The request body is not valid JSON");
    }

    /** {@code features[3].geometry}: property names joined by dots, array positions in brackets. */
    static String path(JacksonException ex) {
        var out = new StringBuilder();
        for (var reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ControlCharacters.printable(reference.getPropertyName()));
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String[] expected(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return new String[] {"文本", "text"};
        }
        if (type == int.class
                || type == long.class
                || type == short.class
                || type == Integer.class
                || type == Long.class
                || type == Short.class) {
            return new String[] {"整数", "an integer"};
        }
        if (type.isPrimitive() && type != boolean.class || Number.class.isAssignableFrom(type)) {
            return new String[] {"数字", "a number"};
        }
        if (type == boolean.class || type == Boolean.class) {
            return new String[] {"是或否（true/false）", "true or false"};
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return new String[] {"列表", "an array"};
        }
        if (type == LocalDate.class) {
            return new String[] {"日期（如 2026-01-31）", "a date such as 2026-01-31"};
        }
        if (type == LocalTime.class) {
            return new String[] {"时间（如 08:30）", "a time such as 08:30"};
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return new String[] {"时间（ISO 8601，如 2026-01-31T08:30:00Z）", "an ISO 8601 time such as 2026-01-31T08:30:00Z"
            };
        }
        return new String[] {"对象", "an object"};
    }

    private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
