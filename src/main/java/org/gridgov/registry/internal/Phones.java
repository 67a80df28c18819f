package org.gridgov.registry.internal;

import java.util.Objects;
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
        return sealed == null ? null : personalData.mask(PersonalDataKind.PHONE, open(sealed));
    }

    /** A form is filled from a masked view: a phone sent back exactly as it was shown means "unchanged". */
    String keptIfMasked(String sent, byte[] stored) {
        return stored != null && Objects.equals(sent, masked(stored)) ? open(stored) : sent;
    }
}
