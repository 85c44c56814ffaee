package dev.narration.internal.json;

import dev.narration.internal.event.MessagePieces;

/**
 * The pieces of a parameterized message's format, escaped for a JSON string and encoded as UTF-8 once per format,
 * so that {@link JsonLine#escaped(char[], int, MessagePieces)} writes most of the message's text as a copy of these
 * bytes and escapes only the arguments between them. A text of one format mostly is that format's characters: for a
 * 120-character message with two short arguments, the per-character escaping it saves is the largest single cost of
 * writing the line.
 *
 * <p>One per slot of a thread's table of formats, by the format's identity ({@link JsonLine}); prepared anew for
 * another format that comes to its slot.
 */
final class EscapedFormat {
    /** Longer escaped formats are not kept, so that a thread's formats cannot pin much memory. */
    static final int MAX_BYTES = 4096;

    private String format;
    /**
     * Whether the pieces may be written apart from the arguments: a character pair that a piece would share with an
     * argument (a surrogate pair, split by the placeholder) could not be. Escaping is otherwise one character at a
     * time, so the pieces' bytes are exactly those that escaping the whole text gives for them.
     */
    private boolean separable;
    private byte[] bytes = new byte[256];
    /** Piece {@code p} is {@code bytes[p == 0 ? 0 : ends[p - 1], ends[p])}. */
    private int[] ends = new int[16];

    String format() {
        return format;
    }

    boolean separable() {
        return separable;
    }

    int start(final int piece) {
        return piece == 0 ? 0 : ends[piece - 1];
    }

    int end(final int piece) {
        return ends[piece];
    }

    byte[] bytes() {
        return bytes;
    }

    /**
     * Escapes the pieces of {@code pieces}' format, whose characters are in {@code chars}, with {@code line}'s
     * escaping: they are written at the end of the line, copied here, and taken off the line again.
     */
    void prepare(final MessagePieces pieces, final char[] chars, final JsonLine line) {
        format = pieces.format();
        final int count = pieces.pieces();
        if (ends.length < count) {
            ends = new int[count];
        }
        final int start = line.length();
        boolean apart = true;
        for (int p = 0; p < count; p++) {
            final int from = pieces.formatStart(p);
            final int to = pieces.formatEnd(p);
            if (from < to && (Character.isLowSurrogate(chars[from]) || Character.isHighSurrogate(chars[to - 1]))) {
                apart = false;
            }
            line.escaped(chars, from, to);
            ends[p] = line.length() - start;
        }
        final int n = line.length() - start;
        separable = apart && n <= MAX_BYTES;
        if (separable) {
            if (bytes.length < n) {
                bytes = new byte[Math.min(MAX_BYTES, Math.max(n, 2 * bytes.length))];
            }
            line.copyTo(start, bytes);
        }
        line.setLength(start);
    }
}
