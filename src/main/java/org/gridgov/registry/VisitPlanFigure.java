package org.gridgov.registry;

/**
 * A grid's visit plan on a day: how many records its schedules cover and how many of them are on schedule (visited
 * within their interval, or registered too recently to be due).
 */
public record VisitPlanFigure(String gridCode, long records, long onSchedule) {}
