package org.gridgov.registry.internal;

import java.time.Instant;

/** The figures of the registry per area: what the grid and village pages and the data-quality list show. */
public final class RegistryFigures {

    private RegistryFigures() {}

    /**
     * Counts of one area (a township, village or grid) below the one asked for.
     *
     * @param households households with at least one current resident
     * @param rentalHouses current houses marked as rented out (出租房屋)
     * @param specialGroupMembers residents in a special group (特殊人群); null for callers without special:read
     */
    public record AreaCounts(
            String code,
            String name,
            long residents,
            long registered,
            long floating,
            long foreign,
            long leftBehind,
            long households,
            long houses,
            long rentalHouses,
            Long specialGroupMembers) {}

    /**
     * How complete and fresh the records of one grid are (seed 003 asks for accurate base data).
     *
     * @param completeness the share of required fields filled in, over all its residents, 0..1
     * @param unverified residents whose record nobody confirmed since {@code verifiedBefore}
     * @param overdueFollowUps residents of a special group or service recipients whose follow-up (走访) is overdue;
     *     null for callers without special:read
     */
    public record GridQuality(
            String gridCode,
            String gridName,
            long residents,
            long missingPhone,
            long missingAddress,
            long missingHousehold,
            long missingEthnicity,
            double completeness,
            long unverified,
            Long overdueFollowUps,
            Instant verifiedBefore) {}
}
