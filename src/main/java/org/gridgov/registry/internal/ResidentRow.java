package org.gridgov.registry.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gridgov.registry.ResidentKind;

/** One resident exactly as stored; ID number, phone and a foreign document number sealed. */
record ResidentRow(
        long id,
        String gridCode,
        String name,
        byte[] idNumber,
        byte[] idNumberHash,
        String sex,
        String ethnicity,
        LocalDate birthDate,
        String registeredRegion,
        String registeredAddress,
        String currentAddress,
        Long houseId,
        Long householdId,
        String relationToHead,
        byte[] phone,
        byte[] phoneHash,
        String education,
        String politicalStatus,
        String religion,
        String occupation,
        String employer,
        ResidentKind kind,
        Map<String, String> kindDetails,
        List<String> tags,
        Instant verifiedAt,
        Instant createdAt,
        Instant updatedAt,
        int version,
        Instant retiredAt,
        String retiredReason,
        boolean retiredInError) {}
