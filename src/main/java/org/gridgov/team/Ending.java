package org.gridgov.team;

import java.time.LocalDate;

/**
 * Ends a member's service (离任) or a cadre assignment, with the reason written to the history.
 *
 * @param on the first day no longer served; default today
 * @param version the member's version the caller saw; not asked for an assignment
 */
public record Ending(LocalDate on, String reason, Integer version) {}
