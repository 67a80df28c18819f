package org.gridgov.region.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.gridgov.region.GridContent;
import org.gridgov.region.GridContents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Everything the other modules keep in a grid, asked of each of them through {@link GridContents}; a deployment
 * without those modules (or a module test) simply has nothing in its grids.
 */
@Component
class GridOccupancy {

    private final ObjectProvider<GridContents> modules;

    GridOccupancy(ObjectProvider<GridContents> modules) {
        this.modules = modules;
    }

    /** Every kind of record kept in the grid and below it, zeros included, in a stable order. */
    List<GridContent> count(String gridCode) {
        var all = new ArrayList<GridContent>();
        modules.orderedStream().forEach(module -> all.addAll(module.count(gridCode)));
        return all;
    }

    /** Moves all records of the grid to another one; answers how many moved. */
    int moveAll(String fromGridCode, String toGridCode, String reason) {
        return modules.orderedStream()
                .mapToInt(module -> module.moveAll(fromGridCode, toGridCode, reason))
                .sum();
    }

    /** "实有人口 39、户 8" and "residents 39, households 8": the kinds a grid still holds, for messages. */
    static String describe(List<GridContent> held, boolean english) {
        return held.stream()
                .map(c -> (english ? c.labelEn() + " " : c.label()) + c.count())
                .collect(Collectors.joining(english ? ", " : "、"));
    }
}
