package org.gridgov.region.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.ProblemException;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.internal.RegionRepository.RegionRow;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the administrative tree: fills the upper tree from the national division codes shipped with the platform
 * (provinces, cities, counties by GB/T 2260 and townships by 9-digit code), takes the villages and communities a
 * deployment adds itself (and townships missing from the national list), and follows the yearly code changes — renamed, merged or abolished units — as dated rows,
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
     * A township or village to add, as a request or an import row describes it.
     *
     * @param field where its attributes sit, ending with a dot: "" for a request, {@code rows[7].} for a workbook row
     *     (Excel's own row number), {@code features[2].properties.} for a GeoJSON feature
     * @param outlineField where its outline sits ({@code geometry}, {@code rows[7].outline}, {@code features[2].geometry})
     * @param outline optional; grids are then checked to lie inside it
     */
    public record RegionDraft(
            String field, String outlineField, String code, String name, String parentCode, Geometry outline) {

        String at(String attribute) {
            return field + attribute;
        }
    }

    /** What a village import added. */
    public record VillageImport(int imported, List<String> codes) {}

    /**
     * Adds a township under a county (a deployment whose real township is missing from the shipped national list) or a
     * village or community under a township, chosen by the length of the code: 9 digits (GB/T 2260 county code and a
     * 3-digit township number, 001–599 by GB/T 10114) or 12 digits (township code and a 3-digit number). The parent
     * must be current and within the caller's scope.
     */
    public void create(RegionDraft draft) {
        var errors = formatProblems(draft);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        var level = RegionLevel.ofCode(draft.code());
        String parentCode = parentCodeOf(draft.code(), level);
        var unknownParent = parentProblem(draft, level, parentCode);
        if (unknownParent != null) {
            throw ProblemException.unprocessable(
                    "上级区划 " + parentCode + " 不存在或不在您的管辖范围内", "unknown parent " + parentCode, List.of(unknownParent));
        }
        if (regions.findCurrent(draft.code()).isPresent()) {
            String what = level == RegionLevel.TOWNSHIP ? "乡镇（街道）" : "村（社区）";
            throw ProblemException.conflict(
                    what + draft.code() + " 已存在",
                    level.name().toLowerCase(Locale.ROOT) + " " + draft.code() + " exists already");
        }
        insert(List.of(row(draft, level, parentCode)));
    }

    /**
     * Adds many villages at once, all or nothing: when any row is refused, nothing is added and every refused row is
     * reported with its field (so that the corrected file can simply be sent again).
     *
     * @param readProblems what was already wrong with the rows while reading the file
     */
    public VillageImport importVillages(List<RegionDraft> drafts, List<FieldProblem> readProblems) {
        var errors = new ArrayList<>(readProblems);
        var rows = new ArrayList<RegionRow>();
        var seen = new HashMap<String, String>();
        var parents = new HashMap<String, FieldProblem>();
        for (var draft : drafts) {
            var problems = formatProblems(draft);
            if (problems.isEmpty() && draft.code().length() != RegionLevel.VILLAGE.codeLength()) {
                problems.add(new FieldProblem(
                        draft.at("code"),
                        "level",
                        "批量导入只接受 12 位村（社区）编码，乡镇（街道）请逐个新增",
                        "only 12-digit village codes can be imported; add townships one by one"));
            }
            if (!problems.isEmpty()) {
                errors.addAll(problems);
                continue;
            }
            String parentCode = parentCodeOf(draft.code(), RegionLevel.VILLAGE);
            var earlier = seen.putIfAbsent(draft.code(), draft.field());
            if (earlier != null) {
                errors.add(new FieldProblem(
                        draft.at("code"),
                        "duplicate",
                        "编码 " + draft.code() + " 与 " + where(earlier) + " 重复",
                        "code " + draft.code() + " repeats " + where(earlier)));
                continue;
            }
            if (!parents.containsKey(parentCode)) {
                parents.put(parentCode, parentProblem(draft, RegionLevel.VILLAGE, parentCode));
            }
            var unknownParent = parents.get(parentCode);
            if (unknownParent != null) {
                errors.add(new FieldProblem(
                        draft.at(draft.parentCode() == null ? "code" : "parentCode"),
                        unknownParent.code(),
                        unknownParent.message(),
                        unknownParent.messageEn()));
                continue;
            }
            if (regions.findCurrent(draft.code()).isPresent()) {
                errors.add(new FieldProblem(
                        draft.at("code"),
                        "exists",
                        "村（社区）" + draft.code() + " 已存在",
                        "village " + draft.code() + " exists already"));
                continue;
            }
            rows.add(row(draft, RegionLevel.VILLAGE, parentCode));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(
                    "部分村（社区）数据有误，未导入任何村（社区）", "Some rows were refused; nothing was imported", errors);
        }
        if (rows.isEmpty()) {
            throw ProblemException.invalid("file", "empty", "文件中没有村（社区）数据", "the file holds no villages");
        }
        insert(rows);
        return new VillageImport(rows.size(), rows.stream().map(RegionRow::code).toList());
    }

    /** Code format, name and outline, and a parent code that contradicts the code: all 400s. */
    private static List<FieldProblem> formatProblems(RegionDraft d) {
        var errors = new ArrayList<FieldProblem>();
        String code = d.code();
        if (code == null || !code.matches("\\d{9}|\\d{12}")) {
            errors.add(new FieldProblem(
                    d.at("code"),
                    "format",
                    "编码须为 9 位（乡镇、街道）或 12 位（村、社区）数字",
                    "a code has 9 digits (township) or 12 digits (village)"));
        } else if (code.length() == RegionLevel.TOWNSHIP.codeLength()
                && (code.endsWith("000") || Integer.parseInt(code.substring(6)) > 599)) {
            errors.add(new FieldProblem(
                    d.at("code"),
                    "format",
                    "乡镇（街道）编码后 3 位须在 001–599 之间（001–099 街道，100–199 镇，200–399 乡，400–599 其他乡级单位）",
                    "the last 3 digits of a township code are 001-599 (GB/T 10114)"));
        } else if (code.length() == RegionLevel.VILLAGE.codeLength() && code.endsWith("000")) {
            errors.add(new FieldProblem(
                    d.at("code"),
                    "format",
                    "村（社区）编码后 3 位不能为 000",
                    "the last 3 digits of a village code cannot be 000"));
        }
        if (d.name() == null || d.name().isBlank() || d.name().strip().length() > 100) {
            errors.add(new FieldProblem(d.at("name"), "required", "名称必填且不超过 100 字", "name is required, at most 100"));
        } else if (d.name().chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldProblem(
                    d.at("name"), "control-character", "名称不能含控制字符", "name cannot hold control characters"));
        }
        if (d.outline() != null && !d.outline().isValid()) {
            errors.add(new FieldProblem(
                    d.outlineField(),
                    "invalid-geometry",
                    "边界不是有效的多边形（自相交或环不闭合）",
                    "the outline is not a valid polygon"));
        }
        if (errors.isEmpty() && d.parentCode() != null) {
            String expected = parentCodeOf(code, RegionLevel.ofCode(code));
            if (!d.parentCode().equals(expected)) {
                errors.add(new FieldProblem(
                        d.at("parentCode"),
                        "mismatch",
                        "上级编码应为编码的前 " + expected.length() + " 位 " + expected,
                        "parentCode must be the first " + expected.length() + " digits of the code, " + expected));
            }
        }
        return errors;
    }

    /** {@code rows[7]} or {@code features[2]}: the row or feature a field prefix names. */
    private static String where(String field) {
        return field.replaceAll("(\\.properties)?\\.$", "");
    }

    private static String parentCodeOf(String code, RegionLevel level) {
        return code.substring(
                0, level == RegionLevel.TOWNSHIP ? RegionLevel.COUNTY.codeLength() : RegionLevel.TOWNSHIP.codeLength());
    }

    /** A problem naming parentCode when the parent is not a current county (township) or township (village) in scope. */
    private FieldProblem parentProblem(RegionDraft d, RegionLevel level, String parentCode) {
        var expected = level == RegionLevel.TOWNSHIP ? RegionLevel.COUNTY : RegionLevel.TOWNSHIP;
        var parent = regions.findCurrent(parentCode).orElse(null);
        if (parent != null
                && parent.level() == expected
                && parentCode.startsWith(settings.rootCode())
                && scope.covers(parentCode)) {
            return null;
        }
        String what = expected == RegionLevel.COUNTY ? "县（市、区）" : "乡镇（街道）";
        return new FieldProblem(
                d.at("parentCode"),
                "unknown-parent",
                "上级" + what + " " + parentCode + " 不存在或不在您的管辖范围内",
                "unknown parent " + expected.name().toLowerCase(Locale.ROOT) + " " + parentCode);
    }

    /**
     * A new code starts on the date the shipped list is valid from, as the unit existed before it was entered here; a
     * code used before and since retired starts a new period today.
     */
    private RegionRow row(RegionDraft d, RegionLevel level, String parentCode) {
        var from = regions.countVersions(d.code()) == 0 ? REFERENCE_DATE : LocalDate.now(clock);
        return new RegionRow(
                d.code(),
                d.name().strip(),
                level,
                parentCode,
                from,
                null,
                null,
                d.outline() == null ? null : Geo.toWkb(d.outline()));
    }

    private void insert(List<RegionRow> rows) {
        try {
            regions.insertAll(rows);
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("区划已被他人同时新增，请刷新后重试", "Someone added the same code meanwhile; reload");
        }
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
