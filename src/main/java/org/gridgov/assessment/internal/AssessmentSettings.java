package org.gridgov.assessment.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The assessment's settings.
 *
 * @param reviewDays days after a month ends during which its figures stay live for corrections (复核期); the month is
 *     closed and frozen after them (and the quarter and year it ends)
 * @param closeScan how often the platform looks for periods to close
 * @param liveFor how long the live figures of an open period are kept before they are counted again, unless an event
 *     of the county moves first
 * @param closeParallelism how many counties the scan closes side by side (0: one per processor); each county closes
 *     in a transaction of its own, so a province's month-end is bounded by its largest counties, not their sum
 */
@ConfigurationProperties("gridgov.assessment")
record AssessmentSettings(
        @DefaultValue("5") int reviewDays,
        @DefaultValue("PT1H") Duration closeScan,
        @DefaultValue("PT5M") Duration liveFor,
        @DefaultValue("0") int closeParallelism) {

    int parallelism() {
        return closeParallelism > 0 ? closeParallelism : Runtime.getRuntime().availableProcessors();
    }
}
