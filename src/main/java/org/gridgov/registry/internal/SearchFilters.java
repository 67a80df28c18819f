package org.gridgov.registry.internal;

import java.util.regex.Pattern;
import org.gridgov.common.PersonalDataKind;
import org.gridgov.common.ProblemException;

/**
 * The filters of a registry search that must be what they claim before they are hashed: a whole ID number, a phone
 * number. A filter that cannot be one (a masked {@code 137****0180} copied from a list,
 * letters in an ID number) is refused naming it, rather than searched for in vain or failing on the way.
 */
final class SearchFilters {

    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]");

    private SearchFilters() {}

    /** The ID number to find, trimmed; null when not given. */
    static String idNumber(String text) {
        String id = ResidentRules.trim(text);
        if (id != null && !ID_NUMBER.matcher(id.replace(" ", "")).matches()) {
            throw ProblemException.invalid(
                    "idNumber",
                    "format",
                    "请输入完整的 18 位身份证号（17 位数字加数字或 X），不能用带 * 的遮蔽号码查找",
                    "give the whole 18-character ID number (17 digits and a digit or X); a masked number finds nothing");
        }
        return id;
    }

    /** The phone number to find, trimmed; null when not given. */
    static String phone(String text) {
        String phone = ResidentRules.trim(text);
        if (phone == null) {
            return null;
        }
        try {
            String digits = PersonalDataKind.PHONE.normalize(phone);
            if (digits.replace("+", "").length() < 5) {
                throw new IllegalArgumentException("too short");
            }
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(
                    "phone",
                    "format",
                    "请输入完整的电话号码（数字，可含空格或短横线），不能用带 * 的遮蔽号码查找",
                    "give the whole phone number (digits, spaces or dashes); a masked number finds nothing");
        }
        return phone;
    }
}
