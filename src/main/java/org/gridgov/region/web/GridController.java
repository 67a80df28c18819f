package org.gridgov.region.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.ProblemException;
import org.gridgov.common.RequiresPermission;
import org.gridgov.region.DedicatedKind;
import org.gridgov.region.GridContent;
import org.gridgov.region.GridType;
import org.gridgov.region.LocatedGrid;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.internal.GridAdjustmentRecord;
import org.gridgov.region.internal.GridAdjustments;
import org.gridgov.region.internal.GridAdjustments.ImportResult;
import org.gridgov.region.internal.GridAdjustments.SplitPart;
import org.gridgov.region.internal.GridCatalog;
import org.gridgov.region.internal.GridFeatures;
import org.gridgov.region.internal.ImportFiles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Grids: locate a point, read and map them, import and export GeoJSON, and adjust them. */
@RestController
@RequestMapping("/api")
class GridController {

    /** A map draws a whole county's grids (about 2,000 in the demo) in one or two pages. */
    private static final int MAX_FEATURES_PAGE = 5000;

    private final GridCatalog catalog;
    private final GridAdjustments adjustments;
    private final ObjectMapper json;

    GridController(GridCatalog catalog, GridAdjustments adjustments, ObjectMapper json) {
        this.catalog = catalog;
        this.adjustments = adjustments;
        this.json = json;
    }

    @RequiresPermission(Permissions.REGION_READ)
    @GetMapping("/grids/locate")
    LocatedGrid locate(@RequestParam double lon, @RequestParam double lat) {
        return catalog.locateInScope(lon, lat)
                .orElseThrow(() -> ProblemException.notFound(
                        "坐标 [" + lon + ", " + lat + "] 不在任何网格内",
                        "No grid contains the point [" + lon + ", " + lat + "]"));
    }

    @RequiresPermission(Permissions.REGION_READ)
    @GetMapping(
            value = "/grids/features",
            produces = {"application/geo+json", "application/json"})
    ObjectNode features(
            @RequestParam String region,
            @RequestParam(required = false) RegionLevel level,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return GridFeatures.collection(catalog.under(region, level, PageQuery.of(page, size, MAX_FEATURES_PAGE)));
    }

