package org.gridgov.registry.internal;

/**
 * The scope an import runs in: the uploader's region prefix and identity taken when the job starts, because the
 * background thread that reads the file has no signed-in request to ask.
 */
record ImportScope(long importId, long userId, String userName, String prefix) {

    boolean covers(String gridCode) {
        return gridCode != null && gridCode.startsWith(prefix);
    }
}
