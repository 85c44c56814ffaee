package dev.narration.internal.layout;

import dev.narration.internal.json.JsonLine;

/**
 * A trace or span id in the forms the backend schemas write: its hex digits in lowercase (OTLP/JSON) and the decimal
 * of its lower 64 bits (Datadog, {@link TraceIds#appendLow64Decimal}). The forms are kept for the id string read last:
 * an id recurs as the very same string on every event of a span, since the context-data provider copies it from the
 * span's context ({@code OpenTelemetrySpansTest}), so most events find their id's forms made, as {@link JsonLine} finds a recurring string's bytes.
 * Anything longer than a trace id is no id: it is examined afresh and never kept. One per thread and per id, in the
 * line writer.
 */
final class HexIdForms {
    /** A W3C trace id's digits, the longest id. */
    static final int TRACE_ID_DIGITS = 32;
    /** A W3C span id's digits. */
    static final int SPAN_ID_DIGITS = 16;
    private static final int NOT_HEX = -1;

    private final JsonLine lowercase = new JsonLine(TRACE_ID_DIGITS);
    private final JsonLine decimal = new JsonLine(20);
    /** The id these forms are of, when it is a string (a reused buffer's content may change); or {@code null}. */
    private String id;
    private int digits = NOT_HEX;

    /** Makes the forms of {@code value}, an id or {@code null}, unless they are made already; returns this. */
    HexIdForms read(final CharSequence value) {
        if (value != null && value == id) {
            return this;
        }
        id = null;
        digits = NOT_HEX;
        lowercase.setLength(0);
        decimal.setLength(0);
        if (value == null || value.length() > TRACE_ID_DIGITS) {
            return this;
        }
        final int n = value.length();
        if (value instanceof String) {
            // The result depends on the content alone: kept whether or not the value is an id.
            id = (String) value;
        }
        for (int i = 0; i < n; i++) {
            final char c = value.charAt(i);
            if (c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
                lowercase.append(c);
            } else if (c >= 'A' && c <= 'F') {
                lowercase.append((char) (c + ('a' - 'A')));
            } else {
                return this;
            }
        }
        digits = n;
        if (hasDecimal()) {
            TraceIds.appendLow64Decimal(decimal, value);
        }
        return this;
    }

    /** Whether the id read is this many hex digits. */
    boolean isHex(final int count) {
        return digits == count;
    }

    /** Whether the id read is 16 or 32 hex digits, which have a decimal form. */
    boolean hasDecimal() {
        return digits == SPAN_ID_DIGITS || digits == TRACE_ID_DIGITS;
    }

    /** Appends the id's digits in lowercase; only for an id that {@link #isHex}. */
    void appendLowercase(final JsonLine out) {
        out.append(lowercase);
    }

    /** Appends the unsigned decimal of the id's lower 64 bits; only for an id that {@link #hasDecimal}. */
    void appendDecimal(final JsonLine out) {
        out.append(decimal);
    }
}