    /** Every current grid under a region as one FeatureCollection file, streamed feature by feature. */
    @RequiresPermission(Permissions.GRID_EXPORT)
    @GetMapping("/grids/export")
    void export(@RequestParam String region, HttpServletResponse response) throws IOException {
        catalog.under(region, null, new PageQuery(0, 1));
        response.setContentType("application/geo+json;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"grids-" + region + ".geojson\"");
        try (var out = response.getOutputStream()) {
            out.write("{\"type\":\"FeatureCollection\",\"features\":[".getBytes());
            boolean[] first = {true};
            catalog.export(region, grid -> {
                try {
                    if (!first[0]) {
                        out.write(',');
                    }
                    first[0] = false;
                    out.write(json.writeValueAsBytes(GridFeatures.feature(grid)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.write("]}".getBytes());
        }
    }

    @RequiresPermission(Permissions.GRID_WRITE)
    @PostMapping("/grids/import")
    ImportResult importGrids(
            @RequestBody JsonNode collection,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Instant effectiveAt) {
        return adjustments.importGrids(GridFeatures.collection(collection), reason, effectiveAt);
    }

    /** The same import from an uploaded GeoJSON file ({@code file}); a file that is no JSON is a 400 naming it. */
    @RequiresPermission(Permissions.GRID_WRITE)
    @PostMapping(value = "/grids/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult importGridFile(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Instant effectiveAt) {
        var collection = ImportFiles.featureCollection(ImportFiles.bytes(file), json);
        return adjustments.importGrids(GridFeatures.collection(collection), reason, effectiveAt);
    }

    @RequiresPermission(Permissions.GRID_WRITE)
    @PostMapping("/grids")
    @ResponseStatus(HttpStatus.CREATED)
    GridView create(@RequestBody JsonNode feature, @RequestParam(required = false) String reason) {
        var grid = adjustments.create(GridFeatures.feature(feature), reason, null);
        return GridView.of(catalog.detail(grid.code()));
    }

    @RequiresPermission(Permissions.REGION_READ)
    @GetMapping("/grids/{code}")
    GridView grid(@PathVariable String code) {
        return GridView.of(catalog.detail(code));
    }

    @RequiresPermission(Permissions.REGION_READ)
    @GetMapping("/grids/{code}/versions")
    PageResult<GridVersionView> versions(
            @PathVariable String code,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return catalog.versions(code, PageQuery.of(page, size)).map(GridVersionView::of);
    }

    record Redraw(JsonNode geometry, String reason, Instant effectiveAt) {}

    @RequiresPermission(Permissions.GRID_WRITE)
    @PostMapping("/grids/{code}/redraw")
    GridView redraw(@PathVariable String code, @RequestBody Redraw request) {
        var outline = GridFeatures.outline(request.geometry(), "geometry");
        var grid = adjustments.redraw(code, outline, request.reason(), request.effectiveAt());
        return GridView.of(catalog.detail(grid.code()));
    }

    record Part(String name, GridType type, DedicatedKind dedicatedKind, JsonNode geometry) {}

    record Split(List<Part> parts, String reason, Instant effectiveAt) {}

    @RequiresPermission(Permissions.GRID_WRITE)
    @PostMapping("/grids/{code}/split")
    List<GridView> split(@PathVariable String code, @RequestBody Split request) {
        if (request.parts() == null) {
            throw ProblemException.invalid("parts", "required", "缺少拆分部分", "parts are required");
        }
        var parts = new ArrayList<SplitPart>();
        for (int i = 0; i < request.parts().size(); i++) {
            var part = request.parts().get(i);
            parts.add(new SplitPart(
                    part.name(),
                    part.type(),
                    part.dedicatedKind(),
                    GridFeatures.outline(part.geometry(), "parts[" + i + "].geometry")));
        }
        return adjustments.split(code, parts, request.reason(), request.effectiveAt()).stream()
                .map(grid -> GridView.of(catalog.detail(grid.code())))
                .toList();
    }

    record Merge(
            List<String> codes,
            String name,
            GridType type,
            DedicatedKind dedicatedKind,
            String reason,
            Instant effectiveAt) {}

    @RequiresPermission(Permissions.GRID_WRITE)
    @PostMapping("/grids/merge")
    GridView merge(@RequestBody Merge request) {
        var grid = adjustments.merge(
                request.codes(),
                request.name(),
                request.type(),
                request.dedicatedKind(),
                request.reason(),
                request.effectiveAt());
        return GridView.of(catalog.detail(grid.code()));
    }

    /**
     * @param successorCode the grid that takes over the residents, houses, places, organizations and open events still
     *     in the retired grid; required when it holds any
     */
    record GridRetirement(String reason, String successorCode, Instant effectiveAt) {}

    @RequiresPermission(Permissions.GRID_WRITE)
    @PostMapping("/grids/{code}/retire")
    GridView retire(@PathVariable String code, @RequestBody(required = false) GridRetirement request) {
        var retire = request == null ? new GridRetirement(null, null, null) : request;
        adjustments.retire(code, retire.reason(), retire.successorCode(), retire.effectiveAt());
        return GridView.of(catalog.detail(code));
    }

    /** What the other modules keep in a grid, by kind: what retiring it would have to move to a successor. */
    @RequiresPermission(Permissions.GRID_WRITE)
    @GetMapping("/grids/{code}/contents")
    List<GridContent> contents(@PathVariable String code) {
        return adjustments.contents(code);
    }

    @RequiresPermission(Permissions.REGION_READ)
    @GetMapping("/grid-adjustments")
    PageResult<GridAdjustmentRecord> adjustments(
            @RequestParam String region,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return catalog.adjustments(region, PageQuery.of(page, size));
    }
}
