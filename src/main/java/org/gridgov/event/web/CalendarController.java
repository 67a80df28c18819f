package org.gridgov.event.web;

import java.util.List;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.ProblemException;
import org.gridgov.common.RequiresPermission;
import org.gridgov.event.internal.CalendarAdministration;
import org.gridgov.event.internal.CalendarAdministration.CalendarChange;
import org.gridgov.event.internal.CalendarAdministration.CalendarDay;
import org.gridgov.event.internal.CalendarAdministration.DayEntry;
import org.gridgov.event.internal.CalendarAdministration.NoticeReading;
import org.gridgov.event.internal.CalendarAdministration.YearEntered;
import org.gridgov.event.internal.CalendarCoverage;
import org.gridgov.event.internal.CalendarCoverage.CalendarStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working calendar's exception days: public holidays and weekend working days (调休上班), by year. Anyone who
 * reads events may read it; only county-level keepers of the county's rules ({@code rules:write}) change it.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    /** A year has a few dozen exception days; a calendar view shows them all at once. */
    private static final int MAX_PAGE = 366;

    private final CalendarAdministration administration;
    private final CalendarCoverage coverage;

    CalendarController(CalendarAdministration administration, CalendarCoverage coverage) {
        this.administration = administration;
        this.coverage = coverage;
    }

    @RequiresPermission(Permissions.EVENT_READ)
    @GetMapping
    PageResult<CalendarDay> year(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return administration.year(year, PageQuery.of(page, size, MAX_PAGE));
    }

    /** Whether this year and, from 1 November, the next are entered; the console's banner and the health check. */
    @RequiresPermission(Permissions.EVENT_READ)
    @GetMapping("/status")
    CalendarStatus status() {
        return coverage.status();
    }

    /** Who changed which day of a year, from what to what, newest first. */
    @RequiresPermission(Permissions.EVENT_READ)
    @GetMapping("/changes")
    PageResult<CalendarChange> changes(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return administration.changes(year, PageQuery.of(page, size));
    }

    /** The kind is HOLIDAY or WORKDAY; the name, such as 国庆节, is optional. */
    record DayChange(String kind, String name) {}

    /**
     * Adds or changes the day: 201 when it is new, 200 when it changed. The day is taken as text and checked inside,
     * so that a caller without the permission is refused with 403 before any input is judged.
     */
    @RequiresPermission(Permissions.RULES_WRITE)
    @PutMapping("/{day}")
    ResponseEntity<CalendarDay> save(@PathVariable String day, @RequestBody(required = false) DayChange change) {
        var body = change == null ? new DayChange(null, null) : change;
        var saved = administration.save(day, body.kind(), body.name());
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(saved.day());
    }

    @RequiresPermission(Permissions.RULES_WRITE)
    @DeleteMapping("/{day}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String day) {
        administration.delete(day);
    }

    /** Every exception day of the year; days not listed follow the Monday-Friday week. */
    record YearDays(List<DayEntry> days) {}

    /** Enters a whole year, such as from the State Council notice; provisional deadlines are counted again. */
    @RequiresPermission(Permissions.RULES_WRITE)
    @PutMapping("/years/{year}")
    YearEntered enterYear(@PathVariable String year, @RequestBody(required = false) YearDays body) {
        return administration.enterYear(parseYear(year), body == null || body.days() == null ? List.of() : body.days());
    }

    /** The notice's text and the year it is for. */
    record Notice(Integer year, String text) {}

    /** Reads a pasted notice and answers the days it names, saving nothing, for the keeper to check first. */
    @RequiresPermission(Permissions.RULES_WRITE)
    @PostMapping("/notice-reading")
    NoticeReading readNotice(@RequestBody(required = false) Notice notice) {
        var body = notice == null ? new Notice(null, null) : notice;
        return administration.readNotice(body.year(), body.text());
    }

    private static int parseYear(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(
                    "year", "format", "年份须为四位数字，如 2027", "year must be four digits, such as 2027");
        }
    }
}
