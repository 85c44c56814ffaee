package dev.narration.layout;

/**
 * Writes text as the contents of a JSON string. Runs of characters that need no escape are copied in bulk, which
 * is most of the cost saved against escaping character by character.
 *
 * <p>Quotes, backslashes and every control character are escaped (so CR and LF can never start a forged line);
 * U+2028 and U+2029 are escaped too, because JavaScript consumers treat them as line ends; a lone surrogate
 * becomes U+FFFD so the output is always valid UTF-8. Everything else, 4-byte emoji included, is kept as is.
 */
final class JsonEscaper {
    static final char REPLACEMENT = '\uFFFD';
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonEscaper() {}

    /** Appends {@code text[start, end)} escaped. */
    static void escape(final StringBuilder out, final CharSequence text, final int start, final int end) {
        int run = start;
        for (int i = start; i < end; i++) {
            final char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && (c < 0x2028 || c > 0xDFFF || c > 0x2029 && c < 0xD800)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            out.append(text, run, i);
            escapeChar(out, c);
            run = i + 1;
        }
        out.append(text, run, end);
    }

    static void escape(final StringBuilder out, final CharSequence text) {
        escape(out, text, 0, text.length());
    }

    /**
     * Appends the first {@code maxLength} characters of the text escaped, then {@code suffix} if anything was cut.
     * A cut never splits a surrogate pair. A {@code maxLength} of zero or less means no limit.
     */
    static void escape(final StringBuilder out, final CharSequence text, final int maxLength, final String suffix) {
        final int length = text.length();
        if (maxLength <= 0 || length <= maxLength) {
            escape(out, text, 0, length);
            return;
        }
        int cut = maxLength;
        if (Character.isHighSurrogate(text.charAt(cut - 1)) && Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        escape(out, text, 0, cut);
        out.append(suffix);
    }

    private static void escapeChar(final StringBuilder out, final char c) {
        switch (c) {
            case '"':
                out.append("\\\"");
                return;
            case '\\':
                out.append("\\\\");
                return;
            case '\n':
                out.append("\\n");
                return;
            case '\r':
                out.append("\\r");
                return;
            case '\t':
                out.append("\\t");
                return;
            case '\b':
                out.append("\\b");
                return;
            case '\f':
                out.append("\\f");
                return;
            default:
                if (Character.isSurrogate(c)) {
                    out.append(REPLACEMENT);
                } else {
                    out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
                            .append(HEX[c & 0xF]);
                }
        }
    }
}
