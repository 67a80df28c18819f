package org.gridgov.field.internal;

/** A count of one subject (a worker's account id, a grid's or a village's code) as a figure query answers it. */
record FigureCount(String key, String name, int workers, int count) {}
