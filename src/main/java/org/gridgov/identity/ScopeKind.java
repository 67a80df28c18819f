package org.gridgov.identity;

/** How far a user's data scope reaches: a subtree of the region tree, their own grids, or their own records. */
public enum ScopeKind {
    /** Everything under a region code: county, township or village. */
    REGION,
    /** The grids assigned to the user. */
    GRIDS,
    /** Only records the user made. */
    SELF
}
