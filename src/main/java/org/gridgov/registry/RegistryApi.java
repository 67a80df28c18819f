package org.gridgov.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gridgov.common.Unscoped;
import org.gridgov.registry.internal.GridQualityFigures;
import org.gridgov.registry.internal.VisitDesk;
import org.springframework.stereotype.Component;

/** What other modules may ask of the registry: figures of the base data and of visits, without personal data. */
@Component
@Unscoped("callers pass the region they may read as a bound prefix; counts only, no personal data")
public class RegistryApi {

    private final GridQualityFigures quality;
    private final VisitDesk visits;

    RegistryApi(GridQualityFigures quality, VisitDesk visits) {
        this.quality = quality;
        this.visits = visits;
    }

    /**
     * The base-data quality of every grid under a region code that has residents, as it is at {@code now}: records
     * confirmed within the deployment's verification window count as verified.
     */
    public List<GridRecordQuality> qualityPerGrid(String regionPrefix, Instant now) {
        return quality.perGrid(regionPrefix, now);
    }

    /** Visits (走访) per worker (key: the account id) in an area of a county over days, both included. */
    public List<VisitFigure> visitsPerWorker(String regionPrefix, LocalDate from, LocalDate to) {
        return visits.figures(regionPrefix, from, to, true);
    }

    /** Visits (走访) per grid in an area of a county over days, both included. */
    public List<VisitFigure> visitsPerGrid(String regionPrefix, LocalDate from, LocalDate to) {
        return visits.figures(regionPrefix, from, to, false);
    }

    /**
     * Visits against the plan, per grid of an area: the records the visit schedules cover and how many of them are
     * not overdue on {@code day}. The share is what "visits done against plan" means for a grid or a village.
     */
    public List<VisitPlanFigure> visitPlanPerGrid(String regionPrefix, LocalDate day) {
        return visits.planPerGrid(regionPrefix, day);
    }
}
