package org.gridgov.field;

import java.util.List;

/** A batch of track points, in any order; points already stored are ignored. */
public record TrackCommand(List<TrackPoint> points) {}
