package org.gridgov.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.common.PersonalDataKind.ID_NUMBER;
import static org.gridgov.common.PersonalDataKind.OTHER_ID;
import static org.gridgov.common.PersonalDataKind.PHONE;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.gridgov.common.internal.PersonalDataCipher;
import org.junit.jupiter.api.Test;

class PersonalDataTests {

    private static final SecureRandom random = new SecureRandom();
    private static final String ID = "42138119900307123X";
    private static final String KEY_1 = randomKey(32);
    private static final String KEY_2 = randomKey(32);
    private static final String LOOKUP = randomKey(32);

    private final PersonalData data = personalData(Map.of(1, KEY_1), 1, LOOKUP);

    @Test
    void idNumberAndPhoneSurviveARoundTrip() {
        assertThat(data.open(ID_NUMBER, data.seal(ID_NUMBER, ID).ciphertext())).isEqualTo(ID);
        assertThat(data.open(PHONE, data.seal(PHONE, "13812345678").ciphertext()))
                .isEqualTo("13812345678");
        assertThat(data.open(OTHER_ID, data.seal(OTHER_ID, "E12345678").ciphertext()))
                .isEqualTo("E12345678");
    }

    @Test
    void openReturnsTheNormalizedForm() {
        assertThat(data.open(PHONE, data.seal(PHONE, " 138-1234-5678 ").ciphertext()))
                .isEqualTo("13812345678");
        assertThat(data.open(
                        ID_NUMBER, data.seal(ID_NUMBER, "421381 19900307 123x").ciphertext()))
                .isEqualTo(ID);
    }

    @Test
    void sealingTheSameValueTwiceGivesDifferentCiphertextsButTheSameLookupHash() {
        var first = data.seal(ID_NUMBER, ID);
        var second = data.seal(ID_NUMBER, ID);

        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(first.lookupHash()).isEqualTo(second.lookupHash()).hasSize(32);
        assertThat(data.lookupHash(ID_NUMBER, ID)).isEqualTo(first.lookupHash());
    }

    @Test
    void ciphertextCarriesFormatAndKeyVersionAndIvInFront() {
        byte[] ciphertext = data.seal(PHONE, "13812345678").ciphertext();

        assertThat(ciphertext[0]).isEqualTo((byte) 1);
        assertThat(ciphertext[1]).isZero();
        assertThat(ciphertext[2]).isEqualTo((byte) 1);
        // header + IV + 11 bytes of digits + 16-byte tag
        assertThat(ciphertext).hasSize(3 + 12 + 11 + 16);
    }

    @Test
    void differentSpellingsOfTheSameNumberHashEqual() {
        assertThat(data.lookupHash(PHONE, "138-1234-5678")).isEqualTo(data.lookupHash(PHONE, "13812345678"));
        assertThat(data.lookupHash(PHONE, " 138 1234 5678 ")).isEqualTo(data.lookupHash(PHONE, "13812345678"));
        assertThat(data.lookupHash(ID_NUMBER, "11010519491231002x"))
                .isEqualTo(data.lookupHash(ID_NUMBER, "11010519491231002X"));
        // Full-width digits as typed with a Chinese input method.
        assertThat(data.lookupHash(PHONE, "１３８１２３４５６７８")).isEqualTo(data.lookupHash(PHONE, "13812345678"));
    }

    @Test
    void phoneKeepsALeadingPlus() {
        assertThat(PHONE.normalize("+86 138-1234-5678")).isEqualTo("+8613812345678");
        assertThat(PHONE.normalize("(027) 8888-1234")).isEqualTo("02788881234");
    }

    @Test
    void theSameDigitsHashDifferentlyForAnotherKindOrAnotherLookupKey() {
        assertThat(data.lookupHash(OTHER_ID, "13812345678")).isNotEqualTo(data.lookupHash(PHONE, "13812345678"));
        var otherLookup = personalData(Map.of(1, KEY_1), 1, randomKey(32));
        assertThat(otherLookup.lookupHash(PHONE, "13812345678")).isNotEqualTo(data.lookupHash(PHONE, "13812345678"));
    }

    @Test
    void masksShowOnlyTheAgreedParts() {
        assertThat(data.mask(ID_NUMBER, "421381199003071234")).isEqualTo("421381********1234");
        assertThat(data.mask(ID_NUMBER, "42138119900307123x")).isEqualTo("421381********123X");
        assertThat(data.mask(PHONE, "13812345678")).isEqualTo("138****5678");
        assertThat(data.mask(PHONE, "138-1234-5678")).isEqualTo("138****5678");
        assertThat(data.mask(PHONE, "+8613812345678")).isEqualTo("+86138****5678");
        assertThat(data.mask(OTHER_ID, "e12345678")).isEqualTo("*****5678");
    }

