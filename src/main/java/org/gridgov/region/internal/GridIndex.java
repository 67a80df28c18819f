package org.gridgov.region.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable in-memory spatial index of grid outlines answering which grid contains a point.
 *
 * <p>Deterministic on shared edges: the finest level wins (a micro-grid over its grid); among grids of that level a
 * grid holding the point in its interior wins over one that only touches it; among grids that all only touch it
 * (a point on a shared edge or corner) the lowest code wins.
 */
final class GridIndex {

    private final STRtree tree;
    private final int size;
    final long revision;

    GridIndex(Collection<GridShape> shapes, long revision) {
        this.tree = new STRtree();
        for (var shape : shapes) {
            tree.insert(shape.envelope, shape);
        }
        // Building eagerly makes later queries read-only and so safe from many threads.
        tree.build();
        this.size = shapes.size();
        this.revision = revision;
    }

    static GridIndex empty() {
        return new GridIndex(List.of(), -1);
    }

    int size() {
        return size;
    }

    Optional<GridShape> locate(double lon, double lat) {
        var p = new Coordinate(lon, lat);
        var best = new GridShape[1];
        var bestLocation = new int[] {Location.EXTERIOR};
        tree.query(new Envelope(p), item -> {
            var shape = (GridShape) item;
            int location = shape.locate(p);
            if (location != Location.EXTERIOR && better(shape, location, best[0], bestLocation[0])) {
                best[0] = shape;
                bestLocation[0] = location;
            }
        });
        return Optional.ofNullable(best[0]);
    }

    private static boolean better(GridShape candidate, int location, GridShape current, int currentLocation) {
        if (current == null) {
            return true;
        }
        if (candidate.level != current.level) {
            return candidate.level > current.level;
        }
        if (location != currentLocation) {
            return location == Location.INTERIOR;
        }
        return candidate.code.compareTo(current.code) < 0;
    }
}
