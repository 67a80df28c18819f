package org.gridgov.field;

import java.time.LocalDate;
import java.util.List;
import org.gridgov.common.Unscoped;
import org.gridgov.field.internal.PatrolReads;
import org.springframework.stereotype.Component;

/**
 * What other modules may ask of the patrols: figures of stopped patrols per worker, grid or village over a span of
 * days, for the assessment's indicators. No tracks. Callers apply their caller's scope to the region they ask about.
 */
@Component
@Unscoped("callers name the region they may read; figures only, no tracks")
public class Patrols {

    private final PatrolReads reads;

    Patrols(PatrolReads reads) {
        this.reads = reads;
    }

    /**
     * Patrol count, kilometres, hours on patrol and mean coverage of the stopped patrols started in {@code [from, to]}
     * (days in the deployment's zone) under a region or grid code, one line per worker, grid or village.
     */
    public List<PatrolFigures> figures(PatrolFigures.By by, String regionPrefix, LocalDate from, LocalDate to) {
        return reads.figures(by, regionPrefix, from, to);
    }
}
