package org.gridgov.region.internal;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/** Geometry plumbing shared by the region module: the CGCS2000 factory, WKB storage and areas in square metres. */
final class Geo {

    /** CGCS2000 geographic coordinates, lon/lat degrees. */
    static final int SRID_CGCS2000 = 4490;

    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), SRID_CGCS2000);

    private static final double METRES_PER_DEGREE = 111_320.0;

    private Geo() {}

    static byte[] toWkb(Geometry geometry) {
        return new WKBWriter(2).write(geometry);
    }

    static Geometry fromWkb(byte[] wkb) {
        try {
            var geometry = new WKBReader(FACTORY).read(wkb);
            geometry.setSRID(SRID_CGCS2000);
            return geometry;
        } catch (ParseException e) {
            throw new IllegalStateException("Stored geometry is not valid WKB", e);
        }
    }

    static Point point(double lon, double lat) {
        return FACTORY.createPoint(new Coordinate(lon, lat));
    }

    /**
     * Area in square metres by an equirectangular projection at the geometry's mean latitude: within a fraction of a
     * percent for grid-sized areas, which is what a grid register needs.
     */
    static double areaSquareMetres(Geometry geometry) {
        var env = geometry.getEnvelopeInternal();
        double midLat = Math.toRadians((env.getMinY() + env.getMaxY()) / 2);
        return geometry.getArea() * METRES_PER_DEGREE * METRES_PER_DEGREE * Math.cos(midLat);
    }
}
