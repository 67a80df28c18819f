package org.gridgov.team.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.gridgov.team.Employment;

/**
 * One version of a member as stored, the phone sealed. A version about to be inserted has id 0, and member id 0 when
 * it is a new member's first (it then takes its own id).
 */
record RosterRow(
        String countyCode,
        long id,
        long memberId,
        int version,
        String gridCode,
        String positionCode,
        Employment employment,
        String name,
        byte[] phone,
        byte[] phoneHash,
        String duties,
        Long userId,
        LocalDate validFrom,
        LocalDate validTo,
        String note,
        Instant recordedAt,
        Long recordedBy,
        String recordedByName,
        Instant endedAt,
        String endedByName,
        String endReason) {

    /** Whether the version holds on a day: begun, and not ended by then. */
    boolean holdsOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
    }

    /** The next version of this member: these values, from {@code from} on. */
    RosterRow next(
            String grid,
            String position,
            Employment employment,
            String name,
            byte[] phone,
            byte[] phoneHash,
            String duties,
            Long userId,
            LocalDate from,
            LocalDate to,
            String note,
            Instant at,
            Long by,
            String byName) {
        return new RosterRow(
                countyCode,
                0,
                memberId,
                version + 1,
                grid,
                position,
                employment,
                name,
                phone,
                phoneHash,
                duties,
                userId,
                from,
                to,
                note,
                at,
                by,
                byName,
                null,
                null,
                null);
    }
}
