package org.gridgov.region.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.ProblemException;
import org.gridgov.region.GridType;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionNode;
import org.gridgov.region.RegionRef;
import org.springframework.stereotype.Service;

/** Reads the tree below the deployment's root: regions down to villages, then grids and the levels below them. */
@Service
public class RegionCatalog {

    private static final int[] REGION_CODE_LENGTHS = {2, 4, 6, 9, 12};

    private final RegionRepository regions;
    private final GridRepository grids;
    private final RegionSettings settings;
    private final RegionScope scope;

    RegionCatalog(RegionRepository regions, GridRepository grids, RegionSettings settings, RegionScope scope) {
        this.regions = regions;
        this.grids = grids;
        this.settings = settings;
        this.scope = scope;
    }

    /** A node with its validity and its ancestors. */
    public record RegionDetail(
            String code,
            String name,
            RegionLevel level,
            String parentCode,
            boolean hasChildren,
            GridType gridType,
            LocalDate validFrom,
            LocalDate validTo,
            List<RegionRef> path) {}

    public String rootCode() {
        return settings.rootCode();
    }

    public RegionDetail region(String code) {
        requireInTree(code);
        if (isGridCode(code)) {
            var grid = grids.findCurrent(code).orElseThrow(() -> notFound(code));
            return new RegionDetail(
                    grid.code(),
                    grid.name(),
                    grid.regionLevel(),
                    grid.parentCode(),
                    grids.hasChildGrids(code),
                    grid.type(),
                    null,
                    null,
                    path(code));
        }
        var row = regions.findCurrent(code).orElseThrow(() -> notFound(code));
        return new RegionDetail(
                row.code(),
                row.name(),
                row.level(),
                row.parentCode(),
                regions.hasChildren(code),
                null,
                row.validFrom(),
                row.validTo(),
                path(code));
    }

    /** One dated row of a region: its name and parent over a period, and its successor if it was merged away. */
    public record RegionVersion(
            String code,
            String name,
            RegionLevel level,
            LocalDate validFrom,
            LocalDate validTo,
            String successorCode) {}

    public PageResult<RegionVersion> versions(String code, PageQuery page) {
        requireInTree(code);
        long total = regions.countVersions(code);
        if (total == 0) {
            throw notFound(code);
        }
        var rows = regions.versions(code, page).stream()
                .map(r ->
                        new RegionVersion(r.code(), r.name(), r.level(), r.validFrom(), r.validTo(), r.successorCode()))
                .toList();
        return PageResult.of(rows, page, total);
    }

    public PageResult<RegionNode> children(String code, PageQuery page) {
        requireInTree(code);
        if (isGridCode(code)) {
            var grid = grids.findCurrent(code).orElseThrow(() -> notFound(code));
            return PageResult.of(
                    grids.childNodes(grid.code(), false, scopeGrids(), page),
                    page,
                    grids.countChildNodes(grid.code(), false, scopeGrids()));
        }
        var row = regions.findCurrent(code).orElseThrow(() -> notFound(code));
        if (row.level() == RegionLevel.VILLAGE) {
            // A caller who covers grids sees their own among the village's grids, not the others.
            return PageResult.of(
                    grids.childNodes(code, true, scopeGrids(), page),
                    page,
                    grids.countChildNodes(code, true, scopeGrids()));
        }
        return PageResult.of(regions.children(code, page), page, regions.countChildren(code));
    }

    /** Regions, then grids, whose names contain {@code fragment}; one page over both. */
    public PageResult<RegionNode> search(String fragment, PageQuery page) {
        var scope = this.scope.data();
        String root = scope.prefix();
        long regionCount = regions.countByName(root, fragment);
        long gridCount = grids.countByName(scope, fragment);
        var content = new ArrayList<RegionNode>();
        if (page.offset() < regionCount) {
            content.addAll(regions.searchByName(root, fragment, page));
        }
        int missing = page.size() - content.size();
        if (missing > 0 && page.offset() + content.size() < regionCount + gridCount) {
            long gridOffset = Math.max(0, page.offset() - regionCount);
            content.addAll(grids.searchByName(scope, fragment, gridOffset, missing));
        }
        return PageResult.of(content, page, regionCount + gridCount);
    }

    /** The current names of region and grid codes; codes that name nothing current are left out. */
    public java.util.Map<String, String> names(Collection<String> codes) {
        var out = new java.util.LinkedHashMap<String, String>();
        var regionCodes = codes.stream()
                .filter(c -> c.length() < RegionLevel.GRID.codeLength())
                .toList();
        regions.findRefs(regionCodes).forEach(r -> out.put(r.code(), r.name()));
        out.putAll(grids.currentNames(codes.stream()
                .filter(c -> c.length() >= RegionLevel.GRID.codeLength())
                .toList()));
        return out;
    }

    /**
     * The ancestors of a region or grid code, top-down. Administrative codes nest by prefix (GB/T 2260 and the
     * 12-digit statistical codes), and a grid code starts with its village code, so the ancestors are found by
     * prefix.
     */
    public List<RegionRef> path(String code) {
        var prefixes = new ArrayList<String>();
        for (int length : REGION_CODE_LENGTHS) {
            if (length < code.length()) {
                prefixes.add(code.substring(0, length));
            }
        }
        var path = new ArrayList<>(regions.findRefs(prefixes));
        for (int length = RegionLevel.GRID.codeLength(); length < code.length(); length += 2) {
            grids.findCurrent(code.substring(0, length))
                    .ifPresent(g -> path.add(new RegionRef(g.code(), g.name(), g.regionLevel())));
        }
        return path;
    }

    static boolean isGridCode(String code) {
        return code.length() > RegionLevel.VILLAGE.codeLength();
    }

    void requireInTree(String code) {
        scope.require(code);
    }

    /** The patterns of the caller's grids, null when the caller's scope is a whole region. */
    String[] scopeGrids() {
        return scope.data().gridPatterns();
    }

    static ProblemException notFound(String code) {
        return ProblemException.notFound("区域或网格 " + code + " 不存在", "No region or grid with code " + code);
    }
}
