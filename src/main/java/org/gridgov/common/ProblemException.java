package org.gridgov.common;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request the platform refuses for a reason the caller can fix, rendered as an RFC 9457 problem.
 *
 * <p>Carries the message in Chinese and English and, for bad input, the fields at fault.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String detail;
    private final String detailEn;
    private final List<FieldProblem> errors;

    public ProblemException(HttpStatus status, String type, String detail, String detailEn, List<FieldProblem> errors) {
        super(detailEn);
        this.status = status;
        this.type = type;
        this.detail = detail;
        this.detailEn = detailEn;
        this.errors = List.copyOf(errors);
    }

    /** Bad input in named fields: 400. */
    public static ProblemException invalid(List<FieldProblem> errors) {
        return new ProblemException(
                HttpStatus.BAD_REQUEST, "invalid-input", "请求参数有误", "The request has invalid fields", errors);
    }

    public static ProblemException invalid(String field, String code, String message, String messageEn) {
        return invalid(List.of(new FieldProblem(field, code, message, messageEn)));
    }

    /** Well-formed input the domain rules reject, such as an overlapping grid: 422. */
    public static ProblemException unprocessable(String detail, String detailEn, List<FieldProblem> errors) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violation", detail, detailEn, errors);
    }

    /** The caller may not do this to this object (beyond the permission the endpoint checks): 403. */
    public static ProblemException forbidden(String detail, String detailEn) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", detail, detailEn, List.of());
    }

    public static ProblemException notFound(String detail, String detailEn) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", detail, detailEn, List.of());
    }

    /** The target changed under the caller (a concurrent edit): 409. */
    public static ProblemException conflict(String detail, String detailEn) {
        return new ProblemException(HttpStatus.CONFLICT, "conflict", detail, detailEn, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String detail() {
        return detail;
    }

    public String detailEn() {
        return detailEn;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
