package org.gridgov.region.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Locate throughput over the demo county scaled to many grids: the platform's {@link GridIndex} against a plain JTS
 * STRtree of polygons queried with {@code Geometry.covers}, the baseline, in the same run. Run by
 * {@code bench/locate.sh}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LocateBenchmark {

    private static final int POINTS = 1 << 16;

    @State(Scope.Benchmark)
    public static class Grids {
        @Param("100000")
        public int grids;

        GridIndex index;
        STRtree baseline;
        double[] lons = new double[POINTS];
        double[] lats = new double[POINTS];

        @Setup(Level.Trial)
        public void build() {
            var townships = List.of(
                    new DemoGridGenerator.Township("421381001", "应山街道"),
                    new DemoGridGenerator.Township("421381002", "十里街道"),
                    new DemoGridGenerator.Township("421381003", "广水街道"),
                    new DemoGridGenerator.Township("421381004", "城郊街道"),
                    new DemoGridGenerator.Township("421381100", "武胜关镇"),
                    new DemoGridGenerator.Township("421381101", "杨寨镇"),
                    new DemoGridGenerator.Township("421381102", "陈巷镇"),
                    new DemoGridGenerator.Township("421381103", "长岭镇"),
                    new DemoGridGenerator.Township("421381104", "马坪镇"),
                    new DemoGridGenerator.Township("421381105", "关庙镇"),
                    new DemoGridGenerator.Township("421381106", "余店镇"),
                    new DemoGridGenerator.Township("421381107", "吴店镇"),
                    new DemoGridGenerator.Township("421381108", "郝店镇"),
                    new DemoGridGenerator.Township("421381109", "蔡河镇"),
                    new DemoGridGenerator.Township("421381110", "李店镇"),
                    new DemoGridGenerator.Township("421381111", "太平镇"),
                    new DemoGridGenerator.Township("421381112", "骆店镇"),
                    new DemoGridGenerator.Township("421381400", "中华山林场"),
                    new DemoGridGenerator.Township("421381401", "三潭风景区"),
                    new DemoGridGenerator.Township("421381402", "经济开发区"));
            var demo = DemoGridGenerator.generate(
                    DemoData.SEED,
                    DemoData.COUNTY,
                    townships,
                    DemoData.CENTER_LON,
                    DemoData.CENTER_LAT,
                    DemoData.RADIUS_KM,
                    grids);
            var shapes = new ArrayList<GridShape>();
            baseline = new STRtree();
            long id = 0;
            for (var grid : demo.grids()) {
                shapes.add(new GridShape(++id, grid.code(), 1, grid.boundary()));
                baseline.insert(grid.boundary().getEnvelopeInternal(), grid.boundary());
            }
            baseline.build();
            index = new GridIndex(shapes, 1);
            // Points spread over the county's bounding box: most fall inside a grid, some outside the county.
            Envelope env = demo.countyBoundary().getEnvelopeInternal();
            var random = new SplittableRandom(7);
            for (int i = 0; i < POINTS; i++) {
                lons[i] = env.getMinX() + random.nextDouble() * env.getWidth();
                lats[i] = env.getMinY() + random.nextDouble() * env.getHeight();
            }
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance() {
            next = (next + 1) & (POINTS - 1);
            return next;
        }
    }

    @Benchmark
    public Optional<GridShape> gridIndex(Grids grids, Cursor cursor) {
        int i = cursor.advance();
        return grids.index.locate(grids.lons[i], grids.lats[i]);
    }

    @Benchmark
    public Geometry rawStrTree(Grids grids, Cursor cursor) {
        int i = cursor.advance();
        var point = Geo.point(grids.lons[i], grids.lats[i]);
        @SuppressWarnings("unchecked")
        List<Geometry> candidates = grids.baseline.query(new Envelope(new Coordinate(grids.lons[i], grids.lats[i])));
        for (var candidate : candidates) {
            if (candidate.covers(point)) {
                return candidate;
            }
        }
        return null;
    }
}
