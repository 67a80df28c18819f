package org.gridgov.field;

import java.time.Instant;

/**
 * One GPS point of a patrol's track as the device recorded it.
 *
 * @param seq the device's sequence number of the point in the patrol, from 0; a point sent again with the same number
 *     is the same point
 * @param recordedAt when the device recorded it, by the device's clock
 * @param lon CGCS2000 longitude, degrees
 * @param lat CGCS2000 latitude, degrees
 * @param accuracy the device's estimate of the error, metres
 */
public record TrackPoint(Integer seq, Instant recordedAt, Double lon, Double lat, Double accuracy) {}
