package org.gridgov.region;

import java.util.List;

/**
 * What another module keeps in grids by grid code (residents, houses, open events...), so that no grid ends with
 * anything still in it. The region module asks every implementation before a grid is retired or merged away and has
 * them move their records to the grid that takes over, in the same transaction; the modules keeping records by grid
 * implement it, as they depend on the region module and never the other way round.
 */
public interface GridContents {

    /**
     * How many current records of each kind this module keeps in a grid and the grids below it, one entry per kind,
     * zeros included.
     */
    List<GridContent> count(String gridCode);

    /**
     * Moves every current record of a grid and the grids below it to another grid within the caller's transaction,
     * writing each record's history with the reason; answers how many records moved.
     */
    int moveAll(String fromGridCode, String toGridCode, String reason);
}
