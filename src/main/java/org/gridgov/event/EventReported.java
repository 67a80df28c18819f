package org.gridgov.event;

import java.time.Instant;

/**
 * An event was reported, with who reported it: for modules that attach a report to what its reporter was doing then
 * (a patrol). Published beside the report's {@link EventMoved}, once per event; a resent report raises none.
 *
 * @param reporterUserId the account that reported it; null for a report made by no account
 */
public record EventReported(
        long eventId, String serialNumber, String title, String gridCode, Long reporterUserId, Instant reportedAt) {}
