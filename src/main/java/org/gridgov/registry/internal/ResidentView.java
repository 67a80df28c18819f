package org.gridgov.registry.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gridgov.registry.ResidentKind;

/**
 * A resident as the console shows it: ID number, phone and a foreign document number masked; the plain values come
 * only from the audited unmask endpoint.
 */
public record ResidentView(
        long id,
        String gridCode,
        String name,
        String idNumber,
        String sex,
        String ethnicity,
        String ethnicityName,
        LocalDate birthDate,
        String registeredRegion,
        String registeredRegionName,
        String registeredAddress,
        String currentAddress,
        Long houseId,
        Long householdId,
        String relationToHead,
        String phone,
        String education,
        String politicalStatus,
        String religion,
        String occupation,
        String employer,
        ResidentKind kind,
        String kindLabel,
        Map<String, String> kindDetails,
        List<String> tags,
        Instant verifiedAt,
        Instant updatedAt,
        int version,
        Instant retiredAt,
        String retiredReason) {}
