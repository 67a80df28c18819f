package org.gridgov.team;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo county's current grids, for tests that each work on a grid of their own. */
final class DemoGrids {

    private DemoGrids() {}

    /** The n-th current grid of a township, by code. */
    static String nth(JdbcClient jdbc, String township, int n) {
        return jdbc.sql("""
                        select code from grid where code like :t || '%' and level = 1 and valid_to is null
                        order by code offset :n limit 1""")
                .param("t", township)
                .param("n", n)
                .query(String.class)
                .single();
    }
}
