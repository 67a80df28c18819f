package org.gridgov.assessment;

import java.time.Instant;

/** A period closed for a county, its figures frozen; {@code subjects} is how many results were kept. */
public record ClosedPeriod(String countyCode, String period, Instant closedAt, String closedBy, int subjects) {}
