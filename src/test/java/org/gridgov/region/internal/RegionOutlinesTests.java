package org.gridgov.region.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** Deriving and simplifying outlines, without a database. */
class RegionOutlinesTests {

    @Test
    void gridsSharingAnEdgeUniteIntoOneOutlineWithoutTheEdge() {
        var union = RegionOutlines.union(List.of(square(113.80, 31.60, 0.01), square(113.81, 31.60, 0.01)));
        assertThat(union).isInstanceOf(Polygon.class);
        assertThat(union.getArea()).isCloseTo(0.0002, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(union.getNumPoints()).isLessThanOrEqualTo(7);
    }

    @Test
    void nothingToUniteIsNoOutline() {
        assertThat(RegionOutlines.union(List.of())).isNull();
    }

    @Test
    void simplifyingDropsWigglesBelowTheToleranceAndKeepsTheShapeValid() {
        var wiggly = new Coordinate[202];
        for (int i = 0; i <= 100; i++) {
            wiggly[i] = new Coordinate(113.80 + i * 0.0002, 31.60 + (i % 2) * 0.00001);
        }
        for (int i = 0; i <= 100; i++) {
            wiggly[101 + i] = new Coordinate(113.82 - i * 0.0002, 31.62 + (i % 2) * 0.00001);
        }
        var ring = java.util.Arrays.copyOf(wiggly, 203);
        ring[202] = ring[0];
        Geometry outline = Geo.FACTORY.createPolygon(ring);
        var simple = RegionOutlines.simplified(outline, RegionOutlines.VILLAGE_TOLERANCE);
        assertThat(simple.isValid()).isTrue();
        assertThat(simple.getNumPoints()).isLessThan(20);
        assertThat(simple.getArea()).isCloseTo(outline.getArea(), org.assertj.core.data.Offset.offset(1e-6));
        for (var c : simple.getCoordinates()) {
            assertThat(c.x * 1e6).isCloseTo(Math.rint(c.x * 1e6), org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void anOutlineSmallerThanTheToleranceIsKeptRatherThanLost() {
        var tiny = square(113.80, 31.60, 0.0002);
        var simple = RegionOutlines.simplified(tiny, RegionOutlines.TOWNSHIP_TOLERANCE);
        assertThat(simple.isEmpty()).isFalse();
        assertThat(simple.isValid()).isTrue();
    }

    private static Polygon square(double lon, double lat, double side) {
        return Geo.FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(lon, lat),
            new Coordinate(lon + side, lat),
            new Coordinate(lon + side, lat + side),
            new Coordinate(lon, lat + side),
            new Coordinate(lon, lat)
        });
    }
}
