package dev.narration.internal.redact;

import java.util.Arrays;

/**
 * The character classes the scanner's matchers read text by, ASCII only, and the first stage's trigger table: one
 * load per character tells a letter or digit (almost all of clean text) from a character worth a closer look. Also
 * the few comparisons over a text's characters that every matcher needs.
 */
final class CharClasses {
    // Character classes.
    static final int ALNUM = 1;
    static final int TOKEN = 1 << 1; // [A-Za-z0-9_-]
    static final int B64URL_DOT = 1 << 2; // TOKEN plus '.'
    static final int TOKEN68 = 1 << 3; // RFC 7235 token68: [A-Za-z0-9-._~+/=]
    static final int KEY = 1 << 4; // key names: [A-Za-z0-9_.-]
    static final int HEX_LOWER = 1 << 5;
    static final int UPPER_ALNUM = 1 << 6;
    static final int B64 = 1 << 7; // [A-Za-z0-9+/]
    static final int EMAIL_LOCAL = 1 << 8;
    static final int DOMAIN = 1 << 9;
    static final int HEX = 1 << 10;
    static final int TILDE_TOKEN = 1 << 11; // Azure AD client secrets: [A-Za-z0-9_.~-]
    private static final int[] CLASSES = new int[128];

    // First-stage triggers.
    static final byte BOUNDARY = 1;
    static final byte SEPARATOR = 2;
    static final byte PERCENT = 4;
    static final byte BACKSLASH = 8;
    static final byte DASH = 16;
    static final byte AT = 32;
    /** Characters that end a key or open a value in renderings other than {@code k=v}: {@code f("k", "v")}, {@code <k>v</k>}, Azure's {@code 8Q~}. */
    static final byte OTHER = 64;
    /** Indexed by any char: 0 for ASCII letters and digits, {@link #BOUNDARY} for every non-ASCII char. */
    static final byte[] TRIGGERS = new byte[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c < 128; c++) {
            final boolean upper = c >= 'A' && c <= 'Z';
            final boolean lower = c >= 'a' && c <= 'z';
            final boolean digit = c >= '0' && c <= '9';
            int cls = 0;
            if (upper || lower || digit) {
                cls |= ALNUM | TOKEN | B64URL_DOT | TOKEN68 | KEY | B64 | EMAIL_LOCAL | DOMAIN | TILDE_TOKEN;
            }
            if (upper || digit) {
                cls |= UPPER_ALNUM;
            }
            if (digit || c >= 'a' && c <= 'f') {
                cls |= HEX_LOWER;
            }
            if (digit || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
                cls |= HEX;
            }
            if (c == '_' || c == '-') {
                cls |= TOKEN | B64URL_DOT | TOKEN68 | KEY | EMAIL_LOCAL | TILDE_TOKEN;
            }
            if (c == '.') {
                cls |= B64URL_DOT | TOKEN68 | KEY | EMAIL_LOCAL | DOMAIN | TILDE_TOKEN;
            }
            if (c == '-') {
                cls |= DOMAIN;
            }
            if (c == '~') {
                cls |= TOKEN68 | TILDE_TOKEN;
            }
            if (c == '+' || c == '/') {
                cls |= TOKEN68 | B64;
            }
            if (c == '=') {
                cls |= TOKEN68;
            }
            if (c == '+' || c == '%') {
                cls |= EMAIL_LOCAL;
            }
            CLASSES[c] = cls;
            TRIGGERS[c] = (cls & ALNUM) != 0 ? 0 : BOUNDARY;
        }
        Arrays.fill(TRIGGERS, 128, TRIGGERS.length, BOUNDARY);
        TRIGGERS['='] |= SEPARATOR;
        TRIGGERS[':'] |= SEPARATOR;
        TRIGGERS['%'] |= PERCENT;
        TRIGGERS['\\'] |= BACKSLASH;
        TRIGGERS['-'] |= DASH;
        TRIGGERS['@'] |= AT;
        TRIGGERS[','] |= OTHER;
        TRIGGERS['>'] |= OTHER;
        TRIGGERS['~'] |= OTHER;
    }

    private CharClasses() {}

    static boolean is(final char c, final int cls) {
        return c < 128 && (CLASSES[c] & cls) != 0;
    }

    /** Whether the scanner never looks further from this character: an ASCII letter or digit. */
    static boolean isLetterOrDigit(final char c) {
        return TRIGGERS[c] == 0;
    }

    static int run(final char[] text, final int from, final int limit, final int cls) {
        int k = from;
        while (k < limit && is(text[k], cls)) {
            k++;
        }
        return k;
    }

    static boolean allHex(final char[] text, final int start, final int end) {
        for (int k = start; k < end; k++) {
            if (!is(text[k], HEX)) {
                return false;
            }
        }
        return true;
    }

    static boolean hasDigitOrSymbol(final char[] text, final int start, final int end) {
        for (int k = start; k < end; k++) {
            final char c = text[k];
            if (c >= '0' && c <= '9' || !is(c, ALNUM)) {
                return true;
            }
        }
        return false;
    }

    static boolean regionMatchesIgnoreCase(final char[] text, final int at, final int limit, final String literal) {
        final int n = literal.length();
        if (at + n > limit) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            char c = text[at + k];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            char l = literal.charAt(k);
            if (l >= 'A' && l <= 'Z') {
                l += 32;
            }
            if (c != l) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(final char[] text, final String literal, final int from, final int limit) {
        final char first = literal.charAt(0);
        for (int k = from; k + literal.length() <= limit; k++) {
            if (text[k] == first && regionMatchesIgnoreCase(text, k, limit, literal)) {
                return k;
            }
        }
        return -1;
    }

    static int lastIndexOf(final char[] text, final char c, final int from, final int end) {
        for (int k = end - 1; k >= from; k--) {
            if (text[k] == c) {
                return k;
            }
        }
        return -1;
    }
}
