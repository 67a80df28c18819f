package org.gridgov.team;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a member of a grid's team as the console shows it: the phone masked, the plain number only from the
 * audited unmask endpoint. A member serves from {@code validFrom} until the day before {@code validTo}: on the roster
 * of a day d when {@code validFrom <= d < validTo}.
 *
 * @param id the member, the same for all their versions
 * @param version 1 for the member as first recorded, one more for every change
 * @param userId the member's own account, null where they have none
 * @param validTo the day the version ended (the member left, or the next version began), null while it holds
 * @param note why the version was recorded (a change's reason), null for none
 * @param endReason why the version ended, null while it holds
 */
public record TeamMember(
        long id,
        int version,
        String gridCode,
        String gridName,
        String positionCode,
        String positionName,
        String positionNameEn,
        Employment employment,
        String name,
        String phone,
        String duties,
        Long userId,
        LocalDate validFrom,
        LocalDate validTo,
        String note,
        Instant recordedAt,
        String recordedByName,
        Instant endedAt,
        String endedByName,
        String endReason) {}
