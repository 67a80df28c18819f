package org.gridgov.region.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class GridIndexTests {

    private static Geometry box(double minX, double minY, double maxX, double maxY) {
        return Geo.FACTORY.toGeometry(new org.locationtech.jts.geom.Envelope(minX, maxX, minY, maxY));
    }

    private static GridShape shape(long id, String code, int level, Geometry outline) {
        return new GridShape(id, code, level, outline);
    }

    private final GridShape west = shape(1, "421381101201102", 1, box(0, 0, 1, 1));
    private final GridShape east = shape(2, "421381101201101", 1, box(1, 0, 2, 1));
    private final GridIndex index = new GridIndex(List.of(west, east), 1);

    @Test
    void findsTheGridHoldingAPointInside() {
        assertThat(index.locate(0.5, 0.5)).get().isSameAs(west);
        assertThat(index.locate(1.5, 0.5)).get().isSameAs(east);
    }

    @Test
    void aPointOnASharedEdgeGoesToTheLowerCodeWhateverTheOrder() {
        assertThat(index.locate(1.0, 0.5)).get().isSameAs(east);
        var reversed = new GridIndex(List.of(east, west), 1);
        assertThat(reversed.locate(1.0, 0.5)).get().isSameAs(east);
    }

    @Test
    void aPointOnAnOuterEdgeStillBelongsToItsGrid() {
        assertThat(index.locate(0.0, 0.5)).get().isSameAs(west);
        assertThat(index.locate(2.0, 1.0)).get().isSameAs(east);
    }

    @Test
    void aPointOutsideAllGridsFindsNothing() {
        assertThat(index.locate(3, 3)).isEmpty();
        assertThat(index.locate(0.5, -0.0001)).isEmpty();
    }

    @Test
    void theFinerLevelWinsOverItsParentGrid() {
        var micro = shape(3, "42138110120110201", 2, box(0.2, 0.2, 0.4, 0.4));
        var withMicro = new GridIndex(List.of(west, east, micro), 1);
        assertThat(withMicro.locate(0.3, 0.3)).get().isSameAs(micro);
        assertThat(withMicro.locate(0.6, 0.6)).get().isSameAs(west);
    }

    @Test
    void holesAreOutside() {
        var ring = box(0, 0, 10, 10).difference(box(4, 4, 6, 6));
        var index = new GridIndex(List.of(shape(4, "421381101201103", 1, ring)), 1);
        assertThat(index.locate(5, 5)).isEmpty();
        assertThat(index.locate(1, 1)).isPresent();
        assertThat(index.locate(4, 5)).isPresent();
    }

    @Test
    void largeOutlinesUseTheIndexedLocatorWithTheSameAnswers() {
        var circle = Geo.point(0, 0).buffer(1, 200);
        var shape = shape(5, "421381101201104", 1, circle);
        assertThat(circle.getNumPoints()).isGreaterThan(256);
        var index = new GridIndex(List.of(shape), 1);
        assertThat(index.locate(0.5, 0.5)).isPresent();
        assertThat(index.locate(0.9, 0.9)).isEmpty();
        assertThat(shape.locate(new Coordinate(1, 0))).isNotEqualTo(org.locationtech.jts.geom.Location.EXTERIOR);
    }
}
