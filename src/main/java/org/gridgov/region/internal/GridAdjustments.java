package org.gridgov.region.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.ProblemException;
import org.gridgov.region.DedicatedKind;
import org.gridgov.region.GridContent;
import org.gridgov.region.GridType;
import org.gridgov.region.GridsChanged;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.internal.GridRepository.NewGrid;
import org.locationtech.jts.geom.Geometry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates grids and adjusts them — redraw, split, merge, retire — as effective-dated versions: a change ends the
 * current version and starts new ones, never overwriting, so that anything recorded under a grid keeps the grid it
 * had at the time.
 */
@Service
@Transactional
public class GridAdjustments {

    /** Clocks of two nodes or a client and a server differ by a little; an effective time this far ahead is "now". */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final GridRepository grids;
    private final RegionRepository regions;
    private final GridRules rules;
    private final RegionSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RegionScope scope;
    private final GridOccupancy occupancy;

    GridAdjustments(
            GridRepository grids,
            RegionRepository regions,
            GridRules rules,
            RegionSettings settings,
            ApplicationEventPublisher events,
            Clock clock,
            RegionScope scope,
            GridOccupancy occupancy) {
        this.grids = grids;
        this.regions = regions;
        this.rules = rules;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.scope = scope;
        this.occupancy = occupancy;
    }

    /**
     * A grid as a request describes it. How many people and households live in it is not part of a grid: the registry
     * counts them (see {@link #contents}).
     *
     * @param field where it sits in the request, for error messages ({@code features[2]}, or empty)
     * @param code the grid's code; null to have one allocated
     * @param villageCode required unless a code or parent grid says it
     * @param parentGridCode set for a micro-grid or building unit
     */
    public record GridDraft(
            String field,
            String code,
            String name,
            GridType type,
            DedicatedKind dedicatedKind,
            String villageCode,
            String parentGridCode,
            Geometry outline) {}

    /** What an import did, by grid code. */
    public record ImportResult(long adjustmentId, List<String> created, List<String> updated, List<String> unchanged) {}

    /** One part of a split. */
    public record SplitPart(String name, GridType type, DedicatedKind dedicatedKind, Geometry outline) {}

    /**
     * Creates new grids or new versions of existing ones (matched by code) from a list of drafts, all or nothing:
     * when any draft is refused, nothing is written and every refused draft is reported.
     */
    public ImportResult importGrids(List<GridDraft> drafts, String reason, Instant effectiveAt) {
        Instant at = effectiveAt(effectiveAt, null);
        var errors = new ArrayList<FieldProblem>();
        var plans = new ArrayList<Plan>();
        var allocator = new CodeAllocator();
        var seenCodes = new HashMap<String, String>();
        for (var draft : drafts) {
            var plan = plan(draft, allocator, errors);
            if (plan == null) {
                continue;
            }
            var earlier = seenCodes.putIfAbsent(plan.grid().code(), draft.field());
            if (earlier != null) {
                errors.add(new FieldProblem(
                        draft.field() + ".code",
                        "duplicate",
                        "网格编码 " + plan.grid().code() + " 与 " + earlier + " 重复",
                        "grid code " + plan.grid().code() + " repeats " + earlier));
                continue;
            }
            plans.add(plan);
        }
        var changing = plans.stream().filter(p -> !p.unchanged()).toList();
        checkOutlines(changing, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(
                    "网格数据有误，未导入任何网格", "Some grids were refused; nothing was imported", errors);
        }
        for (var plan : changing) {
            if (plan.current() != null && plan.current().validFrom().isAfter(at)) {
                throw effectiveBeforeCurrent(plan.current());
            }
        }
        long adjustment = grids.insertAdjustment("IMPORT", at, clock.instant(), reason, null);
        var created = new ArrayList<String>();
        var updated = new ArrayList<String>();
        var unchanged = new ArrayList<String>();
        for (var plan : plans) {
            if (plan.unchanged()) {
                unchanged.add(plan.grid().code());
                continue;
            }
            if (plan.current() != null) {
                endOrConflict(plan.current(), at, adjustment);
                updated.add(plan.grid().code());
            } else {
                created.add(plan.grid().code());
            }
            grids.insert(plan.grid(), at, adjustment);
        }
        var sources = updated;
        var results = new ArrayList<>(created);
        results.addAll(updated);
        finish(adjustment, "IMPORT", at, sources, results);
        return new ImportResult(adjustment, created, updated, unchanged);
    }

