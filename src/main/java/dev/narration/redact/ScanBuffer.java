package dev.narration.redact;

/**
 * The text being scanned, copied into an array: one bulk copy, then plain array reads, which is several times
 * faster than {@code CharSequence.charAt} per character. Reused: one per thread by default; an encoder that
 * already keeps per-thread state (such as {@code NarrationJsonLayout}'s line writer) holds its own and passes it to
 * {@link Redactor}, saving a thread-local look-up per value. Not thread-safe.
 */
public final class ScanBuffer {
    /** Buffers up to this size are kept for reuse; longer texts get an array of their own. */
    private static final int RETAINED = 16 * 1024;

    private char[] chars = new char[512];

    public ScanBuffer() {}

    /** The first {@code length} characters of the text, in this buffer's array or, for long texts, a new one. */
    char[] fill(final CharSequence text, final int length) {
        char[] target = chars;
        if (target.length < length) {
            target = new char[length];
            if (length <= RETAINED) {
                chars = target;
            }
        }
        if (text instanceof String) {
            ((String) text).getChars(0, length, target, 0);
        } else if (text instanceof StringBuilder) {
            ((StringBuilder) text).getChars(0, length, target, 0);
        } else {
            for (int i = 0; i < length; i++) {
                target[i] = text.charAt(i);
            }
        }
        return target;
    }
}
