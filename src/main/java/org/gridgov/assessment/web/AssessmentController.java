package org.gridgov.assessment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.gridgov.assessment.Adjustment;
import org.gridgov.assessment.AdjustmentCommand;
import org.gridgov.assessment.ClosedPeriod;
import org.gridgov.assessment.ClosedPeriods;
import org.gridgov.assessment.EventLine;
import org.gridgov.assessment.IndicatorDefinition;
import org.gridgov.assessment.SchemeCommand;
import org.gridgov.assessment.SchemeVersion;
import org.gridgov.assessment.SchemeView;
import org.gridgov.assessment.Score;
import org.gridgov.assessment.TrendPoint;
import org.gridgov.assessment.internal.AdjustmentDesk;
import org.gridgov.assessment.internal.AssessmentDesk;
import org.gridgov.assessment.internal.Bulletins;
import org.gridgov.assessment.internal.PeriodClosing;
import org.gridgov.assessment.internal.SchemeDesk;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.common.Xlsx;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Assessment: rankings ({@code ?level=&region=&period=}), a subject's score ({@code TYPE:code}) and the events behind
 * each figure, bulletins, adjustments, schemes and closing periods. Periods are written 2026-11, 2026-Q4 or 2026.
 */
@RestController
@RequestMapping("/api/assessment")
class AssessmentController {

    private final AssessmentDesk assessment;
    private final AdjustmentDesk adjustments;
    private final Bulletins bulletins;
    private final PeriodClosing closing;
    private final SchemeDesk schemes;

    AssessmentController(
            AssessmentDesk assessment,
            AdjustmentDesk adjustments,
            Bulletins bulletins,
            PeriodClosing closing,
            SchemeDesk schemes) {
        this.assessment = assessment;
        this.adjustments = adjustments;
        this.bulletins = bulletins;
        this.closing = closing;
        this.schemes = schemes;
    }

    @GetMapping("/rankings")
    @RequiresPermission(Permissions.ASSESSMENT_READ)
    PageResult<Score> rankings(
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return assessment.rankings(level, region, period, PageQuery.of(page, size));
    }

    @GetMapping("/scores/{subject}")
    @RequiresPermission(Permissions.ASSESSMENT_READ)
    Score score(@PathVariable String subject, @RequestParam(required = false) String period) {
        return assessment.score(subject, period);
    }

    /** The subject's score in the {@code count} periods up to {@code period} (six by default), oldest first. */
    @GetMapping("/scores/{subject}/trend")
    @RequiresPermission(Permissions.ASSESSMENT_READ)
    PageResult<TrendPoint> trend(
            @PathVariable String subject,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) Integer count) {
        var points = assessment.trend(subject, period, count);
        return PageResult.of(points, new PageQuery(0, points.size()), points.size());
    }

    @GetMapping("/scores/{subject}/events")
    @RequiresPermission(Permissions.ASSESSMENT_READ)
    PageResult<EventLine> events(
            @PathVariable String subject,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return assessment.events(subject, period, indicator, PageQuery.of(page, size));
    }

    @GetMapping("/bulletin")
    @RequiresPermission(Permissions.ASSESSMENT_READ)
    Bulletins.Bulletin bulletin(
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String period) {
        return bulletins.bulletin(level, region, period);
    }

    /** The bulletin as a workbook with every subject's figures. */
    @GetMapping("/bulletin/export")
    @RequiresPermission(Permissions.ASSESSMENT_READ)
    void bulletinWorkbook(
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String period,
            HttpServletResponse response)
            throws IOException {
        var bulletin = bulletins.bulletin(level, region, period);
        Xlsx.attachment(response, bulletin.title() + ".xlsx");
        bulletins.workbook(bulletin, response.getOutputStream());
    }

    @GetMapping("/adjustments")
    @RequiresPermission(Permissions.ASSESSMENT_READ)
    PageResult<Adjustment> adjustments(
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return adjustments.list(period, subject, status, PageQuery.of(page, size));
    }

    @PostMapping("/adjustments")
    @RequiresPermission(Permissions.ASSESSMENT_ADJUST)
    ResponseEntity<Adjustment> enter(@RequestBody AdjustmentCommand command) {
        return ResponseEntity.status(HttpStatus.CREATED).body(adjustments.enter(command));
    }

    record Decision(String note) {}

    @PostMapping("/adjustments/{id}/approve")
    @RequiresPermission(Permissions.ASSESSMENT_APPROVE)
    Adjustment approve(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        return adjustments.approve(id, decision == null ? null : decision.note());
    }

    @PostMapping("/adjustments/{id}/reject")
    @RequiresPermission(Permissions.ASSESSMENT_APPROVE)
    Adjustment reject(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        return adjustments.reject(id, decision == null ? null : decision.note());
    }

    record CloseCommand(String county) {}

    /** Closes an ended period of the caller's county: its figures are frozen from then on. */
    @PostMapping("/periods/{period}/close")
    @RequiresPermission(Permissions.ASSESSMENT_MANAGE)
    ClosedPeriod close(@PathVariable String period, @RequestBody(required = false) CloseCommand command) {
        return closing.close(period, command == null ? null : command.county());
    }

    /** Closes an ended period for every county of the caller's area that has not been closed yet. */
    @PostMapping("/periods/{period}/close-all")
    @RequiresPermission(Permissions.ASSESSMENT_MANAGE)
    ClosedPeriods closeAll(@PathVariable String period) {
        return closing.closeAll(period);
    }

    @GetMapping("/schemes/{type}")
    @RequiresPermission(Permissions.ASSESSMENT_READ)
    SchemeView scheme(@PathVariable String type, @RequestParam(required = false) String period) {
        return schemes.effective(type, period);
    }

    /** The versions of a type's scheme that apply to the caller's county, latest first. */
    @GetMapping("/schemes/{type}/versions")
    @RequiresPermission(Permissions.ASSESSMENT_READ)
    PageResult<SchemeVersion> schemeVersions(
            @PathVariable String type,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return schemes.versions(type, PageQuery.of(page, size));
    }

    /** Every indicator with its names, its kind and the subject types that have it. */
    @GetMapping("/indicators")
    @RequiresPermission(Permissions.ASSESSMENT_READ)
    List<IndicatorDefinition> indicators() {
        return schemes.indicators();
    }

    @PutMapping("/schemes/{type}")
    @RequiresPermission(Permissions.ASSESSMENT_MANAGE)
    SchemeView saveScheme(@PathVariable String type, @RequestBody SchemeCommand command) {
        return schemes.save(type, command);
    }
}
