package dev.narration.internal.correlation;

import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes and checks correlation ids (docs/standard.md#correlation). Use {@link dev.narration.Correlation}; this class is its
 * implementation.
 *
 * <p>A generated id is a ULID: 26 characters of Crockford base 32 ({@code 0-9}, {@code A-Z} without
 * {@code I L O U}), the first 10 the milliseconds since the epoch, the other 16 carrying 80 random bits. Ids sort
 * by creation time, are safe in URLs, headers and file names, and are unique across threads and processes with
 * overwhelming probability: within a process the random bits come from each thread's own
 * {@link ThreadLocalRandom} stream, and they are mixed with a per-process salt drawn once from
 * {@link SecureRandom}, so two processes started at the same instant still draw unrelated ids. They are not
 * secrets: never use one as a token.
 *
 * <p>{@link ThreadLocalRandom} rather than {@code UUID.randomUUID()} because the latter takes a lock on a shared
 * {@code SecureRandom} for every id (docs/performance.md, Correlation).
 */
public final class CorrelationIds {
    /** The longest valid id. */
    public static final int MAX_LENGTH = 64;

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final long SALT_HIGH;
    private static final long SALT_LOW;

    static {
        final SecureRandom random = new SecureRandom();
        SALT_HIGH = random.nextLong();
        SALT_LOW = random.nextLong();
    }

    private CorrelationIds() {}

    /** A fresh id: a 26-character ULID. */
    public static String generate() {
        return generate(System.currentTimeMillis());
    }

    /** A fresh id stamped with the given time: what {@link #generate()} does, with the clock read by the caller. */
    static String generate(final long millis) {
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        final long high = random.nextLong() ^ SALT_HIGH;
        final long low = random.nextLong() ^ SALT_LOW;
        // One concatenation of 26 chars: javac's indified concatenation sizes and fills the result's array
        // directly, so the id is the only allocation (a scratch array would be a second one).
        // 48 bits of time in 10 characters (the top 2 bits stay zero until the year 10889), then 80 random bits in
        // 16: 15 from low, 1 from low with 4 from high, 60 from high.
        return "" + digit(millis, 45) + digit(millis, 40) + digit(millis, 35) + digit(millis, 30)
                + digit(millis, 25) + digit(millis, 20) + digit(millis, 15) + digit(millis, 10) + digit(millis, 5)
                + digit(millis, 0)
                + digit(low, 11) + digit(low, 6) + digit(low, 1) + digit((high >>> 60) | ((low & 1) << 4), 0)
                + digit(high, 55) + digit(high, 50) + digit(high, 45) + digit(high, 40) + digit(high, 35)
                + digit(high, 30) + digit(high, 25) + digit(high, 20) + digit(high, 15) + digit(high, 10)
                + digit(high, 5) + digit(high, 0);
    }

    private static char digit(final long bits, final int shift) {
        return CROCKFORD[(int) (bits >>> shift) & 31];
    }

    /** Whether the text is a valid correlation id: 1 to 64 characters of {@code [A-Za-z0-9._:-]}. */
    public static boolean isValid(final CharSequence id) {
        if (id == null) {
            return false;
        }
        final int length = id.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (!isIdChar(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdChar(final char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == ':' || c == '-';
    }
}
