package org.gridgov.region;

import java.util.List;

/** The grid containing a point and the grid's ancestors, top-down, from the province to its direct parent. */
public record LocatedGrid(double lon, double lat, GridSummary grid, List<RegionRef> path) {}
