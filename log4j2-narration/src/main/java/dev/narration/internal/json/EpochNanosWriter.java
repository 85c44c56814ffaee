package dev.narration.internal.json;

/**
 * Writes an instant as the decimal count of nanoseconds since the epoch (OTLP/JSON's {@code timeUnixNano}). The
 * digits of the seconds are remembered, as {@link IsoTimestampWriter} remembers its text up to the second: events
 * of the same second then cost a copy and nine digits, not a 19-digit conversion. One instance per thread.
 */
public final class EpochNanosWriter {
    /** The last second whose nanoseconds still fit in a {@code long}. */
    private static final long MAX_SECOND = Long.MAX_VALUE / 1_000_000_000L - 1;

    private final JsonLine secondDigits = new JsonLine(20);
    private long digitsSecond = Long.MIN_VALUE;

    public void write(final JsonLine out, final long epochSecond, final int nanoOfSecond) {
        if (epochSecond < 1 || epochSecond > MAX_SECOND) {
            // Before 1970-01-01T00:00:01 the seconds do not lead the digits; far future instants overflow as before.
            out.append(epochSecond * 1_000_000_000L + nanoOfSecond);
            return;
        }
        if (epochSecond != digitsSecond) {
            secondDigits.setLength(0);
            secondDigits.append(epochSecond);
            digitsSecond = epochSecond;
        }
        out.append(secondDigits).appendPadded(nanoOfSecond, 9);
    }
}
