package org.gridgov.registry.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gridgov.registry.ResidentKind;

/**
 * A resident as a form or an import row gives it. Codes follow the code sets ({@code GET /api/registry/codes}); the
 * sex and birth date may be left out when the ID number gives them, and must agree with it when given.
 *
 * @param kindDetails what only the kind has: FLOATING {@code inflowReason, registeredOn, permitNumber,
 *     permitExpiresOn}; FOREIGN {@code documentType, documentNumber, stayPurpose, arrivedOn, expectedDepartureOn};
 *     LEFT_BEHIND {@code leftBehindType}
 * @param version the version the caller saw, required to change a resident
 */
public record ResidentDraft(
        String gridCode,
        String name,
        String idNumber,
        String sex,
        String ethnicity,
        LocalDate birthDate,
        String registeredRegion,
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
        Map<String, String> kindDetails,
        List<String> tags,
        Integer version) {}
