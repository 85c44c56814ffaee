package dev.narration.correlation;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes and checks correlation ids (NARRATION.md §8). Use {@link dev.narration.Correlation}; this class is its
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

    static final int GENERATED_LENGTH = 26;

    private static final byte[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".getBytes(StandardCharsets.US_ASCII);
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
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        final long high = random.nextLong() ^ SALT_HIGH;
        final long low = random.nextLong() ^ SALT_LOW;
        final long millis = System.currentTimeMillis();
        final byte[] text = new byte[GENERATED_LENGTH];
        // 48 bits of time in 10 characters (the top 2 bits are zero until the year 10889).
        for (int i = 9, shift = 0; i >= 0; i--, shift += 5) {
            text[i] = CROCKFORD[(int) (millis >>> shift) & 31];
        }
        // 80 random bits in 16 characters: 60 from high in 12, then 4 from high and 1 from low, then 15 from low.
        for (int i = 25, shift = 0; i >= 14; i--, shift += 5) {
            text[i] = CROCKFORD[(int) (high >>> shift) & 31];
        }
        text[13] = CROCKFORD[(int) ((high >>> 60) | ((low & 1) << 4))];
        text[12] = CROCKFORD[(int) (low >>> 1) & 31];
        text[11] = CROCKFORD[(int) (low >>> 6) & 31];
        text[10] = CROCKFORD[(int) (low >>> 11) & 31];
        return new String(text, StandardCharsets.ISO_8859_1);
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
