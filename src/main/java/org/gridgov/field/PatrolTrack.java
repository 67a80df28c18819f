package org.gridgov.field;

import java.time.Instant;
import java.util.List;
import org.gridgov.common.PageResult;

/**
 * A patrol's track for a replay: its points in order (a page of them), its pauses and its grid's outline.
 *
 * @param outline the grid's outline as GeoJSON polygon coordinates, one list of rings per polygon, [lon, lat]
 */
public record PatrolTrack(
        Patrol patrol, PageResult<Point> points, List<Pause> pauses, List<List<List<double[]>>> outline) {

    /**
     * A point as stored.
     *
     * @param counted whether it counts for distance (else too inaccurate, an impossible jump, or while paused)
     */
    public record Point(int seq, Instant at, double lon, double lat, int accuracy, boolean counted) {}

    /** A pause, {@code to} null while it lasts. */
    public record Pause(Instant from, Instant to) {}
}