    /** Creates one grid; the code is allocated when the draft has none. */
    public GridVersion create(GridDraft draft, String reason, Instant effectiveAt) {
        if (draft.code() != null && grids.findCurrent(draft.code()).isPresent()) {
            throw ProblemException.conflict(
                    "网格 " + draft.code() + " 已存在，请使用调整功能", "Grid " + draft.code() + " exists already");
        }
        var result = importGrids(List.of(draft), reason, effectiveAt);
        return grids.findCurrent(result.created().getFirst()).orElseThrow();
    }

    /** Gives a grid a new outline from {@code effectiveAt} on; its code stays. */
    public GridVersion redraw(String code, Geometry outline, String reason, Instant effectiveAt) {
        var current = lock(code);
        Instant at = effectiveAt(effectiveAt, current);
        var draft = new NewGrid(
                current.code(),
                current.name(),
                current.type(),
                current.dedicatedKind(),
                current.level(),
                current.villageCode(),
                current.parentGridCode(),
                outline);
        var problems =
                rules.check(List.of(candidate("geometry", draft, Set.of(code)))).getFirst();
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        long adjustment = grids.insertAdjustment("REDRAW", at, clock.instant(), reason, null);
        endOrConflict(current, at, adjustment);
        grids.insert(draft, at, adjustment);
        finish(adjustment, "REDRAW", at, List.of(code), List.of(code));
        return grids.findCurrent(code).orElseThrow();
    }

    /**
     * Replaces a grid by two or more new grids that together cover it; the old code is retired and each part gets a
     * new code in the same village.
     */
    public List<GridVersion> split(String code, List<SplitPart> parts, String reason, Instant effectiveAt) {
        var current = lock(code);
        Instant at = effectiveAt(effectiveAt, current);
        if (parts == null || parts.size() < 2) {
            throw ProblemException.invalid("parts", "size", "拆分至少需要两个部分", "a split needs at least two parts");
        }
        if (grids.hasChildGrids(code)) {
            throw hasChildren(code);
        }
        var allocator = new CodeAllocator();
        var drafts = new ArrayList<NewGrid>();
        var candidates = new ArrayList<GridRules.Candidate>();
        var union = new ArrayList<Geometry>();
        for (int i = 0; i < parts.size(); i++) {
            var part = parts.get(i);
            var type = part.type() == null ? current.type() : part.type();
            var parentPrefix = current.parentGridCode() != null ? current.parentGridCode() : current.villageCode();
            var draft = new NewGrid(
                    allocator.next(parentPrefix, type, current.level()),
                    part.name() == null ? current.name() + "（" + (i + 1) + "）" : part.name(),
                    type,
                    type == GridType.DEDICATED ? part.dedicatedKind() : null,
                    current.level(),
                    current.villageCode(),
                    current.parentGridCode(),
                    part.outline());
            drafts.add(draft);
            candidates.add(new GridRules.Candidate(
                    "parts[" + i + "].geometry",
                    "parts[" + i + "]",
                    part.outline(),
                    current.level(),
                    current.boundary(),
                    Set.of(code)));
            union.add(part.outline());
        }
        var problems = rules.check(candidates);
        var errors = problems.stream().flatMap(List::stream).toList();
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        double covered = Geo.FACTORY
                        .buildGeometry(union)
                        .union()
                        .intersection(current.boundary())
                        .getArea()
                / current.boundary().getArea();
        if (covered < 1 - settings.containmentTolerance()) {
            throw refused(List.of(new FieldProblem(
                    "parts",
                    "incomplete-cover",
                    String.format("拆分后的各部分只覆盖了原网格的 %.1f%%", covered * 100),
                    String.format("the parts cover only %.1f%% of the grid", covered * 100))));
        }
        long adjustment = grids.insertAdjustment("SPLIT", at, clock.instant(), reason, null);
        endOrConflict(current, at, adjustment);
        var codes = new ArrayList<String>();
        for (var draft : drafts) {
            grids.insert(draft, at, adjustment);
            codes.add(draft.code());
        }
        finish(adjustment, "SPLIT", at, List.of(code), codes);
        return codes.stream().map(c -> grids.findCurrent(c).orElseThrow()).toList();
    }

