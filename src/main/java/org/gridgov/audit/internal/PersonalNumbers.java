package org.gridgov.audit.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridgov.common.PersonalDataKind;

/**
 * Finds ID and phone numbers in free text of an audit entry (a search's filters, an export's query, a purpose typed
 * by a user) and puts their masked forms in their place, so that the audit log, kept for years and read by auditors
 * who may not see personal data, never holds one in plain. Whoever needs the person finds them through the object
 * id; the tail of the number stays for recognising it.
 *
 * <p>Only the 18-character number is recognised by shape: a free-standing 15-digit first-generation number looks
 * exactly like a grid code, which must stay readable; callers mask those where a parameter names them.
 */
final class PersonalNumbers {

    /** Region, birth date (1800–2099, month and day in range), sequence and check character. */
    private static final Pattern ID_NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z])[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx]"
                    + "(?![0-9A-Za-z])");

    /** A mainland mobile, optionally with the country code and separators; a landline with its area code. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![0-9])(?:(?:\\+|%2[Bb])?86[- ]?)?1[3-9]\\d(?:[- ]?\\d{4}){2}(?![0-9])|(?<![0-9])0\\d{2,3}-\\d{7,8}(?![0-9])");

    private PersonalNumbers() {}

    /** The text with every ID and phone number masked; null stays null. */
    static String masked(String text) {
        if (text == null) {
            return null;
        }
        String withoutIds = replace(ID_NUMBER, text, PersonalDataKind.ID_NUMBER);
        return replace(PHONE, withoutIds, PersonalDataKind.PHONE);
    }

    private static String replace(Pattern pattern, String text, PersonalDataKind kind) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        var out = new StringBuilder(text.length());
        do {
            String found = m.group().replace("%2B", "+").replace("%2b", "+");
            m.appendReplacement(out, Matcher.quoteReplacement(kind.mask(kind.normalize(found))));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
