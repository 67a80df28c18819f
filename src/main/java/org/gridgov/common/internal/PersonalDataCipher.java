package org.gridgov.common.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.gridgov.common.PersonalData;
import org.gridgov.common.PersonalDataException;
import org.gridgov.common.PersonalDataKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM and HMAC-SHA256 behind {@link PersonalData}; public only so that the facade in the parent package can
 * reach it, and not meant for other modules.
 *
 * <p>Thread-safe: keys are immutable and every call takes its own {@link Cipher} and {@link Mac}, which are not.
 */
@Component
public final class PersonalDataCipher {

    static final byte FORMAT_VERSION = 1;
    static final int HEADER_LENGTH = 3;
    static final int IV_LENGTH = 12;
    static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final int MAX_KEY_VERSION = 0xFFFF;

    private final Map<Integer, SecretKey> keys;
    private final int currentKey;
    private final SecretKey lookupKey;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    PersonalDataCipher(CryptoSettings settings) {
        this(settings.keys(), settings.currentKey(), settings.lookupKey());
    }

    /**
     * @param keys key version to the base64 of 32 bytes, as under {@code gridgov.crypto.keys}
     * @param currentKey the version new data is sealed with
     * @param lookupKey base64 of at least 32 bytes, as under {@code gridgov.crypto.lookup-key}
     * @throws IllegalStateException naming the property at fault; never showing key material
     */
    public PersonalDataCipher(Map<Integer, String> keys, int currentKey, String lookupKey) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalStateException("gridgov.crypto.keys is not configured: map at least one key version"
                    + " to the base64 of 32 random bytes (openssl rand -base64 32)");
        }
        var decoded = new HashMap<Integer, SecretKey>();
        keys.forEach((version, base64) -> {
            String property = "gridgov.crypto.keys[" + version + "]";
            if (version == null || version < 1 || version > MAX_KEY_VERSION) {
                throw new IllegalStateException("gridgov.crypto.keys has key version " + version
                        + "; versions run from 1 to " + MAX_KEY_VERSION);
            }
            byte[] bytes = decode(property, base64);
            if (bytes.length != KEY_BYTES) {
                throw new IllegalStateException(property
                        + " must be the base64 of exactly 32 bytes for AES-256, but is " + bytes.length + " bytes");
            }
            decoded.put(version, new SecretKeySpec(bytes, "AES"));
        });
        if (!decoded.containsKey(currentKey)) {
            throw new IllegalStateException("gridgov.crypto.current-key is " + currentKey
                    + ", which is not among the versions in gridgov.crypto.keys " + new TreeSet<>(decoded.keySet()));
        }
        byte[] lookup = decode("gridgov.crypto.lookup-key", lookupKey);
        if (lookup.length < KEY_BYTES) {
            throw new IllegalStateException("gridgov.crypto.lookup-key must be the base64 of at least 32 bytes, but is "
                    + lookup.length + " bytes");
        }
        // A shared key would tie the searchable hashes to the encryption key and make rotating one rotate both.
        for (SecretKey key : decoded.values()) {
            if (MessageDigest.isEqual(key.getEncoded(), lookup)) {
                throw new IllegalStateException(
                        "gridgov.crypto.lookup-key must differ from every key in gridgov.crypto.keys");
            }
        }
        this.keys = Map.copyOf(decoded);
        this.currentKey = currentKey;
        this.lookupKey = new SecretKeySpec(lookup, "HmacSHA256");
    }

    public int currentKeyVersion() {
        return currentKey;
    }

    /** Seals an already normalized value under the current key, bound to its kind. */
    public byte[] encrypt(PersonalDataKind kind, String normalized) {
        byte[] out = new byte[HEADER_LENGTH + IV_LENGTH];
        out[0] = FORMAT_VERSION;
        out[1] = (byte) (currentKey >>> 8);
        out[2] = (byte) currentKey;
        byte[] iv = new byte[IV_LENGTH];
        random.nextBytes(iv);
        System.arraycopy(iv, 0, out, HEADER_LENGTH, IV_LENGTH);
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKey), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(out, kind));
            byte[] body = cipher.doFinal(normalized.getBytes(UTF_8));
            byte[] sealed = new byte[out.length + body.length];
            System.arraycopy(out, 0, sealed, 0, out.length);
            System.arraycopy(body, 0, sealed, out.length, body.length);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** Opens a ciphertext under whichever configured key version it names. */
    public String decrypt(PersonalDataKind kind, byte[] ciphertext) {
        int version = keyVersion(ciphertext);
        SecretKey key = keys.get(version);
        if (key == null) {
            throw new PersonalDataException("Ciphertext is sealed with key version " + version
                    + ", which is not configured in gridgov.crypto.keys " + new TreeSet<>(keys.keySet()));
        }
        if (ciphertext.length < HEADER_LENGTH + IV_LENGTH + TAG_BITS / 8) {
            throw new PersonalDataException("Ciphertext is truncated: " + ciphertext.length + " bytes");
        }
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, HEADER_LENGTH, IV_LENGTH));
            cipher.updateAAD(associatedData(ciphertext, kind));
            int bodyStart = HEADER_LENGTH + IV_LENGTH;
            return new String(cipher.doFinal(ciphertext, bodyStart, ciphertext.length - bodyStart), UTF_8);
        } catch (AEADBadTagException e) {
            throw new PersonalDataException(
                    "Ciphertext does not authenticate as " + kind + " under key version " + version
                            + ": it was altered, cut short, or sealed as another kind",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** The key version a ciphertext was sealed with, read from its header. */
    public int keyVersion(byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length < HEADER_LENGTH) {
            throw new PersonalDataException("Ciphertext is missing or too short to carry a header");
        }
        if (ciphertext[0] != FORMAT_VERSION) {
            throw new PersonalDataException("Ciphertext has unknown format version " + (ciphertext[0] & 0xFF));
        }
        return (ciphertext[1] & 0xFF) << 8 | ciphertext[2] & 0xFF;
    }

    /** The search hash of an already normalized value; the kind goes in so equal digits of two kinds differ. */
    public byte[] hash(PersonalDataKind kind, String normalized) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(lookupKey);
            mac.update(kind.name().getBytes(UTF_8));
            // Kind names never contain NUL, so kind and value cannot run into each other.
            mac.update((byte) 0);
            return mac.doFinal(normalized.getBytes(UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** The header is bound in as well, so a ciphertext cannot be relabelled with another format or key version. */
    private static byte[] associatedData(byte[] header, PersonalDataKind kind) {
        byte[] name = kind.name().getBytes(UTF_8);
        byte[] aad = new byte[HEADER_LENGTH + name.length];
        System.arraycopy(header, 0, aad, 0, HEADER_LENGTH);
        System.arraycopy(name, 0, aad, HEADER_LENGTH, name.length);
        return aad;
    }

    private static byte[] decode(String property, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(
                    property + " is not configured: give the base64 of 32 random bytes" + " (openssl rand -base64 32)");
        }
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            // The decoder's message can quote the offending characters, which are key material.
            throw new IllegalStateException(property + " is not valid base64");
        }
    }
}
