package org.gridgov.region.internal;

import java.util.ArrayList;
import java.util.Optional;
import org.gridgov.common.Unscoped;
import org.gridgov.region.GridsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the locate index in step with the stored grids: rebuilt after every grid change committed on this node, and
 * on a short poll of the adjustment counter for changes made on another node.
 */
@Unscoped("one locate index of all grids; GridCatalog filters its answers by the caller's scope")
@Component
class GridLocator {

    private static final Logger log = LoggerFactory.getLogger(GridLocator.class);

    private final GridRepository grids;
    private volatile GridIndex index = GridIndex.empty();

    GridLocator(GridRepository grids) {
        this.grids = grids;
    }

    Optional<GridShape> locate(double lon, double lat) {
        return current().locate(lon, lat);
    }

    GridIndex current() {
        var snapshot = index;
        if (snapshot.revision < 0) {
            snapshot = rebuild();
        }
        return snapshot;
    }

    @TransactionalEventListener
    void on(GridsChanged changed) {
        rebuild();
    }

    @Scheduled(fixedDelayString = "${gridgov.region.index-poll:PT10S}", initialDelayString = "PT10S")
    void refreshIfStale() {
        if (grids.revision() != index.revision) {
            rebuild();
        }
    }

    synchronized GridIndex rebuild() {
        long started = System.nanoTime();
        long revision = grids.revision();
        var shapes = new ArrayList<GridShape>();
        grids.forEachCurrent(row -> shapes.add(new GridShape(row.id(), row.code(), row.level(), row.boundary())));
        var rebuilt = new GridIndex(shapes, revision);
        index = rebuilt;
        log.info(
                "Locate index rebuilt: {} grids at revision {} in {} ms",
                shapes.size(),
                revision,
                (System.nanoTime() - started) / 1_000_000);
        return rebuilt;
    }
}
