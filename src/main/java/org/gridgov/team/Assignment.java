package org.gridgov.team;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A cadre assigned to answer for a township, village or grid (包联) from {@code validFrom} until the day before
 * {@code validTo}.
 *
 * @param regionLevel TOWNSHIP, VILLAGE or GRID
 * @param userId the cadre's account, null for a named person without one
 * @param role what the cadre does there, such as 包村干部 or 联系领导
 */
public record Assignment(
        long id,
        String regionCode,
        String regionName,
        String regionLevel,
        CadreLevel cadreLevel,
        Long userId,
        String cadreName,
        String organizationName,
        String role,
        LocalDate validFrom,
        LocalDate validTo,
        Instant recordedAt,
        String recordedByName,
        Instant endedAt,
        String endedByName,
        String endReason) {}
