package org.gridgov.region.internal;

import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * A grid outline prepared for answering "is this point inside, on the edge, or outside" many times from many
 * threads.
 *
 * <p>Grid outlines are small (tens of vertices), where a plain ray-crossing test over the rings beats building a
 * segment index and costs no memory; large outlines get JTS's indexed locator, built eagerly because its lazy
 * initialisation is not meant for concurrent first use.
 */
final class GridShape {

    private static final int INDEXED_ABOVE_VERTICES = 256;

    final long versionId;
    final String code;
    final int level;
    final Envelope envelope;
    private final Coordinate[][][] rings;
    private final IndexedPointInAreaLocator indexed;

    GridShape(long versionId, String code, int level, Geometry boundary) {
        this.versionId = versionId;
        this.code = code;
        this.level = level;
        this.envelope = boundary.getEnvelopeInternal();
        if (boundary.getNumPoints() > INDEXED_ABOVE_VERTICES) {
            this.indexed = new IndexedPointInAreaLocator(boundary);
            this.indexed.locate(new Coordinate(envelope.getMinX(), envelope.getMinY()));
            this.rings = null;
        } else {
            this.indexed = null;
            this.rings = new Coordinate[boundary.getNumGeometries()][][];
            for (int i = 0; i < rings.length; i++) {
                var polygon = (Polygon) boundary.getGeometryN(i);
                rings[i] = new Coordinate[polygon.getNumInteriorRing() + 1][];
                rings[i][0] = polygon.getExteriorRing().getCoordinates();
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    rings[i][h + 1] = polygon.getInteriorRingN(h).getCoordinates();
                }
            }
        }
    }

    /** {@link Location#INTERIOR}, {@link Location#BOUNDARY} or {@link Location#EXTERIOR}. */
    int locate(Coordinate p) {
        if (!envelope.covers(p)) {
            return Location.EXTERIOR;
        }
        if (indexed != null) {
            return indexed.locate(p);
        }
        for (var polygon : rings) {
            int shell = PointLocation.locateInRing(p, polygon[0]);
            if (shell == Location.EXTERIOR) {
                continue;
            }
            if (shell == Location.BOUNDARY) {
                return Location.BOUNDARY;
            }
            int inHole = Location.EXTERIOR;
            for (int h = 1; h < polygon.length && inHole == Location.EXTERIOR; h++) {
                inHole = PointLocation.locateInRing(p, polygon[h]);
            }
            if (inHole == Location.EXTERIOR) {
                return Location.INTERIOR;
            }
            if (inHole == Location.BOUNDARY) {
                return Location.BOUNDARY;
            }
        }
        return Location.EXTERIOR;
    }
}
