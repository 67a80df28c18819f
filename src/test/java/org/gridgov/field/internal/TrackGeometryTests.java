package org.gridgov.field.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The geometry of a patrol on a known square grid (1,000 m a side, so 400 cells of 50 m) and known tracks: which points
 * count, how far they go, and how much of the grid they cover.
 */
class TrackGeometryTests {

    private static final PatrolCoverage.Projection NEAR_GUANGSHUI = new PatrolCoverage.Projection(113.8, 31.6);
    private static final TrackWalk.Limits LIMITS = new TrackWalk.Limits(100, 25);
    private static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");

    /** A square of 1,000 m about the projection's centre, in degrees. */
    private static Polygon square() {
        var corners = new double[][] {{-500, -500}, {500, -500}, {500, 500}, {-500, 500}, {-500, -500}};
        var ring = new Coordinate[corners.length];
        for (int i = 0; i < corners.length; i++) {
            var d = NEAR_GUANGSHUI.degrees(corners[i][0], corners[i][1]);
            ring[i] = new Coordinate(d[0], d[1]);
        }
        return new GeometryFactory().createPolygon(ring);
    }

    /** A track across the square from west to east at {@code y} metres north of its centre, a point every 100 m. */
    private static List<double[]> across(double y) {
        var track = new ArrayList<double[]>();
        for (int x = -500; x <= 500; x += 100) {
            track.add(NEAR_GUANGSHUI.degrees(x, y));
        }
        return track;
    }

    private static TrackWalk.Step step(int seq, int seconds, double x, double y, int accuracy) {
        var d = NEAR_GUANGSHUI.degrees(x, y);
        return new TrackWalk.Step(seq, T0.plusSeconds(seconds), d[0], d[1], accuracy);
    }

    @Test
    void aTrackThroughTheMiddleOfARowOfCellsCoversThatRowOnly() {
        // Cells are anchored at the square's south-west corner: row 10 has its centres 25 m north of the centre.
        assertThat(PatrolCoverage.coverage(square(), across(25), 50, 25)).isCloseTo(20 / 400.0, within(1e-9));
    }

    @Test
    void aWiderRadiusCoversTheNeighbouringRowsToo() {
        // Rows 9 and 11 have their centres 50 m from the track, rows 8 and 12 100 m.
        assertThat(PatrolCoverage.coverage(square(), across(25), 50, 60)).isCloseTo(60 / 400.0, within(1e-9));
    }

    @Test
    void aTrackOfOnePointCoversTheCellItStandsIn() {
        var point = List.of(NEAR_GUANGSHUI.degrees(25, 25));
        assertThat(PatrolCoverage.coverage(square(), point, 50, 25)).isCloseTo(1 / 400.0, within(1e-9));
        assertThat(PatrolCoverage.coverage(square(), List.of(), 50, 25)).isNull();
    }

    @Test
    void theHaversineDistanceOfOneDegreeOfLatitudeIsAbout111Kilometres() {
        assertThat(TrackWalk.metres(113.8, 31, 113.8, 32)).isCloseTo(111_195, within(1.0));
        assertThat(TrackWalk.metres(113.8, 31.6, 113.81, 31.6)).isCloseTo(947.0, within(1.0));
    }

    @Test
    void inaccuratePointsAndJumpsAreKeptButDoNotCount() {
        var steps = List.of(
                step(0, 0, -500, 0, 10),
                step(1, 60, -400, 0, 10),
                step(2, 90, -350, 0, 500),
                step(3, 120, 4_000, 0, 10),
                step(4, 180, -300, 0, 10));
        var walk = TrackWalk.walk(null, steps, List.of(), T0, T0.plusSeconds(600), LIMITS);
        assertThat(walk.flags())
                .containsExactly(
                        TrackWalk.COUNTED,
                        TrackWalk.COUNTED,
                        TrackWalk.INACCURATE,
                        TrackWalk.TOO_FAST,
                        TrackWalk.COUNTED);
        assertThat(walk.metres()).isCloseTo(200, within(0.5));
        assertThat(walk.tip().seq()).isEqualTo(4);
    }

    @Test
    void aPauseBreaksTheTrackAndPointsRecordedDuringItDoNotCount() {
        var pause = new TrackWalk.Span(T0.plusSeconds(100), T0.plusSeconds(400));
        var steps = List.of(
                step(0, 0, -500, 0, 10),
                step(1, 60, -400, 0, 10),
                step(2, 200, -300, 0, 10),
                step(3, 450, 0, 0, 10),
                step(4, 510, 100, 0, 10));
        var walk = TrackWalk.walk(null, steps, List.of(pause), T0, T0.plusSeconds(600), LIMITS);
        assertThat(walk.flags()[2]).isEqualTo(TrackWalk.OUT_OF_TIME);
        // 100 m before the pause and 100 m after it; the 400 m between -400 and 0 was covered while paused.
        assertThat(walk.metres()).isCloseTo(200, within(0.5));
    }

    @Test
    void aWalkGoesOnFromItsTipAndIgnoresPointsBehindIt() {
        var first = TrackWalk.walk(
                null, List.of(step(0, 0, 0, 0, 5), step(1, 30, 50, 0, 5)), List.of(), T0, T0.plusSeconds(60), LIMITS);
        var late = step(0, 0, 0, 0, 5);
        var next = TrackWalk.walk(
                first.tip(), List.of(late, step(2, 60, 100, 0, 5)), List.of(), T0, T0.plusSeconds(60), LIMITS);
        assertThat(next.flags()).containsExactly(TrackWalk.OUT_OF_TIME, TrackWalk.COUNTED);
        assertThat(first.metres() + next.metres()).isCloseTo(100, within(0.5));
    }

    @Test
    void pointsFarOutsideThePatrolsTimeDoNotCount() {
        var walk = TrackWalk.walk(null, List.of(step(0, -3600, 0, 0, 5)), List.of(), T0, T0.plusSeconds(60), LIMITS);
        assertThat(walk.flags()).containsExactly(TrackWalk.OUT_OF_TIME);
    }
}
