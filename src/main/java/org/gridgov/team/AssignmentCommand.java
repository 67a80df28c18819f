package org.gridgov.team;

import java.time.LocalDate;

/**
 * A cadre assignment as the form gives it: the area (a 9-digit township, 12-digit village or 15-digit grid code), the
 * cadre's level, the cadre (an account, or a name with an organization) and the period.
 *
 * @param cadreLevel default one level above the area
 * @param cadreName left out to take the linked account's name
 * @param organizationName left out to take the linked account's organization
 * @param validFrom default today
 * @param validTo exclusive, null for open-ended
 */
public record AssignmentCommand(
        String regionCode,
        CadreLevel cadreLevel,
        Long userId,
        String cadreName,
        String organizationName,
        String role,
        LocalDate validFrom,
        LocalDate validTo) {}
