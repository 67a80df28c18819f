package org.gridgov.field.internal;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The patrols' settings.
 *
 * @param trackRetention how long track points are kept after their patrol started; older ones are purged (the
 *     patrol and its figures stay)
 * @param purgeScan how often the purge looks for old points
 * @param cellSize the side of the cells laid over a grid for its coverage, metres
 * @param coverageRadius how near the track a cell's centre must come to be covered, metres
 * @param maxAccuracy points with a larger error estimate are kept but do not count, metres
 * @param maxSpeed a point implying a faster move from the last counted one is a GPS jump and does not count, m/s
 * @param batchLimit the most points one upload may carry
 * @param uploadEvery how often the phone page sends its points
 */
@ConfigurationProperties("gridgov.field")
record PatrolSettings(
        @DefaultValue("P12M") Period trackRetention,
        @DefaultValue("PT1H") Duration purgeScan,
        @DefaultValue("50") double cellSize,
        @DefaultValue("25") double coverageRadius,
        @DefaultValue("100") double maxAccuracy,
        @DefaultValue("25") double maxSpeed,
        @DefaultValue("500") int batchLimit,
        @DefaultValue("PT15S") Duration uploadEvery) {

    TrackWalk.Limits limits() {
        return new TrackWalk.Limits(maxAccuracy, maxSpeed);
    }
}