    @Test
    void shortValuesAreMaskedWithoutThrowingAndNeverShownInFull() {
        assertThat(data.mask(ID_NUMBER, "1234")).isEqualTo("**34");
        assertThat(data.mask(ID_NUMBER, "1")).isEqualTo("*");
        assertThat(data.mask(PHONE, "110")).isEqualTo("**0");
        assertThat(data.mask(PHONE, "88881234")).isEqualTo("****1234");
        assertThat(data.mask(OTHER_ID, "AB")).isEqualTo("*B");
    }

    @Test
    void blankOrMalformedValuesAreRefusedWithoutEchoingThem() {
        assertThatIllegalArgumentException().isThrownBy(() -> data.seal(ID_NUMBER, "  "));
        assertThatIllegalArgumentException().isThrownBy(() -> data.seal(PHONE, ""));
        assertThatIllegalArgumentException().isThrownBy(() -> data.seal(PHONE, null));
        assertThatIllegalArgumentException().isThrownBy(() -> data.lookupHash(PHONE, "+"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> data.seal(PHONE, "138x1234"))
                .withMessageNotContaining("138");
        assertThatIllegalArgumentException().isThrownBy(() -> data.seal(PHONE, "138+1234"));
    }

    @Test
    void tamperingWithAnyCiphertextByteIsDetected() {
        byte[] ciphertext = data.seal(ID_NUMBER, ID).ciphertext();
        for (int i = 3; i < ciphertext.length; i++) {
            byte[] tampered = ciphertext.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> data.open(ID_NUMBER, tampered))
                    .isInstanceOf(PersonalDataException.class)
                    .hasMessageContaining("does not authenticate")
                    .hasMessageNotContaining(ID);
        }
    }

    @Test
    void truncatedOrForeignCiphertextIsRefused() {
        byte[] ciphertext = data.seal(ID_NUMBER, ID).ciphertext();
        byte[] cut = Arrays.copyOf(ciphertext, 20);
        assertThatThrownBy(() -> data.open(ID_NUMBER, cut)).isInstanceOf(PersonalDataException.class);
        byte[] otherFormat = ciphertext.clone();
        otherFormat[0] = 2;
        assertThatThrownBy(() -> data.open(ID_NUMBER, otherFormat))
                .isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("format version 2");
        assertThatThrownBy(() -> data.open(ID_NUMBER, new byte[0])).isInstanceOf(PersonalDataException.class);
    }

    @Test
    void aPhoneCiphertextCannotBeOpenedAsAnIdNumber() {
        byte[] phone = data.seal(PHONE, "13812345678").ciphertext();

        assertThatThrownBy(() -> data.open(ID_NUMBER, phone))
                .isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("ID_NUMBER");
    }

    @Test
    void oldRowsStayReadableAfterKeyRotation() {
        var beforeRotation = data.seal(ID_NUMBER, ID);

        var afterRotation = personalData(Map.of(1, KEY_1, 2, KEY_2), 2, LOOKUP);
        var newSeal = afterRotation.seal(ID_NUMBER, ID);

        assertThat(afterRotation.open(ID_NUMBER, beforeRotation.ciphertext())).isEqualTo(ID);
        assertThat(afterRotation.currentKeyVersion()).isEqualTo(2);
        assertThat(newSeal.ciphertext()[2]).isEqualTo((byte) 2);
        assertThat(afterRotation.open(ID_NUMBER, newSeal.ciphertext())).isEqualTo(ID);
        assertThat(afterRotation.needsReseal(beforeRotation.ciphertext())).isTrue();
        assertThat(afterRotation.needsReseal(newSeal.ciphertext())).isFalse();
        // The lookup key does not rotate with the encryption keys, so searches keep finding old rows.
        assertThat(newSeal.lookupHash()).isEqualTo(beforeRotation.lookupHash());
    }

    @Test
    void aCiphertextUnderAnUnconfiguredKeyVersionNamesThatVersion() {
        var rotated = personalData(Map.of(1, KEY_1, 7, KEY_2), 7, LOOKUP);
        byte[] underSeven = rotated.seal(PHONE, "13812345678").ciphertext();

        assertThatThrownBy(() -> data.open(PHONE, underSeven))
                .isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("key version 7")
                .hasMessageContaining("gridgov.crypto.keys");
    }

