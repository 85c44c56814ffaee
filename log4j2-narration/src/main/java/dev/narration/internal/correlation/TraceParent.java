package dev.narration.internal.correlation;

/**
 * A W3C Trace Context {@code traceparent} value: {@code version-traceid-parentid-flags}, for example
 * {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}.
 *
 * <p>Parsing follows the W3C rules a receiver must apply: lowercase hex only, version {@code ff} is invalid,
 * version {@code 00} is exactly 55 characters while a later version may append {@code -…}, and an all-zero trace
 * id or parent id is invalid. Anything else yields {@code null}, never an exception, because the value comes from
 * a client.
 */
public final class TraceParent {
    /** The W3C header name. */
    public static final String HEADER = "traceparent";

    static final int TRACE_ID_LENGTH = 32;
    static final int SPAN_ID_LENGTH = 16;
    static final int FLAGS_LENGTH = 2;
    private static final int VERSION_00_LENGTH = 55;

    private final String traceId;
    private final String spanId;
    private final String flags;

    private TraceParent(final String traceId, final String spanId, final String flags) {
        this.traceId = traceId;
        this.spanId = spanId;
        this.flags = flags;
    }

    /** The parsed header, or {@code null} when it is absent or invalid. Surrounding spaces and tabs are ignored. */
    public static TraceParent parse(final String header) {
        if (header == null) {
            return null;
        }
        final String value = stripBlanks(header);
        final int length = value.length();
        if (length < VERSION_00_LENGTH
                || !isLowerHex(value, 0, 2)
                || value.startsWith("ff")
                || value.charAt(2) != '-'
                || value.charAt(35) != '-'
                || value.charAt(52) != '-') {
            return null;
        }
        final boolean version00 = value.startsWith("00");
        if (length > VERSION_00_LENGTH && (version00 || value.charAt(VERSION_00_LENGTH) != '-')) {
            return null;
        }
        final String traceId = value.substring(3, 35);
        final String spanId = value.substring(36, 52);
        final String flags = value.substring(53, 55);
        return isTraceId(traceId) && isSpanId(spanId) && isFlags(flags) ? new TraceParent(traceId, spanId, flags) : null;
    }

    /**
     * A version-00 header for the given ids, or {@code null} when they are not valid W3C ids; missing flags are
     * written as {@code 00} (not sampled), as nothing said the trace was sampled.
     */
    public static String format(final String traceId, final String spanId, final String flags) {
        if (!isTraceId(traceId) || !isSpanId(spanId)) {
            return null;
        }
        final String validFlags = isFlags(flags) ? flags : "00";
        return new StringBuilder(VERSION_00_LENGTH).append("00-").append(traceId).append('-').append(spanId)
                .append('-').append(validFlags).toString();
    }

    /** The 32 lowercase hex digits of the trace id. */
    public String traceId() {
        return traceId;
    }

    /** The 16 lowercase hex digits of the caller's span id (the parent of spans made here). */
    public String spanId() {
        return spanId;
    }

    /** The 2 lowercase hex digits of the trace flags ({@code 01}: sampled). */
    public String flags() {
        return flags;
    }

    /** This value as a version-00 header. */
    @Override
    public String toString() {
        return format(traceId, spanId, flags);
    }

    static boolean isTraceId(final String id) {
        return id != null && id.length() == TRACE_ID_LENGTH && isLowerHex(id, 0, TRACE_ID_LENGTH) && !isZeros(id);
    }

    static boolean isSpanId(final String id) {
        return id != null && id.length() == SPAN_ID_LENGTH && isLowerHex(id, 0, SPAN_ID_LENGTH) && !isZeros(id);
    }

    static boolean isFlags(final String flags) {
        return flags != null && flags.length() == FLAGS_LENGTH && isLowerHex(flags, 0, FLAGS_LENGTH);
    }

    private static boolean isLowerHex(final String text, final int from, final int to) {
        for (int i = from; i < to; i++) {
            final char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZeros(final String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    private static String stripBlanks(final String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isBlank(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isBlank(final char c) {
        return c == ' ' || c == '\t';
    }
}
