package org.gridgov.registry;

import java.time.Instant;
import java.util.List;
import org.gridgov.common.Unscoped;
import org.gridgov.registry.internal.GridQualityFigures;
import org.springframework.stereotype.Component;

/** What other modules may ask of the registry: figures of the base data per grid, without personal data. */
@Component
@Unscoped("callers pass the region they may read as a bound prefix; counts only, no personal data")
public class RegistryApi {

    private final GridQualityFigures quality;

    RegistryApi(GridQualityFigures quality) {
        this.quality = quality;
    }

    /**
     * The base-data quality of every grid under a region code that has residents, as it is at {@code now}: records
     * confirmed within the deployment's verification window count as verified.
     */
    public List<GridRecordQuality> qualityPerGrid(String regionPrefix, Instant now) {
        return quality.perGrid(regionPrefix, now);
    }
}
