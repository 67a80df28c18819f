package org.gridgov.common;

import java.util.List;

/**
 * The part of the region tree the caller of this request may see, as a code prefix (a county, township or village
 * code) and, for a caller who covers grids, those grids. Every query of scoped data binds both; the identity module
 * supplies them from the signed-in user.
 */
public interface CurrentScope {

    /**
     * The region code prefix the caller may see.
     *
     * @throws ProblemException 403 when there is no signed-in user with a scope
     */
    String regionPrefix();

    /**
     * The grids the caller covers, each with the micro-grids below it; null when the caller's scope is the whole
     * region under {@link #regionPrefix()}, empty when it is no grid at all.
     */
    default List<String> gridCodes() {
        return null;
    }

    /** The scope as the values a query binds. */
    default DataScope data() {
        return new DataScope(regionPrefix(), gridCodes());
    }

    /** Whether a region or grid code lies inside the caller's scope. */
    default boolean covers(String code) {
        return data().covers(code);
    }
}