    @Test
    void aMissingShortOrMalformedKeyIsRefusedNamingTheProperty() {
        assertThatIllegalStateException()
                .isThrownBy(() -> personalData(Map.of(), 1, LOOKUP))
                .withMessageContaining("gridgov.crypto.keys");
        assertThatIllegalStateException()
                .isThrownBy(() -> personalData(null, 1, LOOKUP))
                .withMessageContaining("gridgov.crypto.keys");
        assertThatIllegalStateException()
                .isThrownBy(() -> personalData(Map.of(1, randomKey(16)), 1, LOOKUP))
                .withMessageContaining("gridgov.crypto.keys[1]")
                .withMessageContaining("16 bytes");
        assertThatIllegalStateException()
                .isThrownBy(() -> personalData(Map.of(1, "not base64!"), 1, LOOKUP))
                .withMessageContaining("gridgov.crypto.keys[1]");
        var blankValue = new HashMap<Integer, String>();
        blankValue.put(1, null);
        assertThatIllegalStateException()
                .isThrownBy(() -> personalData(blankValue, 1, LOOKUP))
                .withMessageContaining("gridgov.crypto.keys[1]");
    }

    @Test
    void aCurrentKeyOutsideTheConfiguredVersionsIsRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> personalData(Map.of(1, KEY_1), 2, LOOKUP))
                .withMessageContaining("gridgov.crypto.current-key");
        assertThatIllegalStateException()
                .isThrownBy(() -> personalData(Map.of(70000, KEY_1), 70000, LOOKUP))
                .withMessageContaining("gridgov.crypto.keys");
    }

    @Test
    void aMissingShortOrReusedLookupKeyIsRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> personalData(Map.of(1, KEY_1), 1, null))
                .withMessageContaining("gridgov.crypto.lookup-key");
        assertThatIllegalStateException()
                .isThrownBy(() -> personalData(Map.of(1, KEY_1), 1, randomKey(31)))
                .withMessageContaining("gridgov.crypto.lookup-key");
        assertThatIllegalStateException()
                .isThrownBy(() -> personalData(Map.of(1, KEY_1), 1, KEY_1))
                .withMessageContaining("gridgov.crypto.lookup-key");
        assertThat(personalData(Map.of(1, KEY_1), 1, randomKey(64)).currentKeyVersion())
                .isEqualTo(1);
    }

    @Test
    void keyMaterialNeverAppearsInErrors() {
        String shortKey = randomKey(16);
        assertThatIllegalStateException()
                .isThrownBy(() -> personalData(Map.of(1, shortKey), 1, LOOKUP))
                .withMessageNotContaining(shortKey);
    }

    @Test
    void sealedValuesCompareByContentAndDoNotPrintIt() {
        var sealed = data.seal(PHONE, "13812345678");
        var copy = new SealedValue(sealed.ciphertext(), sealed.lookupHash());

        assertThat(copy).isEqualTo(sealed).hasSameHashCodeAs(sealed);
        assertThat(copy).isNotEqualTo(data.seal(PHONE, "13812345678"));
        assertThat(sealed.toString()).doesNotContain("[B@").contains("bytes");
        // Changing a returned array must not change the stored value.
        sealed.ciphertext()[5] ^= 1;
        assertThat(data.open(PHONE, sealed.ciphertext())).isEqualTo("13812345678");
    }

    @Test
    void oneInstanceServesManyThreadsAtOnce() throws Exception {
        try (var executor = Executors.newFixedThreadPool(8)) {
            var tasks = IntStream.range(0, 200)
                    .mapToObj(i -> (Callable<Boolean>) () -> {
                        String phone = "138%08d".formatted(i);
                        var sealed = data.seal(PHONE, phone);
                        return data.open(PHONE, sealed.ciphertext()).equals(phone)
                                && Arrays.equals(sealed.lookupHash(), data.lookupHash(PHONE, phone));
                    })
                    .toList();
            for (var result : executor.invokeAll(tasks)) {
                assertThat(result.get()).isTrue();
            }
        }
    }

    private static PersonalData personalData(Map<Integer, String> keys, int currentKey, String lookupKey) {
        return new PersonalData(new PersonalDataCipher(keys, currentKey, lookupKey));
    }

    private static String randomKey(int bytes) {
        byte[] key = new byte[bytes];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
