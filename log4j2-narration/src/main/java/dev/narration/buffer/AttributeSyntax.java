package dev.narration.buffer;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The text forms of the size and duration attributes: {@code 64 MB}, {@code 512KB}, {@code 1048576} (bytes);
 * {@code 60s}, {@code 500ms}, {@code 5m}, {@code 1h} or ISO-8601 ({@code PT1M}). Parsing returns a negative value
 * (size) or {@code null} (duration) for text it does not accept; the builder reports it.
 */
final class AttributeSyntax {
    private static final String[] SIZE_UNITS = {"GB", "MB", "KB", "B"};
    private static final int[] SIZE_SHIFTS = {30, 20, 10, 0};

    private AttributeSyntax() {}

    /** A size in bytes, binary units (1 KB = 1024 bytes); -1 when the text is not one. */
    static long parseSize(final String text) {
        String number = text.trim().toUpperCase(Locale.ROOT);
        int shift = 0;
        for (int i = 0; i < SIZE_UNITS.length; i++) {
            if (number.endsWith(SIZE_UNITS[i])) {
                number = number.substring(0, number.length() - SIZE_UNITS[i].length()).trim();
                shift = SIZE_SHIFTS[i];
                break;
            }
        }
        final long value = parseWhole(number);
        if (value < 0 || value > Long.MAX_VALUE >> shift) {
            return -1;
        }
        return value << shift;
    }

    static String formatSize(final long bytes) {
        for (int i = 0; i < SIZE_UNITS.length - 1; i++) {
            final long unit = 1L << SIZE_SHIFTS[i];
            if (bytes >= unit && bytes % unit == 0) {
                return bytes / unit + " " + SIZE_UNITS[i];
            }
        }
        return bytes + " B";
    }

    /** A duration such as {@code 60s}; {@code null} when the text is not one (a bare number has no unit). */
    static Duration parseDuration(final String text) {
        final String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("p")) {
            try {
                return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        final long value;
        if (trimmed.endsWith("ms")) {
            value = parseWhole(trimmed.substring(0, trimmed.length() - 2).trim());
            return value < 0 ? null : Duration.ofMillis(value);
        }
        value = parseWhole(trimmed.substring(0, Math.max(0, trimmed.length() - 1)).trim());
        if (value < 0 || trimmed.isEmpty()) {
            return null;
        }
        switch (trimmed.charAt(trimmed.length() - 1)) {
            case 's':
                return Duration.ofSeconds(value);
            case 'm':
                return value > Long.MAX_VALUE / 60 ? null : Duration.ofMinutes(value);
            case 'h':
                return value > Long.MAX_VALUE / 3600 ? null : Duration.ofHours(value);
            default:
                return null;
        }
    }

    /** In seconds, or milliseconds when it is not a whole number of seconds. */
    static String formatDuration(final Duration duration) {
        final long millis = duration.toMillis();
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }

    /** A whole number of ASCII digits, or -1. */
    private static long parseWhole(final String digits) {
        if (digits.isEmpty() || digits.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            final char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
