package org.gridgov.field.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.field.DayAttendance;
import org.gridgov.field.DiaryEntry;
import org.gridgov.field.FieldFigure;
import org.gridgov.field.FieldSubject;
import org.gridgov.field.MonthAttendance;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The field days of the workers in a supervisor's scope: attendance, diaries and figures. */
@RestController
@RequestMapping("/api/field")
class SupervisionController {

    private final AttendanceDesk attendance;
    private final DiaryDesk diary;
    private final FigureDesk figures;

    SupervisionController(AttendanceDesk attendance, DiaryDesk diary, FigureDesk figures) {
        this.attendance = attendance;
        this.diary = diary;
        this.figures = figures;
    }

    /** A month (default this one) of the workers of an area (default the caller's scope), a page of workers. */
    @GetMapping("/attendance")
    @RequiresPermission(Permissions.FIELD_READ)
    MonthAttendance month(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) YearMonth month,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return attendance.month(region, month, PageQuery.of(page, size, 100));
    }

    /** A worker's day with its records and points, as far as they count for grids in the caller's scope. */
    @GetMapping("/workers/{userId}/days/{day}")
    @RequiresPermission(Permissions.FIELD_READ)
    DayAttendance workerDay(@PathVariable long userId, @PathVariable LocalDate day) {
        return attendance.workerDay(userId, day);
    }

    /** Diary entries of the grids under an area, of one worker or all, the latest first. */
    @GetMapping("/diary")
    @RequiresPermission(Permissions.FIELD_READ)
    PageResult<DiaryEntry> diary(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Long userId,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return diary.list(region, userId, from, to, PageQuery.of(page, size));
    }

    @GetMapping("/diary/{id}/photos/{photoId}")
    @RequiresPermission(Permissions.FIELD_READ)
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        return diary.photo(id, photoId).response();
    }

    /** Sign-in days, working days and diary entries per worker, grid or village (default this month). */
    @GetMapping("/figures")
    @RequiresPermission(Permissions.FIELD_READ)
    PageResult<FieldFigure> figures(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) FieldSubject by,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return figures.figures(region, from, to, by, PageQuery.of(page, size));
    }
}
