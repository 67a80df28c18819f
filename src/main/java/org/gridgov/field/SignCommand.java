package org.gridgov.field;

import java.time.Instant;

/**
 * A sign-in or sign-out as the phone sends it. The server takes the time it arrives, unless the phone made it
 * offline and sends it later: then {@code takenAt}, the phone's time of the tap, within the last three days.
 *
 * @param lon longitude, CGCS2000 (WGS 84 within a metre)
 * @param accuracy the phone's estimate of the point's error, in metres
 * @param device the phone as it names itself, for the record
 * @param requestId made by the phone once per tap, so that a resend returns the first record
 * @param takenAt when the tap was made, for a record kept on the phone while it was offline; null for now
 */
public record SignCommand(
        SignKind kind, Double lon, Double lat, Double accuracy, String device, String requestId, Instant takenAt) {}
