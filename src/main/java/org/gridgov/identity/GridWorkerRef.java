package org.gridgov.identity;

import java.util.List;

/** A grid worker as other modules count them: the account, the name people know, the area and the grids covered. */
public record GridWorkerRef(long id, String realName, String scopeCode, List<String> gridCodes) {

    public GridWorkerRef {
        gridCodes = List.copyOf(gridCodes);
    }
}
