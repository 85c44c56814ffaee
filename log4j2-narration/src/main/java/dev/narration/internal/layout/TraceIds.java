package dev.narration.internal.layout;

import dev.narration.internal.json.JsonLine;

/**
 * The conversions of W3C trace context values that backends want in their own form, done without allocation: the
 * trace flags as a number, and the decimal ids Datadog correlates by.
 */
final class TraceIds {
    /** The sampled bit of the W3C trace flags. */
    static final int SAMPLED = 1;

    private TraceIds() {}

    /** Two hex digits of W3C trace flags as their value, or -1 when {@code flags} is null or not that. */
    static int flags(final CharSequence flags) {
        if (flags == null || flags.length() != 2) {
            return -1;
        }
        final int high = hex(flags.charAt(0));
        final int low = hex(flags.charAt(1));
        return high < 0 || low < 0 ? -1 : high << 4 | low;
    }

    /**
     * Appends, as an unsigned decimal, the lower 64 bits of a hex id: the last 16 of a 32-digit trace id (Datadog's
     * rule for an OpenTelemetry trace id), or all of a 16-digit span id. Returns false, writing nothing, when the id
     * is not 16 or 32 hex digits.
     */
    static boolean appendLow64Decimal(final JsonLine out, final CharSequence id) {
        final int n = id == null ? 0 : id.length();
        if (n != 16 && n != 32) {
            return false;
        }
        long value = 0;
        for (int i = n - 16; i < n; i++) {
            final int digit = hex(id.charAt(i));
            if (digit < 0) {
                return false;
            }
            value = value << 4 | digit;
        }
        for (int i = 0; i < n - 16; i++) {
            if (hex(id.charAt(i)) < 0) {
                return false;
            }
        }
        appendUnsigned(out, value);
        return true;
    }

    /** Appends a 64-bit value read as unsigned, in decimal. */
    static void appendUnsigned(final JsonLine out, final long value) {
        if (value >= 0) {
            out.append(value);
            return;
        }
        // The unsigned value is 2 * (value >>> 1) plus its lowest bit; dividing that by ten gives a quotient that
        // fits a signed long, then one last digit.
        final long quotient = (value >>> 1) / 5;
        final long remainder = value - quotient * 10;
        out.append(quotient).append((char) ('0' + remainder));
    }

    private static int hex(final char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
