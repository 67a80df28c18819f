package org.gridgov.region.internal;

import java.util.List;
import org.gridgov.common.FieldProblem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the polygonal part of GeoJSON (RFC 7946) that grids use: Polygon and MultiPolygon in lon/lat.
 *
 * <p>Reading reports every defect as a {@link FieldProblem} under the given field path instead of failing on the
 * first, so that an import can tell the user all that is wrong with a feature at once.
 */
final class GeoJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GeoJson() {}

    /** Parses a GeoJSON geometry object; returns null and adds to {@code errors} when it is not usable. */
    static Geometry readGeometry(JsonNode node, String field, List<FieldProblem> errors) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            errors.add(problem(field, "required", "缺少几何图形", "geometry is missing"));
            return null;
        }
        if (!node.isObject()) {
            errors.add(problem(field, "malformed", "几何图形必须是 GeoJSON 对象", "geometry must be a GeoJSON object"));
            return null;
        }
        String type = node.path("type").asString("");
        JsonNode coordinates = node.get("coordinates");
        if (coordinates == null || !coordinates.isArray()) {
            errors.add(problem(field + ".coordinates", "malformed", "几何图形缺少坐标数组", "geometry has no coordinates array"));
            return null;
        }
        try {
            return switch (type) {
                case "Polygon" -> polygon(coordinates, field + ".coordinates");
                case "MultiPolygon" -> {
                    var polygons = new Polygon[coordinates.size()];
                    for (int i = 0; i < polygons.length; i++) {
                        polygons[i] = polygon(coordinates.get(i), field + ".coordinates[" + i + "]");
                    }
                    if (polygons.length == 0) {
                        throw new Malformed(field + ".coordinates", "多边形集合为空", "MultiPolygon has no polygons");
                    }
                    yield Geo.FACTORY.createMultiPolygon(polygons);
                }
                default ->
                    throw new Malformed(
                            field + ".type",
                            "几何类型必须是 Polygon 或 MultiPolygon，实际为 “" + type + "”",
                            "geometry type must be Polygon or MultiPolygon, was '" + type + "'");
            };
        } catch (Malformed e) {
            errors.add(problem(e.field, "malformed", e.getMessage(), e.english));
            return null;
        }
    }

    private static Polygon polygon(JsonNode rings, String field) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new Malformed(field, "多边形至少需要一个外环", "a polygon needs an outer ring");
        }
        var shell = ring(rings.get(0), field + "[0]");
        var holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), field + "[" + i + "]");
        }
        return Geo.FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions, String field) {
        if (!positions.isArray()) {
            throw new Malformed(field, "环必须是坐标数组", "a ring must be an array of positions");
        }
        var coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            var position = positions.get(i);
            if (!position.isArray()
                    || position.size() < 2
                    || !position.get(0).isNumber()
                    || !position.get(1).isNumber()) {
                throw new Malformed(
                        field + "[" + i + "]", "坐标必须是 [经度, 纬度] 数字对", "a position must be [lon, lat] numbers");
            }
            double lon = position.get(0).asDouble();
            double lat = position.get(1).asDouble();
            if (!Double.isFinite(lon) || lon < -180 || lon > 180 || !Double.isFinite(lat) || lat < -90 || lat > 90) {
                throw new Malformed(
                        field + "[" + i + "]",
                        "坐标超出经纬度范围：[" + lon + ", " + lat + "]",
                        "position out of lon/lat range: [" + lon + ", " + lat + "]");
            }
            coordinates[i] = new Coordinate(lon, lat);
        }
        if (coordinates.length < 4) {
            throw new Malformed(field, "环至少需要 4 个坐标（首尾相同）", "a ring needs at least 4 positions (first = last)");
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw new Malformed(field, "环未闭合：首尾坐标必须相同", "ring is not closed: first and last positions differ");
        }
        return Geo.FACTORY.createLinearRing(coordinates);
    }

    static ObjectNode writeGeometry(Geometry geometry) {
        return writeGeometry(geometry, GRID_SCALE);
    }

    /** As {@link #writeGeometry(Geometry)}, coordinates rounded to {@code scale} (1e6 keeps six decimals). */
    static ObjectNode writeGeometry(Geometry geometry, double scale) {
        var node = NODES.objectNode();
        if (geometry instanceof Polygon polygon) {
            node.put("type", "Polygon");
            node.set("coordinates", polygonCoordinates(polygon, scale));
        } else if (geometry instanceof MultiPolygon multi) {
            node.put("type", "MultiPolygon");
            var polygons = node.putArray("coordinates");
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                polygons.add(polygonCoordinates((Polygon) multi.getGeometryN(i), scale));
            }
        } else {
            throw new IllegalArgumentException("Grids are polygonal, got " + geometry.getGeometryType());
        }
        return node;
    }

    private static ArrayNode polygonCoordinates(Polygon polygon, double scale) {
        var rings = NODES.arrayNode();
        rings.add(ringCoordinates(polygon.getExteriorRing(), scale));
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            rings.add(ringCoordinates(polygon.getInteriorRingN(i), scale));
        }
        return rings;
    }

    private static ArrayNode ringCoordinates(LinearRing ring, double scale) {
        var positions = NODES.arrayNode();
        for (var c : ring.getCoordinates()) {
            positions.addArray().add(round(c.x, scale)).add(round(c.y, scale));
        }
        return positions;
    }

    /** Seven decimals is about a centimetre, finer than any grid boundary is surveyed. */
    private static final double GRID_SCALE = 1e7;

    static double round(double degrees, double scale) {
        return Math.round(degrees * scale) / scale;
    }

    static FieldProblem problem(String field, String code, String message, String messageEn) {
        return new FieldProblem(field, code, message, messageEn);
    }

    private static final class Malformed extends RuntimeException {
        private final String field;
        private final String english;

        Malformed(String field, String message, String english) {
            super(message, null, false, false);
            this.field = field;
            this.english = english;
        }
    }
}
