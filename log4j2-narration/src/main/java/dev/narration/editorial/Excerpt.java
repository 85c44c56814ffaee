package dev.narration.editorial;

import dev.narration.internal.logfmt.LogfmtWriter;
import dev.narration.redact.Redactor;

/**
 * Quotes an offending sentence in a report. Secrets are masked by the built-in redaction rules first: the filter may
 * sit before any redaction the user configured, and the status logger is an output too. The quote is a logfmt value,
 * written as {@code %narration{fields}} writes one: line breaks, other control characters, quotes and backslashes
 * are escaped, since the sentence may be exactly the log-forging text that the one-line rule exists to catch.
 */
final class Excerpt {
    /** How many code points of a sentence a status-logger report shows: enough to find the call site. */
    static final int STATUS_CODE_POINTS = 60;

    private Excerpt() {}

    /** Built lazily: only a violation pays for it. Its own name keeps the user's redaction metrics apart. */
    private static final class ReportRedaction {
        static final Redactor ENGINE = Redactor.newBuilder().setName("EditorialFilter-report").build();
    }

    /** Appends at most {@code maxCodePoints} of the text, with an ellipsis if it was cut, as one quoted value. */
    static void appendQuoted(final StringBuilder out, final CharSequence sentence, final int maxCodePoints) {
        final String text = ReportRedaction.ENGINE.redact(sentence.toString());
        final int start = out.length();
        if (text.codePointCount(0, text.length()) > maxCodePoints) {
            out.append(text, 0, text.offsetByCodePoints(0, maxCodePoints)).append('…');
        } else {
            out.append(text);
        }
        LogfmtWriter.endQuoted(out, start);
    }
}
