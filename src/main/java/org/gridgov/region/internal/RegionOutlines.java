package org.gridgov.region.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.region.GridsChanged;
import org.gridgov.region.RegionLevel;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outlines of the townships and villages under the deployment's root, the base layer of every map: a region's
 * stored outline where it has one, else the union of its current grids (a village) or of its villages' outlines (a
 * township), simplified for the zoom at which the level is drawn. Built once for the whole tree and kept until grids
 * or regions change; each answer is then cut to the caller's scope.
 */
@Service
public class RegionOutlines {

    /** About 50 m: under a pixel at zoom 11, where a county's townships fill the screen. */
    static final double TOWNSHIP_TOLERANCE = 0.0005;

    /** About 10 m: a pixel at zoom 14, where a township's villages fill the screen. */
    static final double VILLAGE_TOLERANCE = 0.0001;

    /** Six decimals is about 0.1 m, far finer than the simplification; coordinates snap to it before they are sent. */
    private static final PrecisionModel SENT = new PrecisionModel(1e6);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RegionRepository regions;
    private final GridRepository grids;
    private final RegionCatalog catalog;
    private final RegionScope scope;
    private final RegionSettings settings;

    private volatile Snapshot snapshot;

    RegionOutlines(
            RegionRepository regions,
            GridRepository grids,
            RegionCatalog catalog,
            RegionScope scope,
            RegionSettings settings) {
        this.regions = regions;
        this.grids = grids;
        this.catalog = catalog;
        this.scope = scope;
        this.settings = settings;
    }

    /**
     * One township or village as the map draws it.
     *
     * @param labelPoint where its name goes: a point inside the outline
     */
    public record Outline(
            String code, String name, RegionLevel level, String parentCode, Geometry outline, Point labelPoint) {}

    private record Snapshot(String revision, List<Outline> outlines) {}

    /**
     * The outlines of the given levels that meet a region or grid: those inside it and those it lies in (a grid
     * worker's village and township). Of those, the caller gets the ones whose names they may see, and the ones their
     * scope lies in: a village's grid worker sees the outline of the township around them, whose name the path of
     * every grid of theirs shows anyway, but not the villages beside theirs. A code the caller may not read is not
     * found, as everywhere in the tree.
     */
    public List<Outline> meeting(String code, Set<RegionLevel> levels) {
        catalog.region(code);
        var data = scope.data();
        return current().outlines().stream()
                .filter(o -> levels.contains(o.level()))
                .filter(o -> o.code().startsWith(code) || code.startsWith(o.code()))
                .filter(o -> data.reaches(o.code()) || data.prefix().startsWith(o.code()))
                .toList();
    }

    /**
     * The outlines as a GeoJSON FeatureCollection: the code as the feature's id, and code, name, level, parentCode and
     * labelPoint ([lon, lat]) as properties.
     */
    public static ObjectNode collection(List<Outline> outlines) {
        var collection = NODES.objectNode();
        collection.put("type", "FeatureCollection");
        var features = collection.putArray("features");
        for (var outline : outlines) {
            var feature = features.addObject();
            feature.put("type", "Feature");
            feature.put("id", outline.code());
            feature.set("geometry", GeoJson.writeGeometry(outline.outline(), SENT.getScale()));
            var properties = feature.putObject("properties");
            properties.put("code", outline.code());
            properties.put("name", outline.name());
            properties.put("level", outline.level().name());
            properties.put("parentCode", outline.parentCode());
            properties
                    .putArray("labelPoint")
                    .add(GeoJson.round(outline.labelPoint().getX(), SENT.getScale()))
                    .add(GeoJson.round(outline.labelPoint().getY(), SENT.getScale()));
        }
        return collection;
    }

    @TransactionalEventListener
    void on(GridsChanged changed) {
        snapshot = null;
    }

    /**
     * The outlines built for the current revision of grids and regions. The revision is read on every call, so that
     * a change made on another node, or to the regions (which raise no event), is seen on the next map drawn.
     */
    private Snapshot current() {
        String revision = grids.revision() + ":" + regions.revision(settings.rootCode());
        var cached = snapshot;
        if (cached != null && cached.revision().equals(revision)) {
            return cached;
        }
        synchronized (this) {
            cached = snapshot;
            if (cached == null || !cached.revision().equals(revision)) {
                cached = new Snapshot(revision, build());
                snapshot = cached;
            }
            return cached;
        }
    }

