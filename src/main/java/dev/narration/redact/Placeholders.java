package dev.narration.redact;

/**
 * Values that stand in for a secret rather than being one: {@code ${DB_PASSWORD}}, {@code $DB_PASSWORD},
 * {@code ****}, {@code <redacted>}, {@code [REDACTED:password]} (so text redacted twice stays the same),
 * {@code null}. A sensitive key with such a value is left as it is.
 */
final class Placeholders {
    private static final String[] WORDS = {"null", "none", "nil", "true", "false", "undefined", "empty", "redacted",
        "hidden", "masked", "-"};

    private Placeholders() {}

    static boolean is(final CharSequence text, final int start, final int end) {
        final int length = end - start;
        final char first = text.charAt(start);
        final char last = text.charAt(end - 1);
        if (length >= 3 && last == '}' && text.charAt(start + 1) == '{' && "${%#".indexOf(first) >= 0) {
            return true;
        }
        if (length >= 2 && (first == '<' && last == '>' || first == '[' && last == ']')) {
            return true;
        }
        if (first == '$' && length >= 2 && isEnvironmentName(text, start + 1, end)) {
            return true;
        }
        if (isAll(text, start, end, "*#\u2022") || length >= 3 && isAll(text, start, end, "xX")) {
            return true;
        }
        for (final String word : WORDS) {
            if (word.length() == length && TokenScanner.regionMatchesIgnoreCase(text, start, end, word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEnvironmentName(final CharSequence text, final int start, final int end) {
        for (int k = start; k < end; k++) {
            final char c = text.charAt(k);
            if (!(c >= 'A' && c <= 'Z' || c == '_' || k > start && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAll(final CharSequence text, final int start, final int end, final String chars) {
        for (int k = start; k < end; k++) {
            if (chars.indexOf(text.charAt(k)) < 0) {
                return false;
            }
        }
        return true;
    }
}
