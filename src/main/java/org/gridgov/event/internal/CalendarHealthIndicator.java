package org.gridgov.event.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The health component {@code calendar}: UP while the working calendar holds this year and, from 1 November, the
 * next; otherwise DEGRADED, a status of its own that the overall health and the liveness and readiness probes leave
 * out, since the platform keeps working (with provisional deadlines) and restarting it would mend nothing.
 */
@Component
class CalendarHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "the working calendar lacks a year's holidays");

    private final CalendarCoverage coverage;

    CalendarHealthIndicator(CalendarCoverage coverage) {
        this.coverage = coverage;
    }

    @Override
    public Health health() {
        var status = coverage.status();
        var health = status.warning() == null ? Health.up() : Health.status(DEGRADED);
        return health.withDetail("year", status.year())
                .withDetail("yearEntered", status.yearEntered())
                .withDetail("nextYear", status.nextYear())
                .withDetail("nextYearEntered", status.nextYearEntered())
                .withDetail(
                        "warning",
                        status.warning() == null ? "none" : status.warning().name())
                .build();
    }
}