    private List<Outline> build() {
        var rows = regions.currentTownshipsAndVillages(settings.rootCode());
        var stored = new HashMap<String, Geometry>();
        for (var row : rows) {
            if (row.boundary() != null) {
                stored.put(row.code(), Geo.fromWkb(row.boundary()));
            }
        }
        var villages = new HashMap<String, Geometry>();
        var townships = new HashMap<String, Geometry>();
        var missing = rows.stream()
                .filter(r -> r.level() == RegionLevel.VILLAGE && !stored.containsKey(r.code()))
                .map(RegionRepository.RegionRow::code)
                .toList();
        var fromGrids = missing.isEmpty() ? Map.<String, Geometry>of() : villagesFromGrids(Set.copyOf(missing));
        for (var row : rows) {
            if (row.level() == RegionLevel.VILLAGE) {
                var outline = stored.getOrDefault(row.code(), fromGrids.get(row.code()));
                if (outline != null) {
                    villages.put(row.code(), outline);
                }
            }
        }
        var byTownship = new HashMap<String, List<Geometry>>();
        for (var row : rows) {
            if (row.level() == RegionLevel.VILLAGE && villages.containsKey(row.code())) {
                byTownship
                        .computeIfAbsent(row.parentCode(), k -> new ArrayList<>())
                        .add(villages.get(row.code()));
            }
        }
        for (var row : rows) {
            if (row.level() == RegionLevel.TOWNSHIP) {
                var outline = stored.containsKey(row.code())
                        ? stored.get(row.code())
                        : union(byTownship.getOrDefault(row.code(), List.of()));
                if (outline != null) {
                    townships.put(row.code(), outline);
                }
            }
        }
        var outlines = new ArrayList<Outline>();
        for (var row : rows) {
            boolean township = row.level() == RegionLevel.TOWNSHIP;
            var outline = (township ? townships : villages).get(row.code());
            if (outline == null) {
                continue;
            }
            var shape = simplified(outline, township ? TOWNSHIP_TOLERANCE : VILLAGE_TOLERANCE);
            outlines.add(new Outline(
                    row.code(), row.name(), row.level(), row.parentCode(), shape, shape.getInteriorPoint()));
        }
        return List.copyOf(outlines);
    }

    /** The union of the current grids (level 1) of each of these villages. */
    private Map<String, Geometry> villagesFromGrids(Set<String> villageCodes) {
        var parts = new HashMap<String, List<Geometry>>();
        grids.forEachCurrentUnder(settings.rootCode(), null, grid -> {
            if (grid.level() == 1 && villageCodes.contains(grid.villageCode())) {
                parts.computeIfAbsent(grid.villageCode(), k -> new ArrayList<>())
                        .add(grid.boundary());
            }
        });
        var outlines = new HashMap<String, Geometry>();
        parts.forEach((code, shapes) -> {
            var outline = union(shapes);
            if (outline != null) {
                outlines.put(code, outline);
            }
        });
        return outlines;
    }

    /** The polygonal union of outlines, or null when nothing polygonal is left. */
    static Geometry union(Collection<Geometry> shapes) {
        if (shapes.isEmpty()) {
            return null;
        }
        var union = UnaryUnionOp.union(shapes);
        return union instanceof Polygonal && !union.isEmpty() ? union : null;
    }

    /**
     * Simplified at {@code tolerance} degrees and snapped to six decimals, still a valid polygon; an outline that
     * would vanish at that tolerance is only snapped.
     */
    static Geometry simplified(Geometry outline, double tolerance) {
        var simple = GeometryPrecisionReducer.reduce(TopologyPreservingSimplifier.simplify(outline, tolerance), SENT);
        if (simple.isEmpty() || !(simple instanceof Polygonal)) {
            simple = GeometryPrecisionReducer.reduce(outline, SENT);
        }
        simple.setSRID(outline.getSRID());
        return simple;
    }
}
