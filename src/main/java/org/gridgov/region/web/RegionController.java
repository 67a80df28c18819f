package org.gridgov.region.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumSet;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.ProblemException;
import org.gridgov.common.RequiresPermission;
import org.gridgov.common.Xlsx;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionNode;
import org.gridgov.region.internal.GridFeatures;
import org.gridgov.region.internal.RegionCatalog;
import org.gridgov.region.internal.RegionCatalog.RegionDetail;
import org.gridgov.region.internal.RegionCatalog.RegionVersion;
import org.gridgov.region.internal.RegionOutlines;
import org.gridgov.region.internal.RegionRegister;
import org.gridgov.region.internal.RegionRegister.RegionDraft;
import org.gridgov.region.internal.RegionRegister.VillageImport;
import org.gridgov.region.internal.VillageImports;
import org.springframework.http.HttpStatus;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The region tree: one node, its children, search by name, the township and village outlines of the base map, and
 * adding townships and villages (one or many).
 */
@RestController
@RequestMapping("/api/regions")
class RegionController {

    /** A tree view may ask for a whole level at once: a township has a few dozen villages, a village a few grids. */
    private static final int MAX_CHILDREN_PAGE = 500;

    private final RegionCatalog catalog;
    private final RegionRegister register;
    private final VillageImports villages;
    private final RegionOutlines outlines;

    RegionController(RegionCatalog catalog, RegionRegister register, VillageImports villages, RegionOutlines outlines) {
        this.catalog = catalog;
        this.register = register;
        this.villages = villages;
        this.outlines = outlines;
    }

    @RequiresPermission(Permissions.REGION_READ)
    @GetMapping("/{code}")
    RegionDetail region(@PathVariable String code) {
        return catalog.region(code);
    }

    @RequiresPermission(Permissions.REGION_READ)
    @GetMapping("/{code}/children")
    PageResult<RegionNode> children(
            @PathVariable String code,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return catalog.children(code, PageQuery.of(page, size, MAX_CHILDREN_PAGE));
    }

    /**
     * The township and village outlines meeting a region (inside it, or the ones it lies in) within the caller's
     * scope, both levels unless {@code level} names one. Bounded by the tree: one county has a few hundred.
     * {@code map:read}, not {@code region:read}: residents draw them under their reports (see Permissions.MAP_READ).
     */
    @RequiresPermission(Permissions.MAP_READ)
    @GetMapping(
            value = "/{code}/outlines",
            produces = {"application/geo+json", "application/json"})
    ObjectNode outlines(@PathVariable String code, @RequestParam(required = false) RegionLevel level) {
        if (level != null && level != RegionLevel.TOWNSHIP && level != RegionLevel.VILLAGE) {
            throw ProblemException.invalid(
                    "level",
                    "outline-level",
                    "level 必须是 TOWNSHIP（乡镇/街道）或 VILLAGE（村/社区）",
                    "level must be TOWNSHIP or VILLAGE");
        }
        var levels = level == null ? EnumSet.of(RegionLevel.TOWNSHIP, RegionLevel.VILLAGE) : EnumSet.of(level);
        return RegionOutlines.collection(outlines.meeting(code, levels));
    }

    @RequiresPermission(Permissions.REGION_READ)
    @GetMapping
    PageResult<RegionNode> search(
            @RequestParam String name,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        String fragment = name.trim();
        if (fragment.isEmpty() || fragment.length() > 50) {
            throw ProblemException.invalid("name", "length", "名称关键字须为 1 到 50 个字", "name must have 1 to 50 characters");
        }
        return catalog.search(fragment, PageQuery.of(page, size));
    }

    @RequiresPermission(Permissions.REGION_READ)
    @GetMapping("/{code}/versions")
    PageResult<RegionVersion> versions(
            @PathVariable String code,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return catalog.versions(code, PageQuery.of(page, size));
    }

    record Rename(String name, LocalDate validFrom) {}

    /** A new name from a date on (a renamed township or village); the old name stays valid before that date. */
    @RequiresPermission(Permissions.REGION_WRITE)
    @PutMapping("/{code}")
    RegionDetail rename(@PathVariable String code, @RequestBody Rename request) {
        register.rename(code, request.name(), request.validFrom());
        return catalog.region(code);
    }

    record RegionRetirement(LocalDate validTo, String successorCode) {}

    /** Ends an abolished or merged township or village; it must have nothing current below it. */
    @RequiresPermission(Permissions.REGION_WRITE)
    @PostMapping("/{code}/retire")
    PageResult<RegionVersion> retire(
            @PathVariable String code, @RequestBody(required = false) RegionRetirement request) {
        var retire = request == null ? new RegionRetirement(null, null) : request;
        register.retire(code, retire.validTo(), retire.successorCode());
        return catalog.versions(code, PageQuery.of(0, PageQuery.DEFAULT_SIZE));
    }

    /**
     * A township (9-digit code, under a county) or a village or community (12-digit code, under a township) to add;
     * the outline is optional.
     */
    record NewRegion(String code, String name, String parentCode, JsonNode geometry) {}

    @RequiresPermission(Permissions.REGION_WRITE)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RegionDetail create(@RequestBody NewRegion region) {
        var outline = region.geometry() == null || region.geometry().isNull()
                ? null
                : GridFeatures.outline(region.geometry(), "geometry");
        String code = region.code() == null ? null : region.code().strip();
        String parent = region.parentCode() == null || region.parentCode().isBlank()
                ? null
                : region.parentCode().strip();
        register.create(new RegionDraft("", "geometry", code, region.name(), parent, outline));
        return catalog.region(code);
    }

    /**
     * Adds villages from a workbook (see the template) or a GeoJSON FeatureCollection ({@code file}), all or nothing:
     * 422 listing every refused row by field ({@code rows[7].code}, {@code features[2].properties.parentCode}).
     */
    @RequiresPermission(Permissions.REGION_WRITE)
    @PostMapping("/import")
    VillageImport importVillages(@RequestParam(required = false) MultipartFile file) {
        return villages.importFile(file);
    }

    /** The workbook to fill in for a village import. */
    @RequiresPermission(Permissions.REGION_WRITE)
    @GetMapping("/import/template")
    void template(HttpServletResponse response) throws IOException {
        Xlsx.attachment(response, "村（社区）导入模板.xlsx");
        try (var out = response.getOutputStream()) {
            villages.writeTemplate(out);
        }
    }
}
