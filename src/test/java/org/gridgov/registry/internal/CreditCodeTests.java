package org.gridgov.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTests {

    @Test
    void acceptsPublishedCodes() {
        assertThat(CreditCode.fault("91350100M000100Y43")).isNull();
        assertThat(CreditCode.fault("91110000600037341L")).isNull();
        assertThat(CreditCode.fault("91440300708461136T")).isNull();
    }

    @Test
    void refusesAWrongCheckCharacterALetterNotUsedAndAShortCode() {
        assertThat(CreditCode.fault("91350100M000100Y44")).isEqualTo(CreditCode.Fault.CHECK_CHARACTER);
        assertThat(CreditCode.fault("91350100M000100I43")).isEqualTo(CreditCode.Fault.CHARACTER);
        assertThat(CreditCode.fault("9135A100M000100Y43")).isEqualTo(CreditCode.Fault.REGION);
        assertThat(CreditCode.fault("91350100M000100Y4")).isEqualTo(CreditCode.Fault.LENGTH);
    }

    @Test
    void aRemainderOfZeroGivesCheckCharacterZero() {
        // 31 − (sum mod 31) is 31 when the sum is a multiple of 31, and 31 is written as 0.
        assertThat(CreditCode.checkCharacter("00000000000000000")).isEqualTo('0');
    }

    @Test
    void demoCodesAreValid() {
        for (int i = 0; i < 100; i++) {
            assertThat(CreditCode.fault(DemoPlaces.creditCode("91", i))).isNull();
            assertThat(CreditCode.fault(DemoPlaces.creditCode("51", i))).isNull();
        }
    }
}