    /** Replaces two or more grids of one village by one new grid covering them all. */
    public GridVersion merge(
            List<String> codes,
            String name,
            GridType type,
            DedicatedKind dedicatedKind,
            String reason,
            Instant effectiveAt) {
        if (codes == null || new LinkedHashSet<>(codes).size() < 2) {
            throw ProblemException.invalid(
                    "codes", "size", "合并至少需要两个不同的网格", "a merge needs at least two different grids");
        }
        var sources = new ArrayList<GridVersion>();
        for (var code : new LinkedHashSet<>(codes).stream().sorted().toList()) {
            sources.add(lock(code));
        }
        var first = sources.getFirst();
        for (var source : sources) {
            if (!source.parentCode().equals(first.parentCode()) || source.level() != first.level()) {
                throw ProblemException.unprocessable(
                        "只能合并同一村（社区）或同一上级网格下的网格",
                        "only grids under the same village or parent grid can be merged",
                        List.of(new FieldProblem(
                                "codes",
                                "different-parent",
                                "网格 " + source.code() + " 与 " + first.code() + " 不属于同一上级",
                                "grid " + source.code() + " and " + first.code() + " have different parents")));
            }
            if (grids.hasChildGrids(source.code())) {
                throw hasChildren(source.code());
            }
        }
        Instant at = effectiveAt;
        for (var source : sources) {
            at = effectiveAt(effectiveAt, source);
        }
        var outline = Geo.FACTORY
                .buildGeometry(sources.stream().map(GridVersion::boundary).toList())
                .union();
        var mergedType = type == null ? first.type() : type;
        var draft = new NewGrid(
                new CodeAllocator().next(first.parentCode(), mergedType, first.level()),
                name == null || name.isBlank() ? first.name() : name,
                mergedType,
                mergedType == GridType.DEDICATED ? dedicatedKind : null,
                first.level(),
                first.villageCode(),
                first.parentGridCode(),
                outline);
        long adjustment = grids.insertAdjustment("MERGE", at, clock.instant(), reason, null);
        grids.insert(draft, at, adjustment);
        // What the merged grids held now lies in the merged grid; it moves while their names still read as current.
        String note = reason == null || reason.isBlank() ? "网格合并 grids merged" : reason.strip();
        for (var source : sources) {
            occupancy.moveAll(source.code(), draft.code(), note);
        }
        for (var source : sources) {
            endOrConflict(source, at, adjustment);
        }
        finish(adjustment, "MERGE", at, sources.stream().map(GridVersion::code).toList(), List.of(draft.code()));
        return grids.findCurrent(draft.code()).orElseThrow();
    }

    /**
     * What the other modules keep in a grid and below it (residents, houses, open events...), by kind: what a
     * retirement would have to move.
     */
    @Transactional(readOnly = true)
    public List<GridContent> contents(String code) {
        scope.require(code);
        grids.findCurrent(code).orElseThrow(() -> RegionCatalog.notFound(code));
        return occupancy.count(code);
    }

    /**
     * Ends a grid; its code is never given out again. A reason is required. A grid that still holds records (people,
     * houses, places, organizations, open events) needs a successor: a current grid of the caller's scope that takes
     * them over in the same transaction, each record's move written to its history; without one the retirement is
     * refused with what the grid holds.
     */
    public void retire(String code, String reason, String successorCode, Instant effectiveAt) {
        String why = requiredReason(reason);
        String successor = successorCode == null || successorCode.isBlank() ? null : successorCode.strip();
        scope.require(code);
        // Both grids locked in code order, so that two retirements naming each other cannot deadlock.
        GridVersion current;
        if (successor != null && successor.compareTo(code) < 0) {
            successor(code, successor);
            current = lock(code);
        } else {
            current = lock(code);
            if (successor != null) {
                successor(code, successor);
            }
        }
        Instant at = effectiveAt(effectiveAt, current);
        if (grids.hasChildGrids(code)) {
            throw hasChildren(code);
        }
        var held = occupancy.count(code).stream().filter(c -> c.count() > 0).toList();
        if (!held.isEmpty() && successor == null) {
            throw occupied(code, held);
        }
        long adjustment = grids.insertAdjustment("RETIRE", at, clock.instant(), why, successor);
        if (successor != null) {
            occupancy.moveAll(code, successor, why);
        }
        endOrConflict(current, at, adjustment);
        finish(adjustment, "RETIRE", at, List.of(code), List.of());
    }

