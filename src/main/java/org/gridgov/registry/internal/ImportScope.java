package org.gridgov.registry.internal;

import org.gridgov.common.DataScope;

/**
 * The scope an import runs in: the uploader's scope (region prefix and, for a grid worker, grids) and identity taken
 * when the job starts, because the background thread that reads the file has no signed-in request to ask.
 */
record ImportScope(long importId, long userId, String userName, DataScope scope) {

    String prefix() {
        return scope.prefix();
    }

    boolean covers(String gridCode) {
        return scope.covers(gridCode);
    }
}
