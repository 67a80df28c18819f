package org.gridgov.event.web;

import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.event.internal.CalendarAdministration;
import org.gridgov.event.internal.CalendarAdministration.CalendarDay;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The working calendar's exception days: public holidays and weekend working days (调休上班), by year. */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    /** A year has a few dozen exception days; a calendar view shows them all at once. */
    private static final int MAX_PAGE = 366;

    private final CalendarAdministration administration;

    CalendarController(CalendarAdministration administration) {
        this.administration = administration;
    }

    @RequiresPermission(Permissions.EVENT_READ)
    @GetMapping
    PageResult<CalendarDay> year(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return administration.year(year, PageQuery.of(page, size, MAX_PAGE));
    }

    /** The kind is HOLIDAY or WORKDAY; the name, such as 国庆节, is optional. */
    record DayChange(String kind, String name) {}

    /**
     * Adds or changes the day: 201 when it is new, 200 when it changed. The day is taken as text and checked inside,
     * so that a caller without the permission is refused with 403 before any input is judged.
     */
    @RequiresPermission(Permissions.CALENDAR_WRITE)
    @PutMapping("/{day}")
    ResponseEntity<CalendarDay> save(@PathVariable String day, @RequestBody(required = false) DayChange change) {
        var body = change == null ? new DayChange(null, null) : change;
        var saved = administration.save(day, body.kind(), body.name());
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(saved.day());
    }

    @RequiresPermission(Permissions.CALENDAR_WRITE)
    @DeleteMapping("/{day}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String day) {
        administration.delete(day);
    }
}
