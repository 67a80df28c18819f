package org.gridgov.assessment;

import java.time.Instant;

/**
 * An event behind a figure.
 *
 * @param counted what it adds to the numerator: 1 or 0, or its number of cards; 0 means it is in the base only
 * @param organization the department of a dispatch, for departments' figures
 */
public record EventLine(
        long id,
        String serialNumber,
        String title,
        String gridName,
        String categoryName,
        String status,
        Instant reportedAt,
        int counted,
        String organization) {}
