package org.gridgov.common;

/**
 * The part of the region tree the caller of this request may see, as a code prefix: a county, township or village
 * code. Every query of scoped data binds it; the identity module supplies it from the signed-in user.
 */
public interface CurrentScope {

    /**
     * The region code prefix the caller may see.
     *
     * @throws ProblemException 403 when there is no signed-in user with a scope
     */
    String regionPrefix();

    /** Whether a region or grid code lies inside the caller's scope. */
    default boolean covers(String code) {
        return code != null && code.startsWith(regionPrefix());
    }
}
