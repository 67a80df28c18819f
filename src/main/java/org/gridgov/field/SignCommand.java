package org.gridgov.field;

/**
 * A sign-in or sign-out as the phone sends it; the server adds the time.
 *
 * @param lon longitude, CGCS2000 (WGS 84 within a metre)
 * @param accuracy the phone's estimate of the point's error, in metres
 * @param device the phone as it names itself, for the record
 * @param requestId made by the phone once per tap, so that a resend returns the first record
 */
public record SignCommand(SignKind kind, Double lon, Double lat, Double accuracy, String device, String requestId) {}
