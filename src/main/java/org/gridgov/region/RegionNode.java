package org.gridgov.region;

/**
 * A node of the tree as a tree view shows it: an administrative region or a grid.
 *
 * @param gridType the grid's type for grid levels, null for administrative regions
 */
public record RegionNode(
        String code, String name, RegionLevel level, String parentCode, boolean hasChildren, GridType gridType) {}
