package org.gridgov.field.internal;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryTransformer;

/**
 * How much of a grid a patrol came near: a square cell grid (cells of {@code cellSize} metres, anchored at the
 * outline's south-west corner) is laid over the grid; a cell belongs to the grid when its centre lies inside the
 * outline, and is covered when its centre lies within {@code radius} metres of the track. Coverage is covered cells
 * over the grid's cells. The work is done on a local flat projection about the grid's centre (equirectangular), exact
 * to well under a metre over a grid's few kilometres.
 */
final class PatrolCoverage {

    private static final GeometryFactory FLAT = new GeometryFactory();

    private PatrolCoverage() {}

    /**
     * The share of the grid's cells within {@code radius} metres of the track, 0 to 1; null when the grid is too
     * small to hold a cell or the track has no point.
     *
     * @param track the counted points in order, [lon, lat] degrees
     */
    static Double coverage(Geometry outline, List<double[]> track, double cellSize, double radius) {
        if (track.isEmpty() || outline.isEmpty()) {
            return null;
        }
        var env = outline.getEnvelopeInternal();
        var projection = new Projection(env.centre().x, env.centre().y);
        Geometry grid = projection.flat(outline);
        var cells = PreparedGeometryFactory.prepare(grid);
        Geometry line = track.size() == 1
                ? FLAT.createPoint(projection.flat(track.getFirst()))
                : FLAT.createLineString(track.stream().map(projection::flat).toArray(Coordinate[]::new));
        var near = PreparedGeometryFactory.prepare(line.buffer(radius, 8));
        var box = grid.getEnvelopeInternal();
        long inside = 0;
        long covered = 0;
        for (double y = box.getMinY() + cellSize / 2; y < box.getMaxY(); y += cellSize) {
            for (double x = box.getMinX() + cellSize / 2; x < box.getMaxX(); x += cellSize) {
                var centre = FLAT.createPoint(new Coordinate(x, y));
                if (cells.contains(centre)) {
                    inside++;
                    if (near.contains(centre)) {
                        covered++;
                    }
                }
            }
        }
        return inside == 0 ? null : (double) covered / inside;
    }

    /** A local equirectangular projection: metres east and north of a centre point. */
    record Projection(double lon0, double lat0) {

        double metresPerDegreeLat() {
            return Math.toRadians(1) * TrackWalk.EARTH_RADIUS;
        }

        double metresPerDegreeLon() {
            return metresPerDegreeLat() * Math.cos(Math.toRadians(lat0));
        }

        Coordinate flat(double[] lonLat) {
            return new Coordinate((lonLat[0] - lon0) * metresPerDegreeLon(), (lonLat[1] - lat0) * metresPerDegreeLat());
        }

        /** Degrees of a point given in metres east and north of the centre. */
        double[] degrees(double x, double y) {
            return new double[] {lon0 + x / metresPerDegreeLon(), lat0 + y / metresPerDegreeLat()};
        }

        Geometry flat(Geometry lonLat) {
            return new GeometryTransformer() {
                @Override
                protected CoordinateSequence transformCoordinates(CoordinateSequence coords, Geometry parent) {
                    var copy = coords.copy();
                    for (int i = 0; i < copy.size(); i++) {
                        var c = flat(new double[] {copy.getX(i), copy.getY(i)});
                        copy.setOrdinate(i, 0, c.x);
                        copy.setOrdinate(i, 1, c.y);
                    }
                    return copy;
                }
            }.transform(lonLat);
        }
    }
}
