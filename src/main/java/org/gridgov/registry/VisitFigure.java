package org.gridgov.registry;

/**
 * Visits (走访) over a period for one worker (key: the account id) or one grid (key: its code): how many were made
 * and how many distinct records they reached.
 */
public record VisitFigure(String key, long visits, long subjects) {}
