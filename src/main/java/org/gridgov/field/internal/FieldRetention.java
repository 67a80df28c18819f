package org.gridgov.field.internal;

import org.gridgov.common.Unscoped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purges sign-ins and sign-outs, with their points, older than the retention period ({@code gridgov.field.retention}, counted back from today by
 * the clock). A delete of what is past due: safe when several nodes run
 * it at once, and a platform that was down catches up at its next run.
 */
@Component
@Unscoped("purges every county's records past their retention, when there is no caller")
public class FieldRetention {

    private static final Logger log = LoggerFactory.getLogger(FieldRetention.class);

    private final SignRepository signs;
    private final FieldSettings settings;
    private final FieldDays days;

    FieldRetention(SignRepository signs, FieldSettings settings, FieldDays days) {
        this.signs = signs;
        this.settings = settings;
        this.days = days;
    }

    @Scheduled(
            fixedDelayString = "${gridgov.field.purge-scan:PT6H}",
            initialDelayString = "${gridgov.field.purge-scan-delay:PT10M}")
    @Transactional
    public int purge() {
        var keepFrom = days.today().minus(settings.retention());
        int purged = signs.purgeBefore(keepFrom);
        if (purged > 0) {
            log.info("Field day purge: {} sign-ins and sign-outs of days before {}", purged, keepFrom);
        }
        return purged;
    }
}
