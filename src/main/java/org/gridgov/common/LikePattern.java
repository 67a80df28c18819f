package org.gridgov.common;

/** Text typed by a user, made safe to bind into a SQL {@code LIKE} pattern (PostgreSQL's default escape, \). */
public final class LikePattern {

    private LikePattern() {}

    /** The fragment with \, % and _ escaped, so that it matches only itself. */
    public static String escaped(String fragment) {
        return fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** {@link #escaped} for an optional filter: null stays null, so that the query's "is null" test skips it. */
    public static String like(String fragment) {
        return fragment == null ? null : escaped(fragment);
    }
}
