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

    boolean holdsOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
    }
}
