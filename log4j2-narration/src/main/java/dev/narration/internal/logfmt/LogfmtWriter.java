package dev.narration.internal.logfmt;

/**
 * Turns text just appended to a {@link StringBuilder} into what people read on one line: a logfmt key or value
 * ({@code job_id=job-1 human="Job failed: model not found"}), or a sentence. Every output of the bundle meant for
 * people (the {@code %narration} console converter, status reports) goes through here, so they all escape alike.
 *
 * <p>A logfmt key or value is quoted when it is empty or holds a space, {@code =}, {@code "}, {@code \} or a
 * character that could break or disguise the line: a C0 or C1 control character (U+0000–U+001F,
 * U+007F–U+009F), U+2028 or U+2029. Inside quotes {@code "} and {@code \} are escaped with a backslash; newline,
 * carriage return and tab as {@code \n}, {@code \r}, {@code \t}; every other such character as {@code \}{@code uXXXX}.
 * A sentence is never quoted: only those characters are escaped.
 *
 * <p>Works in place, from the end, without allocating: callers append the raw text (a value's own
 * {@code formatTo} included) and call one of these methods with the position where it began.
 */
public final class LogfmtWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private LogfmtWriter() {}

    /** Makes the text appended since {@code start} one logfmt key or value, quoted and escaped when it needs to be. */
    public static void endValue(final StringBuilder out, final int start) {
        if (out.length() == start) {
            out.append("\"\"");
            return;
        }
        for (int i = start, n = out.length(); i < n; i++) {
            if (needsQuotes(out.charAt(i))) {
                rewrite(out, start, true);
                return;
            }
        }
    }

    /** Makes the text appended since {@code start} one quoted logfmt value, whatever it holds (a sentence in a report). */
    public static void endQuoted(final StringBuilder out, final int start) {
        rewrite(out, start, true);
    }

    /**
     * Escapes the control characters of the text appended since {@code start}, so that it stays on its line. Its
     * escapes are JSON's too, and it leaves {@code "} and {@code \} alone, so it also completes the escaping of JSON
     * another writer produced (the {@code narration} resolver's, in {@code JsonTemplateLayout}).
     */
    public static void endText(final StringBuilder out, final int start) {
        for (int i = start, n = out.length(); i < n; i++) {
            if (escapeLength(out.charAt(i), false) > 1) {
                rewrite(out, start, false);
                return;
            }
        }
    }

    private static boolean needsQuotes(final char c) {
        return c <= ' ' || c == '=' || c == '"' || c == '\\' || isControl(c);
    }

    private static boolean isControl(final char c) {
        return c < ' ' || c >= '\u007f' && c <= '\u009f' || c == '\u2028' || c == '\u2029';
    }

    /** How many characters {@code c} takes once written. */
    private static int escapeLength(final char c, final boolean quoted) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return 2;
        }
        if (isControl(c)) {
            return 6;
        }
        return quoted && (c == '"' || c == '\\') ? 2 : 1;
    }

    /** Rewrites {@code out[start..]} escaped (and quoted), moving characters from the end so nothing is allocated. */
    private static void rewrite(final StringBuilder out, final int start, final boolean quoted) {
        final int end = out.length();
        int length = quoted ? 2 : 0;
        for (int i = start; i < end; i++) {
            length += escapeLength(out.charAt(i), quoted);
        }
        out.setLength(start + length);
        int to = start + length;
        if (quoted) {
            out.setCharAt(--to, '"');
        }
        for (int from = end - 1; from >= start; from--) {
            final char c = out.charAt(from);
            switch (escapeLength(c, quoted)) {
                case 1:
                    out.setCharAt(--to, c);
                    break;
                case 2:
                    out.setCharAt(--to, c == '\n' ? 'n' : c == '\r' ? 'r' : c == '\t' ? 't' : c);
                    out.setCharAt(--to, '\\');
                    break;
                default:
                    out.setCharAt(--to, HEX[c & 0xF]);
                    out.setCharAt(--to, HEX[(c >> 4) & 0xF]);
                    out.setCharAt(--to, HEX[(c >> 8) & 0xF]);
                    out.setCharAt(--to, HEX[c >> 12]);
                    out.setCharAt(--to, 'u');
                    out.setCharAt(--to, '\\');
            }
        }
        if (quoted) {
            out.setCharAt(--to, '"');
        }
    }
}
