package org.gridgov.common;

import java.util.Arrays;
import java.util.Objects;

/**
 * A piece of personal data as stored: the authenticated ciphertext and the keyed hash that finds it by exact value.
 *
 * <p>{@code ciphertext} is 1 byte format version, 2 bytes key version (big endian), a 12-byte random IV and the
 * AES-256-GCM ciphertext with its 16-byte tag; the kind is bound in as associated data. {@code lookupHash} is the
 * HMAC-SHA256 of kind and normalized value, equal for every seal of the same value. Both arrays are copied in and
 * out so a stored value cannot change under its holder.
 */
public record SealedValue(byte[] ciphertext, byte[] lookupHash) {

    public SealedValue {
        ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
        lookupHash = Objects.requireNonNull(lookupHash, "lookupHash").clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public byte[] lookupHash() {
        return lookupHash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedValue other
                && Arrays.equals(ciphertext, other.ciphertext)
                && Arrays.equals(lookupHash, other.lookupHash);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ciphertext) + Arrays.hashCode(lookupHash);
    }

    /** Sizes only: neither the ciphertext nor the hash belongs in a log. */
    @Override
    public String toString() {
        return "SealedValue[ciphertext=" + ciphertext.length + " bytes, lookupHash=" + lookupHash.length + " bytes]";
    }
}
