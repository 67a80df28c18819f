package org.gridgov.field;

import java.time.Instant;

/** A patrol moved: started, paused, resumed or stopped — one per row of its history. */
public record PatrolMoved(long patrolId, String gridCode, long userId, PatrolMove move, Instant at) {}
