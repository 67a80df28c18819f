package org.gridgov.common;

import java.text.Normalizer;
import java.util.Locale;

/** The kinds of personal data the platform seals, each with its own canonical form and mask. */
public enum PersonalDataKind {

    /** Mainland resident ID number (居民身份证号), 18 characters with a possible trailing X, or the old 15 digits. */
    ID_NUMBER {
        @Override
        String canonical(String text) {
            return withoutWhitespace(text).toUpperCase(Locale.ROOT);
        }

        @Override
        public String mask(String normalized) {
            return normalized.length() >= 15 ? keepEnds(normalized, 6, 4, 8) : maskAllButTail(normalized);
        }
    },

    /** Phone number: digits with an optional leading +, as typed or with a country code. */
    PHONE {
        @Override
        String canonical(String text) {
            var digits = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits.append(c);
                } else if (c == '+' && digits.isEmpty() && text.lastIndexOf('+') == i) {
                    digits.append(c);
                } else if (!Character.isWhitespace(c) && c != '-' && c != '(' && c != ')' && c != '.') {
                    // Dropping a stray letter would silently seal and search for a different number.
                    throw new IllegalArgumentException("PHONE contains a character that is not part of a phone number");
                }
            }
            if (digits.isEmpty() || digits.length() == 1 && digits.charAt(0) == '+') {
                throw new IllegalArgumentException("PHONE contains no digits");
            }
            return digits.toString();
        }

        @Override
        public String mask(String normalized) {
            // 11-digit mobiles show 3 + 4 like 138****5678; a country code stays visible in front.
            return normalized.length() >= 11
                    ? keepEnds(normalized, normalized.length() - 8, 4, 4)
                    : maskAllButTail(normalized);
        }
    },

    /** Foreign or other document number (passport, permit); only the tail stays visible. */
    OTHER_ID {
        @Override
        String canonical(String text) {
            return withoutWhitespace(text).toUpperCase(Locale.ROOT);
        }

        @Override
        public String mask(String normalized) {
            return maskAllButTail(normalized);
        }
    };

    /**
     * The canonical form that is sealed and hashed, so that the same number typed differently is found again.
     *
     * <p>Full-width characters from Chinese input methods become their ASCII forms first.
     *
     * @throws IllegalArgumentException when the value is null or blank; the message never contains the value
     */
    public String normalize(String plain) {
        if (plain == null) {
            throw new IllegalArgumentException(name() + " must not be null");
        }
        String text = Normalizer.normalize(plain, Normalizer.Form.NFKC).strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(name() + " must not be blank");
        }
        return canonical(text);
    }

    /** The value as shown to callers who may not see it in full; expects the output of {@link #normalize}. */
    public abstract String mask(String normalized);

    abstract String canonical(String text);

    private static String withoutWhitespace(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String keepEnds(String value, int head, int tail, int stars) {
        return value.substring(0, head) + "*".repeat(stars) + value.substring(value.length() - tail);
    }

    /** At most the last four characters and never more than half of the value stay visible. */
    private static String maskAllButTail(String value) {
        int tail = Math.min(4, value.length() / 2);
        return "*".repeat(value.length() - tail) + value.substring(value.length() - tail);
    }
}
