package org.gridgov.region.web;

import java.util.Locale;

/** Small GeoJSON texts for tests, placed far from the demo county so that they never overlap its grids. */
final class GeoJsonFixtures {

    private GeoJsonFixtures() {}

    /** An axis-aligned square polygon with its south-west corner at (lon, lat). */
    static String square(double lon, double lat, double side) {
        return rectangle(lon, lat, lon + side, lat + side);
    }

    static String rectangle(double minLon, double minLat, double maxLon, double maxLat) {
        return String.format(
                Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}",
                minLon,
                minLat,
                maxLon,
                minLat,
                maxLon,
                maxLat,
                minLon,
                maxLat,
                minLon,
                minLat);
    }

    /** A bow tie: its two edges cross, so the polygon intersects itself. */
    static String bowTie(double lon, double lat, double side) {
        return String.format(
                Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}",
                lon,
                lat,
                lon + side,
                lat + side,
                lon + side,
                lat,
                lon,
                lat + side,
                lon,
                lat);
    }

    static String feature(String geometry, String properties) {
        return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":{" + properties + "}}";
    }

    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }
}
