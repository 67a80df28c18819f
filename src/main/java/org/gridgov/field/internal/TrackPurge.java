package org.gridgov.field.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.gridgov.common.Unscoped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the track points of patrols that started longer ago than the retention (gridgov.field.track-retention,
 * 12 months by default): a worker's positions are personal data, kept no longer than needed. The patrol, its figures
 * and its links stay. A patrol at a time, each in a transaction of its own; two nodes running it at once delete the
 * same rows, which is harmless.
 */
@Component
@Unscoped("a scheduled job over every county, with no caller")
class TrackPurge {

    private static final Logger log = LoggerFactory.getLogger(TrackPurge.class);
    private static final int BATCH = 200;

    private final PatrolRepository patrols;
    private final TrackRepository tracks;
    private final PatrolSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ZoneId zone;

    TrackPurge(
            PatrolRepository patrols,
            TrackRepository tracks,
            PatrolSettings settings,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${gridgov.event.calendar.zone:Asia/Shanghai}") ZoneId zone) {
        this.patrols = patrols;
        this.tracks = tracks;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
        this.zone = zone;
    }

    /** Purges what is due by the clock now; answers the number of points deleted. */
    @Scheduled(
            fixedDelayString = "${gridgov.field.purge-scan:PT1H}",
            initialDelayString = "${gridgov.field.purge-delay:PT5M}")
    public long purge() {
        Instant now = clock.instant();
        Instant before = now.atZone(zone).minus(settings.trackRetention()).toInstant();
        long deleted = 0;
        while (true) {
            var due = patrols.withTrackBefore(before, BATCH);
            for (var patrol : due) {
                String county = (String) patrol[0];
                long id = (Long) patrol[1];
                Integer points = transactions.execute(status -> {
                    int n = tracks.purge(county, id);
                    patrols.trackPurged(county, id, now);
                    return n;
                });
                deleted += points == null ? 0 : points;
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        if (deleted > 0) {
            log.info("Track points older than {} purged: {}", settings.trackRetention(), deleted);
        }
        return deleted;
    }
}