    /** The grid taking over a retired grid's records: current, in scope, neither the grid itself nor below it. */
    private GridVersion successor(String code, String successor) {
        var found =
                successor.matches("\\d{15}|\\d{17}|\\d{19}") && scope.covers(successor) && !successor.startsWith(code)
                        ? grids.lockCurrent(successor).orElse(null)
                        : null;
        if (found == null) {
            throw ProblemException.unprocessable(
                    "承接网格 " + successor + " 不存在、已撤销或不在您的管辖范围内",
                    "successor grid " + successor + " is unknown, retired or outside your scope",
                    List.of(new FieldProblem(
                            "successorCode",
                            "unknown-successor",
                            "承接网格须为您管辖范围内的另一个现行网格",
                            "the successor must be another current grid within your scope")));
        }
        return found;
    }

    private static String requiredReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "required", "须说明撤销网格的原因", "a reason is required");
        }
        String why = reason.strip();
        if (why.length() > 500) {
            throw ProblemException.invalid("reason", "length", "原因不能超过 500 字", "the reason is longer than 500");
        }
        if (why.chars().anyMatch(c -> c == 0)) {
            throw ProblemException.invalid("reason", "control-character", "原因不能含空字符", "the reason cannot hold NUL");
        }
        return why;
    }

    private static ProblemException occupied(String code, List<GridContent> held) {
        String zh = GridOccupancy.describe(held, false);
        String en = GridOccupancy.describe(held, true);
        return ProblemException.unprocessable(
                "网格 " + code + " 内还有" + zh + "，请指定承接网格（successorCode）后再撤销",
                "Grid " + code + " still holds " + en + "; name the grid that takes them over (successorCode)",
                List.of(new FieldProblem(
                        "successorCode",
                        "occupied",
                        "网格内还有" + zh + "，须指定承接网格",
                        "the grid still holds " + en + "; a successor grid is required")));
    }

    private record Plan(NewGrid grid, GridVersion current, boolean unchanged, String field, Geometry parentOutline) {}

    /** Resolves a draft's parent and code; adds problems and returns null when it cannot. */
    private Plan plan(GridDraft draft, CodeAllocator allocator, List<FieldProblem> errors) {
        int before = errors.size();
        String f = draft.field().isEmpty() ? "" : draft.field() + ".";
        if (draft.name() == null || draft.name().isBlank()) {
            errors.add(new FieldProblem(f + "name", "required", "缺少网格名称", "name is required"));
        } else if (draft.name().length() > 100) {
            errors.add(new FieldProblem(f + "name", "length", "网格名称不能超过 100 个字", "name is longer than 100"));
        }
        var type = draft.type() == null ? GridType.ORDINARY : draft.type();
        if (type == GridType.DEDICATED && draft.dedicatedKind() == null) {
            errors.add(new FieldProblem(
                    f + "dedicatedKind", "required", "专属网格须注明类别", "a dedicated grid needs a dedicatedKind"));
        }
        GridVersion current =
                draft.code() == null ? null : grids.findCurrent(draft.code()).orElse(null);
        String parentGridCode = draft.parentGridCode();
        String villageCode = draft.villageCode();
        if (current != null && !scope.covers(current.code())) {
            errors.add(unknownParent(f + "code", draft.code()));
            return null;
        }
        if (draft.code() != null && current == null) {
            // A new grid with a code chosen by the caller: its code must say where it sits.
            if (!draft.code().matches("\\d{15}|\\d{17}|\\d{19}")) {
                errors.add(
                        new FieldProblem(
                                f + "code",
                                "format",
                                "网格编码须为 15 位（村社区 12 位 + 类型 1 位 + 序号 2 位），微网格再加 2 位",
                                "a grid code has 15 digits (12-digit village + type digit + 2-digit sequence), +2 per level below"));
                return null;
            }
            if (grids.codeEverUsed(draft.code())) {
                errors.add(new FieldProblem(
                        f + "code",
                        "retired",
                        "网格编码 " + draft.code() + " 已被使用过，不能再用",
                        "grid code " + draft.code() + " was used before and cannot be reused"));
                return null;
            }
            if (draft.code().length() > RegionLevel.GRID.codeLength()) {
                parentGridCode = draft.code().substring(0, draft.code().length() - 2);
            }
            villageCode = draft.code().substring(0, RegionLevel.VILLAGE.codeLength());
        }
        if (current != null) {
            villageCode = current.villageCode();
            parentGridCode = current.parentGridCode();
        }
        if (parentGridCode != null) {
            villageCode = parentGridCode.substring(0, RegionLevel.VILLAGE.codeLength());
        }
        Geometry parentOutline = null;
        int level = 1;
        if (parentGridCode != null) {
            var parent = grids.findCurrent(parentGridCode)
                    .filter(g -> scope.covers(g.code()))
                    .orElse(null);
            if (parent == null) {
                errors.add(unknownParent(f + "parentGridCode", parentGridCode));
                return null;
            }
            level = parent.level() + 1;
            if (level > settings.maxGridLevel()) {
                errors.add(new FieldProblem(
                        f + "parentGridCode",
                        "depth",
                        "本系统配置的网格层级不允许在 " + parentGridCode + " 下再分",
                        "this deployment's depth allows no level below " + parentGridCode));
                return null;
            }
            parentOutline = parent.boundary();
        } else if (villageCode == null) {
            errors.add(new FieldProblem(f + "villageCode", "required", "缺少所属村（社区）编码", "villageCode is required"));
            return null;
        } else {
            var village = regions.findCurrent(villageCode).orElse(null);
            if (village == null || village.level() != RegionLevel.VILLAGE || !scope.covers(villageCode)) {
                errors.add(unknownParent(f + "villageCode", villageCode));
                return null;
            }
            parentOutline = village.boundary() == null ? null : Geo.fromWkb(village.boundary());
        }
        if (draft.code() != null
                && current == null
                && level == 1
                && draft.code().charAt(RegionLevel.VILLAGE.codeLength()) != type.codeDigit()) {
            errors.add(new FieldProblem(
                    f + "code",
                    "type-digit",
                    "网格编码第 13 位应为类型码 " + type.codeDigit() + "（" + type.label() + "）",
                    "digit 13 of the code must be the type digit " + type.codeDigit() + " for " + type));
        }
        if (draft.outline() == null || errors.size() > before) {
            return null;
        }
        String code = draft.code() != null
                ? draft.code()
                : allocator.next(parentGridCode != null ? parentGridCode : villageCode, type, level);
        var grid = new NewGrid(
                code,
                draft.name(),
                type,
                type == GridType.DEDICATED ? draft.dedicatedKind() : null,
                level,
                villageCode,
                parentGridCode,
                draft.outline());
        boolean unchanged = current != null && sameAs(current, grid);
        return new Plan(grid, current, unchanged, draft.field(), parentOutline);
    }

    private void checkOutlines(List<Plan> plans, List<FieldProblem> errors) {
        var candidates = plans.stream()
                .map(p -> new GridRules.Candidate(
                        p.field().isEmpty() ? "geometry" : p.field() + ".geometry",
                        p.grid().code(),
                        p.grid().boundary(),
                        p.grid().level(),
                        p.parentOutline(),
                        p.current() == null ? Set.of() : Set.of(p.current().code())))
                .toList();
        rules.check(candidates).forEach(errors::addAll);
    }

    private GridRules.Candidate candidate(String field, NewGrid grid, Set<String> replaces) {
        Geometry parentOutline;
        if (grid.parentGridCode() != null) {
            parentOutline = grids.findCurrent(grid.parentGridCode())
                    .map(GridVersion::boundary)
                    .orElse(null);
        } else {
            parentOutline = regions.findCurrent(grid.villageCode())
                    .map(v -> v.boundary() == null ? null : Geo.fromWkb(v.boundary()))
                    .orElse(null);
        }
        return new GridRules.Candidate(field, grid.code(), grid.boundary(), grid.level(), parentOutline, replaces);
    }

    private static boolean sameAs(GridVersion current, NewGrid grid) {
        return current.name().equals(grid.name())
                && current.type() == grid.type()
                && current.dedicatedKind() == grid.dedicatedKind()
                && current.boundary().equalsExact(grid.boundary(), 1e-7);
    }

    private GridVersion lock(String code) {
        scope.requireCovered(code);
        return grids.lockCurrent(code).orElseThrow(() -> RegionCatalog.notFound(code));
    }

    /** The effective time: now by default, never in the future, never before the version it ends began. */
    private Instant effectiveAt(Instant requested, GridVersion current) {
        Instant now = clock.instant();
        Instant at = requested == null ? now : requested;
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid(
                    "effectiveAt",
                    "future",
                    "生效时间不能晚于当前时间（预约调整尚不支持）",
                    "effectiveAt cannot be in the future (scheduled adjustments are not supported)");
        }
        if (at.isAfter(now)) {
            at = now;
        }
        if (current != null && at.isBefore(current.validFrom())) {
            throw effectiveBeforeCurrent(current);
        }
        return at;
    }

    private static ProblemException effectiveBeforeCurrent(GridVersion current) {
        return ProblemException.invalid(
                "effectiveAt",
                "before-current",
                "生效时间不能早于网格 " + current.code() + " 当前版本的生效时间 " + current.validFrom(),
                "effectiveAt cannot be before the current version of " + current.code() + " began ("
                        + current.validFrom() + ")");
    }

    private void endOrConflict(GridVersion current, Instant at, long adjustment) {
        if (!grids.end(current.id(), at, adjustment)) {
            throw ProblemException.conflict(
                    "网格 " + current.code() + " 已被他人调整，请刷新后重试",
                    "Grid " + current.code() + " was changed by someone else; reload and retry");
        }
    }

    private void finish(long adjustment, String kind, Instant at, List<String> sources, List<String> results) {
        grids.recordAdjustmentCodes(adjustment, sources, results);
        events.publishEvent(new GridsChanged(adjustment, kind, at, List.copyOf(sources), List.copyOf(results)));
    }

    private static ProblemException refused(List<FieldProblem> problems) {
        return ProblemException.unprocessable("网格边界不符合要求", "The grid outline was refused", problems);
    }

    private static ProblemException hasChildren(String code) {
        return ProblemException.unprocessable(
                "网格 " + code + " 下还有微网格，请先调整下级网格",
                "Grid " + code + " still has grids below it; adjust those first",
                List.of(new FieldProblem("code", "has-children", "存在下级网格", "has grids below it")));
    }

    private static FieldProblem unknownParent(String field, String code) {
        return new FieldProblem(field, "unknown-parent", "上级编码 " + code + " 不存在", "unknown parent code " + code);
    }

    /**
     * Hands out grid codes: the next unused sequence under a village and type (level 1) or under a parent grid;
     * codes once used, even by a retired grid, are never handed out again.
     */
    private final class CodeAllocator {
        private final Map<String, Integer> next = new HashMap<>();

        String next(String parentCode, GridType type, int level) {
            String prefix = level == 1 ? parentCode + type.codeDigit() : parentCode;
            int length = prefix.length() + 2;
            int sequence = next.computeIfAbsent(
                    prefix,
                    p -> grids.codesLike(p, length).stream()
                                    .mapToInt(c -> Integer.parseInt(c.substring(p.length())))
                                    .max()
                                    .orElse(0)
                            + 1);
            if (sequence > 99) {
                throw ProblemException.unprocessable(
                        "编码 " + prefix + " 下的 99 个网格序号已用完",
                        "all 99 grid sequence numbers under " + prefix + " are used",
                        List.of());
            }
            next.put(prefix, sequence + 1);
            return prefix + String.format("%02d", sequence);
        }
    }
}
