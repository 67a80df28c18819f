package org.gridgov.region.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.Unscoped;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.springframework.stereotype.Component;

/**
 * The rules a grid outline must pass before it is stored, each named so that a refusal says which one failed:
 *
 * <ol>
 *   <li><b>valid-outline</b>: a valid, simple polygon (no self-intersection, no spikes, closed rings);
 *   <li><b>inside-parent</b>: at most {@code containmentTolerance} of its area outside the parent's outline (the
 *       village's, or the parent grid's for a micro-grid), when the parent has one;
 *   <li><b>no-overlap</b>: no current grid of the same level, nor another outline of the same request, overlaps more
 *       than {@code overlapTolerance} of the smaller of the two areas.
 * </ol>
 */
@Unscoped("an outline is checked against every grid, whoever draws it")
@Component
class GridRules {

    private final GridRepository grids;
    private final RegionSettings settings;

    GridRules(GridRepository grids, RegionSettings settings) {
        this.grids = grids;
        this.settings = settings;
    }

    /**
     * An outline to check.
     *
     * @param field where the outline came from in the request, for error messages
     * @param label how to name this outline to a person (a grid code or "feature 3")
     * @param parentOutline the parent's outline, or null when the parent has none
     * @param replaces codes of current grids this outline replaces, which it may overlap
     */
    record Candidate(
            String field, String label, Geometry outline, int level, Geometry parentOutline, Set<String> replaces) {}

    /** Problems per candidate, in the order given; an empty list for a candidate that passes. */
    List<List<FieldProblem>> check(List<Candidate> candidates) {
        var result = new ArrayList<List<FieldProblem>>();
        for (var candidate : candidates) {
            var problems = new ArrayList<FieldProblem>();
            if (validOutline(candidate, problems)) {
                insideParent(candidate, problems);
                noOverlapWithStored(candidate, candidates, problems);
            }
            result.add(problems);
        }
        for (int i = 0; i < candidates.size(); i++) {
            for (int j = i + 1; j < candidates.size(); j++) {
                noOverlapWithinRequest(candidates.get(i), candidates.get(j), result.get(i), result.get(j));
            }
        }
        return result;
    }

    private boolean validOutline(Candidate c, List<FieldProblem> problems) {
        var op = new IsValidOp(c.outline());
        var error = op.getValidationError();
        if (error == null) {
            return true;
        }
        var at = error.getCoordinate();
        String where = at == null ? "" : String.format(" [%.7f, %.7f]", at.x, at.y);
        boolean selfIntersection =
                error.getErrorType() == org.locationtech.jts.operation.valid.TopologyValidationError.SELF_INTERSECTION
                        || error.getErrorType()
                                == org.locationtech.jts.operation.valid.TopologyValidationError.RING_SELF_INTERSECTION;
        problems.add(new FieldProblem(
                c.field(),
                selfIntersection ? "self-intersection" : "invalid-geometry",
                (selfIntersection ? "边界自相交" : "多边形无效：" + error.getMessage()) + where,
                (selfIntersection ? "the outline intersects itself" : "invalid polygon: " + error.getMessage())
                        + where));
        return false;
    }

    private void insideParent(Candidate c, List<FieldProblem> problems) {
        if (c.parentOutline() == null) {
            return;
        }
        double outside = c.outline().difference(c.parentOutline()).getArea();
        double share = outside / c.outline().getArea();
        if (share > settings.containmentTolerance()) {
            problems.add(new FieldProblem(
                    c.field(),
                    "outside-parent",
                    String.format("网格有 %.1f%% 的面积超出上级区域边界", share * 100),
                    String.format("%.1f%% of the grid lies outside its parent's outline", share * 100)));
        }
    }

    private void noOverlapWithStored(Candidate c, List<Candidate> all, List<FieldProblem> problems) {
        for (var other : grids.currentNear(c.outline().getEnvelopeInternal(), c.level())) {
            if (c.replaces().contains(other.code()) || replacedByAny(all, other.code())) {
                continue;
            }
            double share = overlapShare(c.outline(), other.boundary());
            if (share > settings.overlapTolerance()) {
                problems.add(overlap(c.field(), other.code(), share));
            }
        }
    }

    private void noOverlapWithinRequest(Candidate a, Candidate b, List<FieldProblem> pa, List<FieldProblem> pb) {
        if (a.level() != b.level() || !pa.isEmpty() || !pb.isEmpty()) {
            return;
        }
        if (!a.outline().getEnvelopeInternal().intersects(b.outline().getEnvelopeInternal())) {
            return;
        }
        double share = overlapShare(a.outline(), b.outline());
        if (share > settings.overlapTolerance()) {
            pa.add(overlap(a.field(), b.label(), share));
            pb.add(overlap(b.field(), a.label(), share));
        }
    }

    private static boolean replacedByAny(List<Candidate> all, String code) {
        for (var c : all) {
            if (c.replaces().contains(code)) {
                return true;
            }
        }
        return false;
    }

    private static double overlapShare(Geometry a, Geometry b) {
        if (!a.intersects(b)) {
            return 0;
        }
        double overlap = a.intersection(b).getArea();
        return overlap / Math.min(a.getArea(), b.getArea());
    }

    private static FieldProblem overlap(String field, String other, double share) {
        return new FieldProblem(
                field,
                "overlap",
                String.format("与网格 %s 重叠（重叠面积占 %.1f%%）", other, share * 100),
                String.format("overlaps grid %s (%.1f%% of the smaller area)", other, share * 100));
    }
}
