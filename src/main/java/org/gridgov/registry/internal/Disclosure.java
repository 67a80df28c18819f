package org.gridgov.registry.internal;

import java.time.LocalDate;
import org.gridgov.common.Permissions;
import org.gridgov.identity.CurrentUser;

/**
 * How much of a person's identity one caller is shown (docs/SECURITY.md, "Masking rule"). With {@code
 * personal:unmask}: the ID number masked over its birth date ({@code 421381********1234}) and the birth date beside
 * it. Without: the ID number's address code only ({@code 421381************}) and the birth year, because the birth
 * date would fill the masked digits and the last four are half of what is left: of the 18 characters the month and
 * day of birth (4), the sequence number (3, the sex telling only the parity of its last digit) and the check
 * character stay unknown, 8 in all, at least 7 of them independent.
 *
 * @param full whether the caller may see what {@code personal:unmask} shows
 */
record Disclosure(boolean full) {

    /** Eighteen characters of an ID number inside other text, not part of a longer run of digits before them. */
    private static final java.util.regex.Pattern ID_NUMBER_IN_TEXT =
            java.util.regex.Pattern.compile("(?<![0-9])([1-9][0-9]{5})[0-9]{11}[0-9Xx]");

    /** An ID number or document number of at least this length carries a birth date (GB 11643, and permits like it). */
    private static final int DATED_NUMBER = 15;

    static Disclosure of(CurrentUser user) {
        return new Disclosure(user.can(Permissions.PERSONAL_UNMASK));
    }

    /**
     * An ID number, already masked the usual way, as this caller may see it; a shorter document number (a passport)
     * carries no birth date and keeps its last four.
     */
    String idNumber(String masked) {
        if (full || masked == null || masked.length() < DATED_NUMBER) {
            return masked;
        }
        return masked.substring(0, 6) + "*".repeat(masked.length() - 6);
    }

    /**
     * A value typed into a free field (a group's 残疾人证号, which is the ID number and two digits more, a note) with
     * any ID number in it masked as {@link #idNumber} would.
     */
    String text(String value) {
        if (full || value == null || value.length() < 18) {
            return value;
        }
        return ID_NUMBER_IN_TEXT.matcher(value).replaceAll("$1************");
    }

    /** The values of a group's or register's fields, each as {@link #text}. */
    java.util.Map<String, String> values(java.util.Map<String, String> values) {
        if (full || values == null) {
            return values;
        }
        var out = new java.util.LinkedHashMap<String, String>();
        values.forEach((k, v) -> out.put(k, text(v)));
        return out;
    }

    /**
     * What a form filled from this caller's view means by the fields it sends back: a value sent exactly as this caller
     * was shown the stored one keeps the stored one, so that saving an unchanged form never writes a mask over a number.
     */
    java.util.Map<String, String> keptIfMasked(
            java.util.Map<String, String> sent, java.util.Map<String, String> stored) {
        if (full || sent == null || stored == null) {
            return sent;
        }
        var kept = new java.util.LinkedHashMap<String, String>();
        sent.forEach((field, value) -> {
            String before = stored.get(field);
            boolean shownMasked =
                    before != null && value != null && !value.equals(before) && value.equals(text(before));
            kept.put(field, shownMasked ? before : value);
        });
        return kept;
    }

    LocalDate birthDate(LocalDate birthDate) {
        return full ? birthDate : null;
    }

    static Integer birthYear(LocalDate birthDate) {
        return birthDate == null ? null : birthDate.getYear();
    }

    /**
     * A line of a history as this caller may see it: an ID number as {@link #idNumber}, a birth date as its year,
     * whatever the line was written with, and any ID number typed into another field as {@link #text}.
     */
    ChangeRow change(ChangeRow row) {
        if (full) {
            return row;
        }
        return switch (row.field()) {
            case "idNumber", "kindDetails.documentNumber" ->
                withValues(row, idNumber(row.oldValue()), idNumber(row.newValue()));
            case "birthDate" -> withValues(row, year(row.oldValue()), year(row.newValue()));
            default -> withValues(row, text(row.oldValue()), text(row.newValue()));
        };
    }

    /** The first four characters of a date written as {@code yyyy-MM-dd}. */
    private static String year(String date) {
        return date == null || date.length() < 4 ? date : date.substring(0, 4);
    }

    private static ChangeRow withValues(ChangeRow row, String oldValue, String newValue) {
        return new ChangeRow(row.id(), row.field(), oldValue, newValue, row.actorName(), row.note(), row.at());
    }
}
