package org.gridgov.registry.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gridgov.registry.ResidentKind;

/**
 * A resident as the console shows it: ID number, phone and a foreign document number masked; the plain values come
 * only from the audited unmask endpoint. How much of the ID number and birth date shows depends on the caller
 * ({@link Disclosure}): without {@code personal:unmask}, {@code idNumber} keeps only its address code and {@code
 * birthDate} is null, {@code birthYear} standing in for it.
 *
 * @param gridName the grid's current name, for people; null when the grid was retired
 * @param retiredInError whether the record was retired as entered in error, which freed its ID number
 */
public record ResidentView(
        long id,
        String gridCode,
        String gridName,
        String name,
        String idNumber,
        String sex,
        String ethnicity,
        String ethnicityName,
        LocalDate birthDate,
        Integer birthYear,
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
        String retiredReason,
        boolean retiredInError) {}
