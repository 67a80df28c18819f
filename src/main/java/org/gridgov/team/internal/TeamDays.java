package org.gridgov.team.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Today as the deployment counts days, in the one zone it is configured with (the working calendar's), so that a
 * member who starts "today" starts on the same day everywhere.
 */
@Component
class TeamDays {

    private final Clock clock;
    private final ZoneId zone;

    TeamDays(Clock clock, @Value("${gridgov.event.calendar.zone:Asia/Shanghai}") ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
