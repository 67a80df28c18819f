package org.gridgov.photo.internal;

import java.time.Clock;
import java.time.Duration;
import org.gridgov.common.Unscoped;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Discards photos no record took within a day of their upload (a form abandoned after its photos were sent). A delete
 * of what is past due: safe when several nodes run it at once.
 */
@Component
@Unscoped("sweeps every county's abandoned uploads, when there is no caller")
class UnattachedPhotos {

    private final PhotoShelf shelf;
    private final Clock clock;

    UnattachedPhotos(PhotoShelf shelf, Clock clock) {
        this.shelf = shelf;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${gridgov.photo.sweep:PT1H}", initialDelayString = "${gridgov.photo.sweep:PT1H}")
    void sweep() {
        shelf.discardUnattached(clock.instant().minus(Duration.ofDays(1)));
    }
}
