package dev.narration.internal.json;

/**
 * Reads back the text of a JSON string body that {@link JsonLine} escaped: for an output that needs the plain text of
 * what the line writer produces (the stack trace {@link StackTraceWriter} writes, which OpenTelemetry's records carry
 * as a plain attribute), so that both outputs hold the same trace, cut by the same bounds.
 */
public final class JsonText {
    private JsonText() {}

    /** The text of an escaped JSON string body (without its quotes); an incomplete escape at the end is dropped. */
    public static String unescape(final CharSequence escaped) {
        final int n = escaped.length();
        final StringBuilder text = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            final char c = escaped.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            if (++i >= n) {
                break;
            }
            final char escape = escaped.charAt(i);
            switch (escape) {
                case 'n':
                    text.append('\n');
                    break;
                case 't':
                    text.append('\t');
                    break;
                case 'r':
                    text.append('\r');
                    break;
                case 'b':
                    text.append('\b');
                    break;
                case 'f':
                    text.append('\f');
                    break;
                case 'u':
                    if (i + 4 >= n) {
                        return text.toString();
                    }
                    text.append((char) Integer.parseInt(escaped.subSequence(i + 1, i + 5).toString(), 16));
                    i += 4;
                    break;
                default:
                    text.append(escape); // \" \\ \/
            }
        }
        return text.toString();
    }
}
