package org.gridgov.registry.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.gridgov.common.Unscoped;
import org.gridgov.registry.GridRecordQuality;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The base-data quality of every grid of a region, for {@link org.gridgov.registry.RegistryApi}. */
@Component
@Unscoped("serves RegistryApi, whose callers bind the region they may read")
public class GridQualityFigures {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final FiguresRepository figures;
    private final int verifyMonths;

    GridQualityFigures(FiguresRepository figures, @Value("${gridgov.registry.verify-months:6}") int verifyMonths) {
        this.figures = figures;
        this.verifyMonths = verifyMonths;
    }

    @Transactional(readOnly = true)
    public List<GridRecordQuality> perGrid(String prefix, Instant now) {
        var today = now.atZone(CHINA);
        return figures.qualityPerGrid(prefix, today.minusMonths(verifyMonths).toInstant(), today.toLocalDate());
    }
}
