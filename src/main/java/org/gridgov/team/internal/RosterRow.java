package org.gridgov.team.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.gridgov.team.Employment;

/**
 * One version of a member as stored, the phone sealed. A version about to be inserted has id 0, and member id 0 when
 * it is a new member's first (it then takes its own id); a member's next version is made as a first one and then
 * {@link #numbered} as theirs.
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

    /** A new member's first version, about to be inserted. */
    static RosterRow first(
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
                TeamScope.countyOf(grid),
                0,
                0,
                1,
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

    /** This version as the given version of the given member. */
    RosterRow numbered(long member, int number) {
        return copy(member, number, validTo, endedAt, endedByName, endReason);
    }

    /** This version ended on a day as it was recorded, by whom and why: for versions recorded ended already. */
    RosterRow endedOn(LocalDate day, String byName, String reason) {
        return copy(memberId, version, day, recordedAt, byName, reason);
    }

    private RosterRow copy(long member, int number, LocalDate to, Instant ended, String endedBy, String reason) {
        return new RosterRow(
                countyCode,
                id,
                member,
                number,
                gridCode,
                positionCode,
                employment,
                name,
                phone,
                phoneHash,
                duties,
                userId,
                validFrom,
                to,
                note,
                recordedAt,
                recordedBy,
                recordedByName,
                ended,
                endedBy,
                reason);
    }
}
