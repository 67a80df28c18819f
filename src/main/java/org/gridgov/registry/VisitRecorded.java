package org.gridgov.registry;

import java.time.Instant;

/**
 * A visit (走访) was recorded, with who made it and when: for modules that attach a visit to what its maker was doing
 * then (a patrol). Raised once per visit; a resent visit raises none.
 *
 * @param userId the account that made it; null for a visit recorded by no account
 */
public record VisitRecorded(
        long visitId, String countyCode, String gridCode, String subjectName, Long userId, Instant visitedAt) {}
