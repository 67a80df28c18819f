package org.gridgov.field;

/** How a worker's day stands in the attendance. */
public enum DayStatus {
    /** Signed in inside one of the worker's grids. */
    PRESENT,
    /** Signed in, but never inside the worker's grids. */
    OUTSIDE,
    /** A working day gone by without a sign-in: a gap. */
    GAP,
    /** A day off without a sign-in. */
    OFF,
    /** Today or a day to come, without a sign-in yet. */
    PENDING
}
