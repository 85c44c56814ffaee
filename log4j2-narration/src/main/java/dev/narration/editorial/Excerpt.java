package dev.narration.editorial;

import dev.narration.redact.Redactor;

/**
 * Quotes an offending sentence in a report. Secrets are masked by the built-in redaction rules first: the filter may
 * sit before any redaction the user configured, and the status logger is an output too. Line breaks and other
 * control characters are escaped, since the sentence may be exactly the log-forging text that the one-line rule
 * exists to catch.
 */
final class Excerpt {
    /** How many code points of a sentence a status-logger report shows: enough to find the call site. */
    static final int STATUS_CODE_POINTS = 60;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Excerpt() {}

    /** Built lazily: only a violation pays for it. Its own name keeps the user's redaction metrics apart. */
    private static final class ReportRedaction {
        static final Redactor ENGINE = Redactor.newBuilder().setName("EditorialFilter-report").build();
    }

    /** Appends at most {@code maxCodePoints} of the text, escaped, and an ellipsis if it was cut. */
    static void appendEscaped(final StringBuilder out, final CharSequence sentence, final int maxCodePoints) {
        final String text = ReportRedaction.ENGINE.redact(sentence.toString());
        final int length = text.length();
        int codePoints = 0;
        for (int i = 0; i < length; i++) {
            if (codePoints == maxCodePoints) {
                out.append('…');
                return;
            }
            final char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (Character.isISOControl(c)) {
                // ISO control characters are all below U+00A0: two hex digits suffice.
                out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else {
                out.append(c);
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    out.append(text.charAt(++i));
                }
            }
            codePoints++;
        }
    }
}
