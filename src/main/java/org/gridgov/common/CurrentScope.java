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

    /**
     * The county every row the caller may see lies in, when their scope is a county or deeper; null for a wider scope.
     * Bound beside the scope, it keeps a query by id in one county.
     */
    default String county() {
        String prefix = regionPrefix();
        return prefix.length() >= 6 ? prefix.substring(0, 6) : null;
    }

    /**
     * The region a list or figures are asked for: the caller's whole scope when none is given, else a region or grid
     * code inside it; 404 otherwise, which does not tell whether the region exists elsewhere.
     */
    default String regionWithin(String code) {
        if (code == null || code.isBlank()) {
            return regionPrefix();
        }
        String region = code.strip();
        if (!region.matches("\\d{6,15}") || !covers(region)) {
            throw ProblemException.notFound("区域不存在", "No such region within your scope");
        }
        return region;
    }
}
