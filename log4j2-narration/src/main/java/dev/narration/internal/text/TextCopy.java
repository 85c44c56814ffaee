package dev.narration.internal.text;

/**
 * A text copied into an array: one bulk copy, then plain array reads, which is several times faster than
 * {@code CharSequence.charAt} per character. What the redaction scanner reads and what the JSON writer escapes.
 * Reused; not thread-safe.
 */
public final class TextCopy {
    /** Arrays up to this size are kept for reuse; longer texts get an array of their own. */
    public static final int RETAINED = 16 * 1024;

    private char[] chars = new char[512];
    /** What the last {@link #fill} copied into {@link #chars}, and how much of it, for {@link #copyOf}. */
    private CharSequence filled;
    private int filledLength;

    /**
     * The first {@code length} characters of the text, in this copy's array or, for long texts, a new one. The array
     * is valid until the next call.
     */
    public char[] fill(final CharSequence text, final int length) {
        final char[] target = fill(text, 0, length);
        // Only a whole text is remembered: a part of a huge one would keep the text reachable for nothing.
        filled = target == chars && length == text.length() ? text : null;
        filledLength = length;
        return target;
    }

    /** Characters {@code [from, to)} of the text, at the start of this copy's array or a new one; valid until the next call. */
    public char[] fill(final CharSequence text, final int from, final int to) {
        final int length = to - from;
        char[] target = chars;
        if (target.length < length) {
            target = new char[length];
            if (length <= RETAINED) {
                chars = target;
            }
        }
        filled = null;
        if (text instanceof String) {
            ((String) text).getChars(from, to, target, 0);
        } else if (text instanceof StringBuilder) {
            ((StringBuilder) text).getChars(from, to, target, 0);
        } else {
            for (int i = from; i < to; i++) {
                target[i - from] = text.charAt(i);
            }
        }
        return target;
    }

    /**
     * The characters of the text as the last {@link #fill} copied them, when that fill was of this very text, whole;
     * {@code null} otherwise. For a writer that writes out a text it has just had scanned: the scan's copy serves
     * again. The caller must know that the text has not changed since (a {@code StringBuilder} can); the array is
     * valid until the next fill.
     */
    public char[] copyOf(final CharSequence text) {
        return text == filled && text.length() == filledLength ? chars : null;
    }

    /** Forgets what was copied, so that {@link #copyOf} gives nothing until the next fill. */
    public void forget() {
        filled = null;
    }
}
