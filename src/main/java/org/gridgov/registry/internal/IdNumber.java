package org.gridgov.registry.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

/**
 * A citizen ID number (公民身份号码, GB 11643): 6-digit address code, birth date, 3-digit sequence whose parity gives
 * the sex, and an ISO 7064 MOD 11-2 check character. Of the address code only the province (its first two digits) is
 * checked: the rest is the code of where the number was issued, and many such codes have since been abolished.
 */
record IdNumber(String value, LocalDate birthDate, char sex) {

    /**
     * The province-level codes of GB/T 2260 (31 mainland provinces, 71 Taiwan, 81 Hong Kong, 82 Macao) and 83, which
     * residence permits of Taiwan residents (港澳台居民居住证, numbered under GB 11643) carry.
     */
    static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83");

    /** No one registered today was born before this day; an earlier date in a number is a typing error. */
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /** Why a text is not an ID number; the code names the rule for problem bodies and import reports. */
    enum Fault {
        LENGTH("身份证号须为 18 位", "the ID number must have 18 characters"),
        FORMAT("身份证号前 17 位须为数字，末位为数字或 X", "17 digits and a digit or X are expected"),
        PROVINCE("身份证号前两位不是省级行政区划代码", "the first two digits of the ID number are no province code"),
        BIRTH_DATE("身份证号中的出生日期不存在", "the birth date in the ID number does not exist"),
        BIRTH_DATE_RANGE(
                "身份证号中的出生日期须在 1900-01-01 至今天之间",
                "the birth date in the ID number must lie between 1900-01-01 and today"),
        CHECK_DIGIT("身份证号校验位不正确", "the check character of the ID number is wrong");

        final String zh;
        final String en;

        Fault(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Thrown by {@link #parse} with the rule the text broke. */
    static final class Invalid extends IllegalArgumentException {
        final Fault fault;

        Invalid(Fault fault) {
            super(fault.en);
            this.fault = fault;
        }
    }

    /**
     * Parses an ID number after trimming it and upper-casing a trailing x; {@code today} bounds the birth date.
     *
     * @throws Invalid naming the first rule the text breaks
     */
    static IdNumber parse(String text, LocalDate today) {
        String s = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
        if (s.length() != 18) {
            throw new Invalid(Fault.LENGTH);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new Invalid(Fault.FORMAT);
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        char last = s.charAt(17);
        if ((last < '0' || last > '9') && last != 'X') {
            throw new Invalid(Fault.FORMAT);
        }
        if (!PROVINCES.contains(s.substring(0, 2))) {
            throw new Invalid(Fault.PROVINCE);
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(
                    Integer.parseInt(s, 6, 10, 10), Integer.parseInt(s, 10, 12, 10), Integer.parseInt(s, 12, 14, 10));
        } catch (DateTimeException e) {
            throw new Invalid(Fault.BIRTH_DATE);
        }
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            throw new Invalid(Fault.BIRTH_DATE_RANGE);
        }
        if (CHECK[sum % 11] != last) {
            throw new Invalid(Fault.CHECK_DIGIT);
        }
        char sex = (s.charAt(16) - '0') % 2 == 1 ? '1' : '2';
        return new IdNumber(s, birth, sex);
    }

    /** The check character the first 17 digits call for; used to make valid synthetic numbers. */
    static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    String addressCode() {
        return value.substring(0, 6);
    }
}
