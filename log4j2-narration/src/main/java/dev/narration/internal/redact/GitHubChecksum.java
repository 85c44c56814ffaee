package dev.narration.internal.redact;

/**
 * The checksum at the end of GitHub's prefixed tokens ({@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_},
 * {@code ghr_}): the last six characters are the CRC-32 (IEEE) of the characters between the prefix and them,
 * written in base 62 ({@code 0-9A-Za-z}) and padded with zeros
 * (<a href="https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/">GitHub's format</a>).
 * Every token GitHub issues passes, and a random look-alike ({@code ghp_xxxx…}, a documentation example, a test
 * fixture) fails with a probability of 1 - 2<sup>-32</sup>. Computed over the scanner's characters with a static
 * table, so checking allocates nothing.
 */
final class GitHubChecksum {
    private static final int LENGTH = 6;
    private static final int[] TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            }
            TABLE[n] = c;
        }
    }

    private GitHubChecksum() {}

    /** Whether {@code text[start, end)}, a token's body after its prefix, ends with the checksum of the rest. */
    static boolean isValid(final char[] text, final int start, final int end) {
        final int checksumStart = end - LENGTH;
        if (checksumStart <= start) {
            return false;
        }
        int crc = ~0;
        for (int k = start; k < checksumStart; k++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ text[k]) & 0xFF];
        }
        long written = 0;
        for (int k = checksumStart; k < end; k++) {
            final int digit = base62(text[k]);
            if (digit < 0) {
                return false;
            }
            written = written * 62 + digit;
        }
        return written == (~crc & 0xFFFFFFFFL);
    }

    private static int base62(final char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 36;
        }
        return -1;
    }
}
