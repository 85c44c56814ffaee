package dev.narration.internal.json;

/**
 * Writes an instant as ISO-8601 UTC with milliseconds ({@code 2026-11-21T07:06:49.123Z}) straight into a
 * buffer, by calendar arithmetic: no {@code java.time} objects, no formatter, no allocation. One instance per
 * thread remembers the text up to the second, because consecutive events almost always share it and the
 * calendar arithmetic was a tenth of the encoding time.
 */
public final class IsoTimestampWriter {
    private static final long SECONDS_PER_DAY = 86_400L;

    private final JsonLine secondPrefix = new JsonLine(32);
    private long prefixSecond = Long.MIN_VALUE;

    public void write(final JsonLine out, final long epochSecond, final int nanoOfSecond) {
        if (epochSecond != prefixSecond) {
            secondPrefix.setLength(0);
            writeSecond(secondPrefix, epochSecond);
            prefixSecond = epochSecond;
        }
        out.append(secondPrefix);
        out.appendPadded(nanoOfSecond / 1_000_000, 3).append('Z');
    }

    /** {@code 2026-11-21T07:06:49.}: everything up to the milliseconds. */
    private static void writeSecond(final JsonLine out, final long epochSecond) {
        final long days = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        final int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        // Civil date from days since 1970-01-01 (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
        final long z = days + 719_468L;
        final long era = Math.floorDiv(z, 146_097L);
        final long dayOfEra = z - era * 146_097L;
        final long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final long mp = (5 * dayOfYear + 2) / 153;
        final int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        final int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        final long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

        if (year >= 0 && year <= 9999) {
            out.appendPadded((int) year, 4);
        } else {
            out.append(year);
        }
        out.append('-');
        out.appendPadded(month, 2);
        out.append('-');
        out.appendPadded(day, 2);
        out.append('T');
        out.appendPadded(secondOfDay / 3600, 2);
        out.append(':');
        out.appendPadded(secondOfDay / 60 % 60, 2);
        out.append(':');
        out.appendPadded(secondOfDay % 60, 2);
        out.append('.');
    }
}
