package org.gridgov.team;

import java.time.LocalDate;

/**
 * A member of a grid's team as other modules see them: who, where, in which position, without their phone.
 *
 * @param userId the member's account, null where they have none
 */
public record Teammate(
        long memberId,
        String gridCode,
        String positionCode,
        String positionName,
        Employment employment,
        String name,
        Long userId,
        LocalDate validFrom,
        LocalDate validTo) {}
