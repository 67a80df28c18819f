package org.gridgov.common.internal;

import java.util.List;
import org.gridgov.common.FieldProblem;

/**
 * The one rule for text that reaches the platform from outside: no C0 control characters (U+0000 to U+001F) and no
 * DEL, except tab, line feed and carriage return, which free texts such as descriptions legitimately carry.
 * PostgreSQL refuses U+0000 in text and jsonb, and the other control characters only ever arrive by mistake or as an
 * attack on logs and exports.
 */
final class ControlCharacters {

    private ControlCharacters() {}

    /** The position of the first refused character, or -1 when the text may pass. */
    static int firstRefused(CharSequence text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return i;
            }
        }
        return -1;
    }

    static boolean refused(CharSequence text) {
        return firstRefused(text) >= 0;
    }

    /** The refusal of one field, naming the character so that a client can find it. */
    static FieldProblem problem(String field, CharSequence text) {
        int at = firstRefused(text);
        String code = at < 0 ? "" : String.format("U+%04X", (int) text.charAt(at));
        return new FieldProblem(
                field,
                "control-character",
                "字段 " + field + " 含有不允许的控制字符 " + code + "（第 " + (at + 1) + " 个字符）",
                "Field " + field + " contains the control character " + code + " at position " + (at + 1)
                        + ", which is not allowed");
    }

    static List<FieldProblem> problems(String field, CharSequence text) {
        return refused(text) ? List.of(problem(field, text)) : List.of();
    }

    /** A name for a field that is itself refused text, safe to echo. */
    static String printable(String name) {
        if (name == null) {
            return "";
        }
        var out = new StringBuilder(Math.min(name.length(), 64));
        for (int i = 0; i < name.length() && out.length() < 64; i++) {
            char c = name.charAt(i);
            out.append((c < 0x20 || c == 0x7F) ? '?' : c);
        }
        return out.toString();
    }
}
