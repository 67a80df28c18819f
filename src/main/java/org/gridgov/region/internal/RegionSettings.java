package org.gridgov.region.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a deployment cuts its area.
 *
 * @param rootCode the top of the deployment's tree, a GB/T 2260 or township code
 * @param depth levels below a county: 3 township/village/grid, 4 adds micro-grids, 5 adds building units
 * @param containmentTolerance share of a grid's area that may lie outside its parent's outline
 * @param overlapTolerance share of a grid's area that may overlap a neighbouring grid
 */
@ConfigurationProperties("gridgov.region")
record RegionSettings(
        @DefaultValue("421381") String rootCode,
        @DefaultValue("4") int depth,
        @DefaultValue("0.01") double containmentTolerance,
        @DefaultValue("0.01") double overlapTolerance) {

    RegionSettings {
        if (depth < 3 || depth > 5) {
            throw new IllegalArgumentException("gridgov.region.depth must be 3, 4 or 5, was " + depth);
        }
    }

    /** The deepest grid level allowed: 1 grids only, 2 micro-grids, 3 building units. */
    int maxGridLevel() {
        return depth - 2;
    }
}
