package org.gridgov.field.internal;

import java.time.LocalDate;
import java.util.Map;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.field.DayAttendance;
import org.gridgov.field.DiaryCommand;
import org.gridgov.field.DiaryEntry;
import org.gridgov.field.SignCommand;
import org.gridgov.field.SignRecord;
import org.gridgov.photo.StoredPhoto;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A worker's own field day: sign-in and sign-out, the day as it stands, the field diary with its photos. */
@RestController
@RequestMapping("/api/field/my")
class MyDayController {

    private final SignDesk signs;
    private final AttendanceDesk attendance;
    private final DiaryDesk diary;

    MyDayController(SignDesk signs, AttendanceDesk attendance, DiaryDesk diary) {
        this.signs = signs;
        this.attendance = attendance;
        this.diary = diary;
    }

    /** 201 with the record made; 200 with the first record when the request id was sent before. */
    @PostMapping("/sign-ins")
    @RequiresPermission(Permissions.FIELD_WRITE)
    ResponseEntity<SignRecord> sign(@RequestBody SignCommand command) {
        var signed = signs.sign(command);
        return ResponseEntity.status(signed.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(signed.record());
    }

    /** The caller's day (today by default) with its records, points included: they are the caller's own. */
    @GetMapping("/day")
    @RequiresPermission(Permissions.FIELD_WRITE)
    DayAttendance day(@RequestParam(required = false) LocalDate day) {
        return attendance.myDay(day);
    }

    /** The grids the caller serves today, code to name, in which a sign-in counts as inside. */
    @GetMapping("/grids")
    @RequiresPermission(Permissions.FIELD_WRITE)
    Map<String, String> grids() {
        return attendance.myGrids();
    }

    /** A photo for a diary entry to take (multipart field {@code file}); unattached photos go after a day. */
    @PostMapping("/photos")
    @RequiresPermission(Permissions.FIELD_WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    StoredPhoto upload(@RequestParam(required = false) MultipartFile file) {
        return diary.upload(file);
    }

    @PostMapping("/diary")
    @RequiresPermission(Permissions.FIELD_WRITE)
    ResponseEntity<DiaryEntry> write(@RequestBody DiaryCommand command) {
        var written = diary.write(command);
        return ResponseEntity.status(written.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(written.entry());
    }

    /** A change of the caller's entry, on its day only. */
    @PutMapping("/diary/{id}")
    @RequiresPermission(Permissions.FIELD_WRITE)
    DiaryEntry change(@PathVariable long id, @RequestBody DiaryCommand command) {
        return diary.change(id, command);
    }

    /** The caller's entries from {@code from} to {@code to} (default the last 30 days), the latest first. */
    @GetMapping("/diary")
    @RequiresPermission(Permissions.FIELD_WRITE)
    PageResult<DiaryEntry> mine(
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return diary.mine(from, to, PageQuery.of(page, size));
    }

    @GetMapping("/diary/{id}/photos/{photoId}")
    @RequiresPermission(Permissions.FIELD_WRITE)
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        return diary.myPhoto(id, photoId).response();
    }
}
