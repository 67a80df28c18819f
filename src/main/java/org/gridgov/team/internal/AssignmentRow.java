package org.gridgov.team.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.gridgov.team.CadreLevel;

/** A cadre assignment as stored; one about to be inserted has id 0. */
record AssignmentRow(
        String countyCode,
        long id,
        String regionCode,
        CadreLevel cadreLevel,
        Long userId,
        String cadreName,
        String organizationName,
        String role,
        LocalDate validFrom,
        LocalDate validTo,
        Instant recordedAt,
        Long recordedBy,
        String recordedByName,
        Instant endedAt,
        String endedByName,
        String endReason) {

    /** A new assignment, about to be inserted. */
    static AssignmentRow made(
            String area,
            CadreLevel level,
            Long userId,
            String name,
            String organization,
            String role,
            LocalDate from,
            LocalDate to,
            Instant at,
            Long by,
            String byName) {
        return new AssignmentRow(
                TeamScope.countyOf(area),
                0,
                area,
                level,
                userId,
                name,
                organization,
                role,
                from,
                to,
                at,
                by,
                byName,
                null,
                null,
                null);
    }
}
