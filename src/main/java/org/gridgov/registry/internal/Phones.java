package org.gridgov.registry.internal;

import org.gridgov.common.PersonalData;
import org.gridgov.common.PersonalDataKind;
import org.springframework.stereotype.Component;

/** Seals, opens and masks the phones of houses, places and organizations (owners, landlords, responsible persons). */
@Component
class Phones {

    private final PersonalData personalData;

    Phones(PersonalData personalData) {
        this.personalData = personalData;
    }

    byte[] seal(String plain) {
        return plain == null
                ? null
                : personalData.seal(PersonalDataKind.PHONE, plain).ciphertext();
    }

    String open(byte[] sealed) {
        return sealed == null ? null : personalData.open(PersonalDataKind.PHONE, sealed);
    }

    String masked(byte[] sealed) {
        return personalData.masked(PersonalDataKind.PHONE, sealed);
    }

    String keptIfMasked(String sent, byte[] stored) {
        return personalData.keptIfMasked(PersonalDataKind.PHONE, sent, stored);
    }
}
