package org.gridgov.registry.internal;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters — registering authority, kind of
 * organization, the 6-digit GB/T 2260 region of the registering office, the 9-character organization code, and a
 * check character. Characters come from {@value #ALPHABET} (no I, O, Z, S, V); the check character is
 * {@code 31 − (Σ value(cᵢ)·wᵢ mod 31)}, 31 written as 0, with weights wᵢ = 3ⁱ mod 31 for positions 1–17.
 */
final class CreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** What is wrong with a code, in the words a form shows. */
    enum Fault {
        LENGTH("length", "统一社会信用代码须为 18 位", "the credit code has 18 characters"),
        CHARACTER("character", "统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）", "the credit code has a character not allowed"),
        REGION("region", "统一社会信用代码第 3–8 位须为行政区划代码", "characters 3 to 8 are a region code"),
        CHECK_CHARACTER("check-character", "统一社会信用代码校验位不正确", "the credit code's check character is wrong");

        final String code;
        final String zh;
        final String en;

        Fault(String code, String zh, String en) {
            this.code = code;
            this.zh = zh;
            this.en = en;
        }
    }

    private CreditCode() {}

    /** The first fault of a code (upper-cased, without spaces), or null when it is valid. */
    static Fault fault(String code) {
        if (code.length() != 18) {
            return Fault.LENGTH;
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Fault.CHARACTER;
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return Fault.REGION;
            }
        }
        return checkCharacter(code.substring(0, 17)) == code.charAt(17) ? null : Fault.CHECK_CHARACTER;
    }

    /** The check character of the first 17 characters, all from the alphabet. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
