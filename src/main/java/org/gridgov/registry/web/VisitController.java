package org.gridgov.registry.web;

import java.time.LocalDate;
import java.util.List;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.photo.StoredPhoto;
import org.gridgov.registry.internal.PlannedVisit;
import org.gridgov.registry.internal.VisitDesk;
import org.gridgov.registry.internal.VisitDraft;
import org.gridgov.registry.internal.VisitSchedule;
import org.gridgov.registry.internal.VisitView;
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

/**
 * Visits (走访): the plan of upcoming visits in the caller's scope, recording one (with photos sent after it, as a
 * phone's offline queue does), the lists of visits, and the schedules a deployment keeps.
 */
@RestController
@RequestMapping("/api/visits")
class VisitController {

    private final VisitDesk desk;

    VisitController(VisitDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/schedules")
    @RequiresPermission(Permissions.REGISTRY_READ)
    List<VisitSchedule> schedules() {
        return desk.schedules();
    }

    @PutMapping("/schedules/{code}")
    @RequiresPermission(Permissions.REGISTRY_DEFINE)
    VisitSchedule change(@PathVariable String code, @RequestBody VisitSchedule.Change change) {
        return desk.change(code, change);
    }

    /** {@code window}: OVERDUE, WEEK (the default: overdue and due by Sunday) or ALL. */
    @GetMapping("/plan")
    @RequiresPermission(Permissions.REGISTRY_READ)
    PageResult<PlannedVisit> plan(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String window,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.plan(region, window, PageQuery.of(page, size));
    }

    @GetMapping("/plan/summary")
    @RequiresPermission(Permissions.REGISTRY_READ)
    PlannedVisit.Summary summary(@RequestParam(required = false) String region) {
        return desk.summary(region);
    }

    /** Records of a kind (HOUSEHOLD, HOUSE, PLACE, PERSON) whose name holds {@code q}, for a visit outside the plan. */
    @GetMapping("/targets")
    @RequiresPermission(Permissions.REGISTRY_READ)
    PageResult<PlannedVisit> targets(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.targets(kind, q, region, PageQuery.of(page, size));
    }

    /** 201 with the visit; 200 with the same visit when the request id was sent before. */
    @PostMapping
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    ResponseEntity<VisitView> record(@RequestBody VisitDraft draft) {
        var written = desk.record(draft);
        return ResponseEntity.status(written.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(written.visit());
    }

    @GetMapping
    @RequiresPermission(Permissions.REGISTRY_READ)
    PageResult<VisitView> list(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String subjectKind,
            @RequestParam(required = false) Long subjectId,
            @RequestParam(required = false) Boolean mine,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.list(
                new VisitDesk.VisitQuery(region, subjectKind, subjectId, mine, from, to), PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.REGISTRY_READ)
    VisitView get(@PathVariable long id) {
        return desk.get(id);
    }

    /** A photo of one's own visit (multipart field {@code file}), on its day or the two after. */
    @PostMapping("/{id}/photos")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    StoredPhoto addPhoto(@PathVariable long id, @RequestParam(required = false) MultipartFile file) {
        return desk.addPhoto(id, file);
    }

    @GetMapping("/{id}/photos")
    @RequiresPermission(Permissions.REGISTRY_READ)
    PageResult<VisitView.Photo> photos(
            @PathVariable long id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.photos(id, PageQuery.of(page, size));
    }

    @GetMapping("/{id}/photos/{photoId}")
    @RequiresPermission(Permissions.REGISTRY_READ)
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        return desk.photo(id, photoId).response();
    }
}
