package org.gridgov.field;

/** What the field figures are counted per. */
public enum FieldSubject {
    WORKER,
    GRID,
    VILLAGE
}
