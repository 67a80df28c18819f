package org.gridgov.common;

import java.util.Objects;
import org.gridgov.common.internal.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * Seals, opens, finds and masks citizens' ID and phone numbers, so that no module handles keys or ciphers itself.
 *
 * <p>Store {@link SealedValue#ciphertext()} and {@link SealedValue#lookupHash()} in two columns, search with
 * {@code where ..._hash = ?} and {@link #lookupHash}, and show {@link #mask} to callers who may not see the number in
 * full. Values are normalized before sealing, so {@link #open} returns the normalized form. Thread-safe.
 */
@Component
public class PersonalData {

    private final PersonalDataCipher cipher;

    public PersonalData(PersonalDataCipher cipher) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /**
     * Encrypts under the current key with a fresh IV and computes the search hash.
     *
     * @throws IllegalArgumentException when the value is blank or, for a phone, not a phone number
     */
    public SealedValue seal(PersonalDataKind kind, String plain) {
        String normalized = kind.normalize(plain);
        return new SealedValue(cipher.encrypt(kind, normalized), cipher.hash(kind, normalized));
    }

    /**
     * Decrypts a value sealed as {@code kind} under any configured key version.
     *
     * @throws PersonalDataException when the key version is not configured, the format is unknown, or the ciphertext
     *     does not authenticate (altered, or sealed as another kind)
     */
    public String open(PersonalDataKind kind, byte[] ciphertext) {
        Objects.requireNonNull(kind, "kind");
        return cipher.decrypt(kind, ciphertext);
    }

    /** The keyed hash to search by: the same for every spelling of the same number, different for another kind. */
    public byte[] lookupHash(PersonalDataKind kind, String plain) {
        return cipher.hash(kind, kind.normalize(plain));
    }

    /** The value with its middle hidden, such as {@code 421381********1234} or {@code 138****5678}. */
    public String mask(PersonalDataKind kind, String plain) {
        return kind.mask(kind.normalize(plain));
    }

    /** A sealed value as a view shows it: opened and masked; null stays null. */
    public String masked(PersonalDataKind kind, byte[] ciphertext) {
        return ciphertext == null ? null : mask(kind, open(kind, ciphertext));
    }

    /**
     * What a form filled from a masked view means by a value: sent back exactly as it was shown, it is the stored one
     * unchanged (answered in plain); anything else is what the user typed.
     */
    public String keptIfMasked(PersonalDataKind kind, String sent, byte[] stored) {
        return stored != null && Objects.equals(sent, masked(kind, stored)) ? open(kind, stored) : sent;
    }

    public int currentKeyVersion() {
        return cipher.currentKeyVersion();
    }

    /**
     * Whether a ciphertext was sealed under an older key and should be opened and sealed again during rotation.
     *
     * @throws PersonalDataException when the ciphertext has no readable header
     */
    public boolean needsReseal(byte[] ciphertext) {
        return cipher.keyVersion(ciphertext) != cipher.currentKeyVersion();
    }
}
