package dev.narration.internal.redact;

/**
 * Values that stand in for a secret rather than being one: {@code ${DB_PASSWORD}}, {@code $DB_PASSWORD},
 * {@code ****}, {@code <redacted>}, {@code [REDACTED:password]} (so text redacted twice stays the same),
 * {@code null}, a type name ({@code password: string} in a schema); and values that are renderings of a Java object or a number, which real logs print under keys
 * such as {@code token} ({@code token=Token{a64f992 …}}, {@code token: android.os.BinderProxy@2bd79ce},
 * {@code sessionid: 0x14ede63a5a70002}). A sensitive key with such a value is left as it is.
 */
final class Placeholders {
    private static final String[] WORDS = {"null", "none", "nil", "true", "false", "undefined", "empty", "redacted",
        "hidden", "masked", "new", "unset", "-", "string", "str"};
    /** Roots of the references configuration languages write for a secret: {@code var.db_password}, {@code secrets.TOKEN}. */
    private static final String[] REFERENCE_ROOTS = {"var", "local", "data", "module", "env", "secrets", "vars",
        "values", "inputs", "steps", "needs", "process", "settings", "config"};

    private Placeholders() {}

    /** Also looks at what follows the value: {@code Token {…}} is an object rendering too. */
    static boolean is(final char[] text, final int start, final int end, final int limit) {
        if (end + 1 < limit && text[end] == ' ' && text[end + 1] == '{' && isClassName(text, start, end)) {
            return true;
        }
        return is(text, start, end);
    }

    static boolean is(final char[] text, final int start, final int end) {
        final int length = end - start;
        final char first = text[start];
        final char last = text[end - 1];
        if (length >= 3 && last == '}' && text[start + 1] == '{' && "${%#".indexOf(first) >= 0) {
            return true;
        }
        if (length >= 3 && (first == '$' && text[start + 1] == '(' && last == ')'
                || length >= 5 && CharClasses.regionMatchesIgnoreCase(text, start, end, "ENC[AES256_GCM,") && last == ']')) {
            return true;
        }
        if (isReference(text, start, end)) {
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
        if (isHexNumber(text, start, end) || isObjectRendering(text, start, end)) {
            return true;
        }
        for (final String word : WORDS) {
            if (word.length() == length && CharClasses.regionMatchesIgnoreCase(text, start, end, word)) {
                return true;
            }
        }
        return false;
    }

    /** {@code var.db_password}: a dotted path of words (no digits, as random secrets have) from a reference root. */
    private static boolean isReference(final char[] text, final int start, final int end) {
        final int dot = indexOf(text, '.', start, end);
        if (dot <= start || dot + 1 >= end) {
            return false;
        }
        boolean root = false;
        for (final String word : REFERENCE_ROOTS) {
            if (word.length() == dot - start && CharClasses.regionMatchesIgnoreCase(text, start, dot, word)) {
                root = true;
                break;
            }
        }
        if (!root) {
            return false;
        }
        for (int k = dot + 1; k < end; k++) {
            final char c = text[k];
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '.' && text[k - 1] != '.')) {
                return false;
            }
        }
        return true;
    }

    /** {@code 0x14ede63a5a70002}: a number as a program prints it. */
    private static boolean isHexNumber(final char[] text, final int start, final int end) {
        if (end - start < 3 || text[start] != '0' || text[start + 1] != 'x') {
            return false;
        }
        for (int k = start + 2; k < end; k++) {
            if (!CharClasses.is(text[k], CharClasses.HEX)) {
                return false;
            }
        }
        return true;
    }

    /** {@code Token{a64f992}} or {@code android.os.BinderProxy@2bd79ce}: Java's default renderings of objects. */
    private static boolean isObjectRendering(final char[] text, final int start, final int end) {
        final int brace = indexOf(text, '{', start, end);
        if (brace > start && isClassName(text, start, brace)) {
            return true;
        }
        final int at = indexOf(text, '@', start, end);
        if (at <= start || end - at < 2 || end - at > 17) {
            return false;
        }
        for (int k = at + 1; k < end; k++) {
            if (!CharClasses.is(text[k], CharClasses.HEX)) {
                return false;
            }
        }
        for (int k = start; k < at; k++) {
            final char c = text[k];
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '$' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** A simple class name: an upper-case letter, then letters only (no digits, as random secrets have). */
    private static boolean isClassName(final char[] text, final int start, final int end) {
        if (end - start < 2 || text[start] < 'A' || text[start] > 'Z') {
            return false;
        }
        for (int k = start + 1; k < end; k++) {
            final char c = text[k];
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(final char[] text, final char c, final int start, final int end) {
        for (int k = start; k < end; k++) {
            if (text[k] == c) {
                return k;
            }
        }
        return -1;
    }

    private static boolean isEnvironmentName(final char[] text, final int start, final int end) {
        for (int k = start; k < end; k++) {
            final char c = text[k];
            if (!(c >= 'A' && c <= 'Z' || c == '_' || k > start && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAll(final char[] text, final int start, final int end, final String chars) {
        for (int k = start; k < end; k++) {
            if (chars.indexOf(text[k]) < 0) {
                return false;
            }
        }
        return true;
    }
}
