package org.gridgov.audit.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.gridgov.audit.AuditAction;
import org.gridgov.audit.AuditLog;
import org.gridgov.audit.AuditResult;
import org.gridgov.audit.ChainVerification;
import org.gridgov.audit.internal.AuditCriteria;
import org.gridgov.audit.internal.AuditRecord;
import org.gridgov.audit.internal.AuditSearch;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.ProblemException;
import org.gridgov.common.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Auditors search the audit log and check that its hash chain is intact. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditSearch search;
    private final AuditLog log;

    AuditController(AuditSearch search, AuditLog log) {
        this.search = search;
        this.log = log;
    }

    /** Records newest first; {@code from} is inclusive and {@code to} exclusive, both ISO-8601 with an offset. */
    @GetMapping
    @RequiresPermission(Permissions.AUDIT_READ)
    PageResult<AuditRecord> search(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String objectType,
            @RequestParam(required = false) String objectId,
            @RequestParam(required = false) String result,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        var errors = new ArrayList<FieldProblem>();
        Instant fromTime = instant("from", from, errors);
        Instant toTime = instant("to", to, errors);
        if (fromTime != null && toTime != null && fromTime.isAfter(toTime)) {
            errors.add(new FieldProblem("from", "range", "开始时间不能晚于结束时间", "from must not be after to"));
        }
        var criteria = new AuditCriteria(
                fromTime,
                toTime,
                blankToNull(username),
                option("action", action, AuditAction.class, errors),
                blankToNull(objectType),
                blankToNull(objectId),
                option("result", result, AuditResult.class, errors));
        PageQuery pageQuery;
        try {
            pageQuery = PageQuery.of(page, size);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
            pageQuery = null;
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return search.search(criteria, pageQuery);
    }

    @GetMapping("/verify")
    @RequiresPermission(Permissions.AUDIT_READ)
    ChainVerification verify() {
        return log.verify();
    }

    private static Instant instant(String field, String value, List<FieldProblem> errors) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldProblem(
                    field,
                    "format",
                    "时间 " + field + " 须为带时区的 ISO-8601 格式，如 2025-01-01T08:00:00+08:00",
                    field + " must be an ISO-8601 date-time with an offset, such as 2025-01-01T08:00:00+08:00"));
            return null;
        }
    }

    private static <E extends Enum<E>> E option(String field, String value, Class<E> type, List<FieldProblem> errors) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        errors.add(new FieldProblem(
                field,
                "unknown",
                field + " 的取值 “" + text + "” 无效，可选：" + allowed,
                field + " has an unknown value '" + text + "'; one of " + allowed));
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
