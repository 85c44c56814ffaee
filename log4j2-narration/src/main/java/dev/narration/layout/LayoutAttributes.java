package dev.narration.layout;

import dev.narration.internal.docs.DocPages;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Reads {@code NarrationJsonLayout}'s number and boolean attributes from their text, so that a bad value gets the
 * layout's own status error, naming the attribute, the value and the fallback used (docs/layout.md), rather than
 * Log4j's generic conversion warning; the layout keeps logging with the fallback.
 */
final class LayoutAttributes {
    private LayoutAttributes() {}

    /**
     * A whole number of at least {@code min}; {@code fallback} for none given, and, reported, for text that is not
     * one or is below {@code min}.
     */
    static int whole(final String attribute, final String text, final int min, final int fallback, final String meaning) {
        return whole(attribute, text, min, fallback, meaning, min);
    }

    /**
     * As {@link #whole(String, String, int, int, String)}, where a value other than 0 must be at least
     * {@code nonZeroMin}.
     */
    static int whole(final String attribute, final String text, final int min, final int fallback, final String meaning,
            final int nonZeroMin) {
        if (text == null) {
            return fallback;
        }
        final String trimmed = text.trim();
        long value = -1;
        if (!trimmed.isEmpty() && trimmed.length() <= 10) {
            value = 0;
            for (int i = 0; i < trimmed.length(); i++) {
                final char c = trimmed.charAt(i);
                if (c < '0' || c > '9') {
                    value = -1;
                    break;
                }
                value = value * 10 + (c - '0');
            }
        }
        if (value < min || value > Integer.MAX_VALUE || (value != 0 && value < nonZeroMin)) {
            StatusLogger.getLogger().error("{}: invalid {}=\"{}\"; expected {}. Using {} (see "
                    + DocPages.LAYOUT + "#attributes).",
                    NarrationJsonLayout.PLUGIN_NAME, attribute, text, meaning, fallback);
            return fallback;
        }
        return (int) value;
    }

    /** {@code true} or {@code false}, in any case; {@code fallback} for none given, and, reported, for other text. */
    static boolean bool(final String attribute, final String text, final boolean fallback) {
        if (text == null) {
            return fallback;
        }
        final String trimmed = text.trim();
        if ("true".equalsIgnoreCase(trimmed)) {
            return true;
        }
        if ("false".equalsIgnoreCase(trimmed)) {
            return false;
        }
        StatusLogger.getLogger().error("{}: invalid {}=\"{}\"; expected true or false. Using {} (see "
                    + DocPages.LAYOUT + "#attributes).",
                NarrationJsonLayout.PLUGIN_NAME, attribute, text, fallback);
        return fallback;
    }
}
