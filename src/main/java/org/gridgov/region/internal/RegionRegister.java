package org.gridgov.region.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.ProblemException;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.internal.RegionRepository.RegionRow;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the administrative tree: fills the upper tree from the national division codes shipped with the platform
 * (provinces, cities, counties by GB/T 2260 and townships by 9-digit code), takes the villages and communities a
 * deployment adds itself, and follows the yearly code changes — renamed, merged or abolished units — as dated rows,
 * never overwriting.
 */
@Service
@Transactional
public class RegionRegister {

    private static final Logger log = LoggerFactory.getLogger(RegionRegister.class);

    /** The shipped codes are those of the National Bureau of Statistics as of this date. */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2022, 10, 31);

    private final RegionRepository regions;
    private final RegionSettings settings;

    private final Clock clock;
    private final RegionScope scope;

    RegionRegister(RegionRepository regions, RegionSettings settings, Clock clock, RegionScope scope) {
        this.regions = regions;
        this.settings = settings;
        this.clock = clock;
        this.scope = scope;
    }

    /**
     * Imports the root, its ancestors and everything under it down to townships, once: a database that has the
     * root already is left alone, so that later edits to the tree are kept.
     */
    public void importReferenceIfEmpty() {
        String root = settings.rootCode();
        if (regions.findCurrent(root).isPresent()) {
            return;
        }
        var rows = new ArrayList<RegionRow>();
        read("division-provinces.csv", RegionLevel.PROVINCE, -1, root, rows);
        read("division-cities.csv", RegionLevel.CITY, 2, root, rows);
        read("division-areas.csv", RegionLevel.COUNTY, 2, root, rows);
        read("division-streets.csv", RegionLevel.TOWNSHIP, 2, root, rows);
        if (rows.stream().noneMatch(r -> r.code().equals(root))) {
            throw new IllegalStateException("gridgov.region.root-code " + root + " is not a known division code");
        }
        regions.insertAll(rows);
        log.info("Imported {} divisions for root {}", rows.size(), root);
    }

    /**
     * Adds a village or community under a township.
     *
     * @param boundary optional outline; grids are then checked to lie inside it
     */
    public void createVillage(String code, String name, String parentCode, Geometry boundary) {
        var errors = new ArrayList<FieldProblem>();
        if (code == null || !code.matches("\\d{12}")) {
            errors.add(new FieldProblem("code", "format", "村（社区）编码须为 12 位数字", "a village code has 12 digits"));
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(new FieldProblem("name", "required", "名称必填且不超过 100 字", "name is required, at most 100"));
        }
        if (boundary != null && !boundary.isValid()) {
            errors.add(new FieldProblem(
                    "geometry", "invalid-geometry", "边界不是有效的多边形（自相交或环不闭合）", "the outline is not a valid polygon"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String township = code.substring(0, RegionLevel.TOWNSHIP.codeLength());
        if (parentCode != null && !parentCode.equals(township)) {
            throw ProblemException.invalid(
                    "parentCode",
                    "mismatch",
                    "上级编码应为村（社区）编码的前 9 位 " + township,
                    "parentCode must be the first 9 digits of the code, " + township);
        }
        var parent = regions.findCurrent(township).orElse(null);
        if (parent == null || parent.level() != RegionLevel.TOWNSHIP || !scope.covers(township)) {
            throw ProblemException.unprocessable(
                    "上级乡镇（街道）" + township + " 不存在",
                    "unknown parent township " + township,
                    List.of(new FieldProblem(
                            "parentCode", "unknown-parent", "上级编码不存在", "unknown parent code " + township)));
        }
        if (regions.findCurrent(code).isPresent()) {
            throw ProblemException.conflict("村（社区）" + code + " 已存在", "Village " + code + " exists already");
        }
        regions.insertAll(List.of(new RegionRow(
                code,
                name,
                RegionLevel.VILLAGE,
                township,
                REFERENCE_DATE,
                null,
                null,
                boundary == null ? null : Geo.toWkb(boundary))));
    }

    /** Renames a township or village from a date on; the old name stays valid before it. */
    public void rename(String code, String name, LocalDate validFrom) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ProblemException.invalid(
                    "name", "required", "名称必填且不超过 100 字", "name is required, at most 100 characters");
        }
        var current = editable(code);
        var from = validFrom == null ? LocalDate.now(clock) : validFrom;
        if (!from.isAfter(current.validFrom()) || from.isAfter(LocalDate.now(clock))) {
            throw ProblemException.invalid(
                    "validFrom",
                    "range",
                    "生效日期须晚于现行名称的生效日期 " + current.validFrom() + "，且不晚于今天",
                    "validFrom must be after " + current.validFrom() + " and not after today");
        }
        if (!regions.end(code, from, null)) {
            throw concurrentChange(code);
        }
        regions.insertAll(List.of(new RegionRow(
                code, name.trim(), current.level(), current.parentCode(), from, null, null, current.boundary())));
    }

    /**
     * Ends a township or village that was abolished or merged into another, from a date on. Its villages or grids
     * must have been moved or retired first, so that nothing current hangs under an ended unit.
     */
    public void retire(String code, LocalDate validTo, String successorCode) {
        var current = editable(code);
        var to = validTo == null ? LocalDate.now(clock) : validTo;
        if (!to.isAfter(current.validFrom()) || to.isAfter(LocalDate.now(clock))) {
            throw ProblemException.invalid(
                    "validTo",
                    "range",
                    "失效日期须晚于生效日期 " + current.validFrom() + "，且不晚于今天",
                    "validTo must be after " + current.validFrom() + " and not after today");
        }
        if (regions.hasChildren(code)) {
            throw ProblemException.unprocessable(
                    code + " 下还有现行的下级区划或网格，请先调整",
                    code + " still has current regions or grids below it; move or retire them first",
                    List.of(new FieldProblem("code", "has-children", "存在下级", "has children")));
        }
        if (successorCode != null) {
            var successor = regions.findCurrent(successorCode).orElse(null);
            if (successor == null || successor.level() != current.level() || successorCode.equals(code)) {
                throw ProblemException.unprocessable(
                        "承继单位 " + successorCode + " 不存在或层级不同",
                        "successor " + successorCode + " is unknown or of another level",
                        List.of(new FieldProblem("successorCode", "unknown-successor", "承继单位无效", "invalid successor")));
            }
        }
        if (!regions.end(code, to, successorCode)) {
            throw concurrentChange(code);
        }
    }

    private RegionRow editable(String code) {
        var current = regions.findCurrent(code)
                .filter(r -> code.startsWith(settings.rootCode()) && scope.covers(code))
                .orElseThrow(() -> RegionCatalog.notFound(code));
        if (current.level() != RegionLevel.TOWNSHIP && current.level() != RegionLevel.VILLAGE) {
            throw ProblemException.unprocessable(
                    "只能调整乡镇（街道）和村（社区）",
                    "only townships and villages can be changed here",
                    List.of(new FieldProblem("code", "level", "层级不可调整", "level cannot be changed")));
        }
        return current;
    }

    private static ProblemException concurrentChange(String code) {
        return ProblemException.conflict(
                code + " 已被他人修改，请刷新后重试", code + " was changed by someone else; reload and retry");
    }

    /**
     * Reads one shipped CSV, keeping rows on the path to the root or under it.
     *
     * @param parentColumn the column holding the parent code, or -1 for none
     */
    private static void read(String file, RegionLevel level, int parentColumn, String root, List<RegionRow> into) {
        var resource = new ClassPathResource("reference/" + file);
        try (var reader =
                new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                var columns = line.split(",");
                String code = columns[0].trim();
                if (!(code.startsWith(root) || root.startsWith(code))) {
                    continue;
                }
                String name = columns[1].replace("\"", "").trim();
                String parent = parentColumn < 0 ? null : columns[parentColumn].trim();
                into.add(new RegionRow(code, name, level, parent, REFERENCE_DATE, null, null, null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read shipped division file " + file, e);
        }
    }
}
