package org.gridgov.common;

import java.util.List;

/**
 * The caller's scope as the values a scoped query binds: a region-code prefix, which the indexes serve, and for a
 * caller who covers grids rather than a region (grid workers, grid assistants) those grids, each with the micro-grids
 * below it, whose codes extend the grid's code.
 *
 * @param prefix the region code every code in scope starts with
 * @param grids the grids the caller covers, or null when the whole region under {@code prefix} is in scope
 */
public record DataScope(String prefix, List<String> grids) {

    /** The bind parameter {@link #inGrids} names; bind {@link #gridPatterns()} to it. */
    public static final String GRIDS_PARAMETER = "scopeGrids";

    public DataScope {
        grids = grids == null ? null : List.copyOf(grids);
    }

    /** A scope of a whole region. */
    public static DataScope region(String prefix) {
        return new DataScope(prefix, null);
    }

    /**
     * The condition that a code column lies in the caller's grids, true for a region scope; the column is the
     * caller's constant, never a request value, and the grids are bound as {@value #GRIDS_PARAMETER}.
     */
    public static String inGrids(String column) {
        return "(cast(:" + GRIDS_PARAMETER + " as text[]) is null or " + column + " like any(cast(:" + GRIDS_PARAMETER
                + " as text[])))";
    }

    /** {@code LIKE} patterns of the grids and everything below them; null for a region scope, none for no grids. */
    public String[] gridPatterns() {
        // Grid codes are digits, so they need no escaping to match only themselves.
        return grids == null ? null : grids.stream().map(code -> code + "%").toArray(String[]::new);
    }

    /** Whether a region, grid or micro-grid code lies inside the scope. */
    public boolean covers(String code) {
        return code != null
                && code.startsWith(prefix)
                && (grids == null || grids.stream().anyMatch(code::startsWith));
    }

    /**
     * Whether a code names a place the caller may see the name of: one inside the scope, or an ancestor in the
     * region tree of a grid the caller covers (their village, say), so that a grid worker sees where their grids lie.
     */
    public boolean reaches(String code) {
        return covers(code)
                || code != null
                        && code.startsWith(prefix)
                        && grids != null
                        && grids.stream().anyMatch(grid -> grid.startsWith(code));
    }
}
