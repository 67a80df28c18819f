package org.gridgov.registry.internal;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridgov.common.PersonalData;
import org.gridgov.common.PersonalDataKind;
import org.springframework.stereotype.Component;

/**
 * Keeps the fields of a group's record that hold a personal number encrypted at rest, as the ID number itself is: a
 * 残疾人证号 is its holder's ID number and two digits more. Such a value is stored in {@code sealed_details} (the field
 * and the base64 of its ciphertext), never in the plain {@code details}; inside the platform the record reads as one
 * map again, and what a caller is shown of it is {@link Disclosure}'s business.
 */
@Component
class SealedFields {

    private static final PersonalDataKind KIND = PersonalDataKind.OTHER_ID;

    private final GroupCatalog catalog;
    private final PersonalData personalData;

    SealedFields(GroupCatalog catalog, PersonalData personalData) {
        this.catalog = catalog;
        this.personalData = personalData;
    }

    /** A record's fields as stored: the plain ones, and the sealed ones (each the base64 of its ciphertext). */
    record Stored(Map<String, String> plain, Map<String, String> sealed) {}

    /** The record's fields as they are to be stored. */
    Stored split(String groupCode, Map<String, String> details) {
        return split(groupCode, details, Map.of());
    }

    /**
     * The fields of a record stored before some of them were sealed: those now sealed leave the plain ones and join
     * the ones sealed already.
     */
    Stored split(String groupCode, Map<String, String> details, Map<String, String> alreadySealed) {
        var names = catalog.sealedFields(groupCode);
        var plain = new LinkedHashMap<String, String>();
        var sealed = new LinkedHashMap<String, String>(alreadySealed);
        if (details != null) {
            details.forEach((field, value) -> {
                if (!names.contains(field)) {
                    plain.put(field, value);
                } else if (value != null && !value.isBlank()) {
                    sealed.put(
                            field,
                            Base64.getEncoder()
                                    .encodeToString(
                                            personalData.seal(KIND, value).ciphertext()));
                }
                // A sealed field left blank is not kept at all: an empty string is no number to protect.
            });
        }
        return new Stored(plain, sealed);
    }

    /** The record's fields as one map, the sealed ones opened; a value stored plain before sealing began reads as is. */
    Map<String, String> open(MemberRow row) {
        if (row.sealedDetails().isEmpty()) {
            return row.details();
        }
        var all = new LinkedHashMap<String, String>(row.details());
        row.sealedDetails()
                .forEach((field, ciphertext) -> all.put(
                        field, personalData.open(KIND, Base64.getDecoder().decode(ciphertext))));
        return all;
    }
}
