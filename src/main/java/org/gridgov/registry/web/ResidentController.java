package org.gridgov.registry.web;

import java.util.List;
import java.util.Map;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.registry.internal.CodeValue;
import org.gridgov.registry.internal.FiguresDesk;
import org.gridgov.registry.internal.RegistryFigures;
import org.gridgov.registry.internal.ResidentDesk;
import org.gridgov.registry.internal.ResidentDesk.SearchQuery;
import org.gridgov.registry.internal.ResidentDraft;
import org.gridgov.registry.internal.ResidentView;
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

/** The resident register (实有人口) of the caller's scope: search, add, change, move, retire, history, unmask. */
@RestController
@RequestMapping("/api/registry")
class ResidentController {

    private final ResidentDesk desk;
    private final FiguresDesk figures;

    ResidentController(ResidentDesk desk, FiguresDesk figures) {
        this.desk = desk;
        this.figures = figures;
    }

    /** Residents matching every given filter (see {@link SearchQuery}), a page at a time. */
    @GetMapping("/residents")
    @RequiresPermission(Permissions.REGISTRY_READ)
    PageResult<ResidentView> search(
            SearchQuery filter,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.search(filter, PageQuery.of(page, size));
    }

    @PostMapping("/residents")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    ResponseEntity<ResidentView> create(@RequestBody ResidentDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(desk.create(draft));
    }

    /** One resident; reading it is audited. */
    @GetMapping("/residents/{id}")
    @RequiresPermission(Permissions.REGISTRY_READ)
    ResidentView get(@PathVariable long id) {
        return desk.open(id);
    }

    @PutMapping("/residents/{id}")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    ResidentView update(@PathVariable long id, @RequestBody ResidentDraft draft) {
        return desk.update(id, draft);
    }

    /**
     * Retires a resident with a reason; {@code "enteredInError": true} for a record that was never a person of the
     * register, which frees its ID number for the real record.
     */
    @PostMapping("/residents/{id}/retire")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    ResidentView retire(@PathVariable long id, @RequestBody ResidentRetirement body) {
        return desk.retire(id, body.version(), body.reason(), Boolean.TRUE.equals(body.enteredInError()));
    }

    /** Takes a retired resident back, with a reason; 409 while another record holds the ID number. */
    @PostMapping("/residents/{id}/reinstate")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    ResidentView reinstate(@PathVariable long id, @RequestBody Retirement body) {
        return desk.reinstate(id, body.version(), body.reason());
    }

    /** The body of a resident's retirement: {@code {"version": n, "reason": "…", "enteredInError": false}}. */
    record ResidentRetirement(Integer version, String reason, Boolean enteredInError) {}

    @GetMapping("/residents/{id}/history")
    @RequiresPermission(Permissions.REGISTRY_READ)
    PageResult<?> history(
            @PathVariable long id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.history(id, PageQuery.of(page, size));
    }

    /** The plain ID number, phone and document number, for a stated purpose; every call is audited. */
    @GetMapping("/residents/{id}/unmasked")
    @RequiresPermission(Permissions.PERSONAL_UNMASK)
    ResidentDesk.Unmasked unmask(@PathVariable long id, @RequestParam(required = false) String purpose) {
        return desk.unmask(id, purpose);
    }

    /** Someone saw the person and confirms the record is right (核实): it no longer counts as unverified. */
    @PostMapping("/residents/{id}/confirm")
    @RequiresPermission(Permissions.REGISTRY_WRITE)
    ResponseEntity<Void> confirm(@PathVariable long id) {
        figures.confirm(id);
        return ResponseEntity.noContent().build();
    }

    /** Residents, households and houses per township, village or grid one level below {@code region}. */
    @GetMapping("/figures")
    @RequiresPermission(Permissions.REGISTRY_READ)
    List<RegistryFigures.AreaCounts> counts(@RequestParam(required = false) String region) {
        return figures.counts(region);
    }

    /** The grids under {@code region} whose records are least complete or least recently confirmed, first. */
    @GetMapping("/quality")
    @RequiresPermission(Permissions.REGISTRY_READ)
    PageResult<RegistryFigures.GridQuality> quality(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return figures.quality(region, PageQuery.of(page, size));
    }

    /** The code sets forms and import templates offer (民族, 与户主关系, 学历, 政治面貌, 流入原因…). */
    @GetMapping("/codes")
    @RequiresPermission(Permissions.REGISTRY_READ)
    Map<String, List<CodeValue>> codes() {
        return desk.codes();
    }
}
