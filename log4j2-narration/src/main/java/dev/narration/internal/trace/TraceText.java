package dev.narration.internal.trace;

/**
 * The parameter array of a trace event: which slot holds what, shared by the writer ({@link TraceMessage}) and the
 * reader ({@link TraceFields}).
 *
 * <p>Slots: {@code [action, target, correlationId, human, name0, value0, …, nameK, valueK, number chunks…]}. A
 * value is a {@code String}, {@code null} or a {@link NumberKind}; the numbers of the {@link NumberKind} values
 * follow the last pair, in field order, each as a zigzag varint of seven-bit groups, every group a {@link Byte}.
 *
 * <p>Why bytes: Log4j's asynchronous loggers hand a reusable message's parameter array to the ring-buffer slot, so
 * whatever the background thread needs must travel as references in it; a boxed {@code Long} per number would be
 * garbage, but {@link Byte#valueOf(byte)} returns one of the 256 instances the JDK always caches. Reading the
 * numbers back from these slots costs a few nanoseconds, where parsing them out of the sentence (and checking that
 * the sentence was not rewritten) cost a sixth of a helper line's encoding. A name slot is never a {@code Byte}, so
 * the reader finds where the pairs end.
 */
public final class TraceText {
    static final int ACTION = 0;
    static final int TARGET = 1;
    static final int CORRELATION_ID = 2;
    static final int HUMAN = 3;
    static final int FIRST_FIELD = 4;
    static final int MAX_FIELDS = 3;
    /** The slots of the header and the pairs: within Log4j's own reusable arrays, which have 10. */
    static final int PAIRS_CAPACITY = FIRST_FIELD + 2 * MAX_FIELDS;
    /** A {@code long} takes at most ten seven-bit groups. */
    private static final int MAX_CHUNKS = 10;
    /** The most slots an event can use: every field a number of ten groups. */
    static final int CAPACITY = PAIRS_CAPACITY + MAX_FIELDS * MAX_CHUNKS;

    /** ASCII, so that a slot's text buffer never switches to two bytes per character (a one-off copy each). */
    static final String ARROW = " -> ";

    private TraceText() {}

    static String name(final Object[] params, final int field) {
        return (String) params[FIRST_FIELD + 2 * field];
    }

    static Object value(final Object[] params, final int field) {
        return params[FIRST_FIELD + 2 * field + 1];
    }

    /** The slots that {@link #writeNumber} fills for this value. */
    static int chunks(final long value) {
        final long zigzag = value << 1 ^ value >> 63;
        return Math.max(1, (64 - Long.numberOfLeadingZeros(zigzag) + 6) / 7);
    }

    /** Writes the number from slot {@code at} on; returns the slot after it. */
    static int writeNumber(final Object[] params, final int at, final long value) {
        long zigzag = value << 1 ^ value >> 63;
        int slot = at;
        while ((zigzag & ~0x7FL) != 0) {
            params[slot++] = Byte.valueOf((byte) (zigzag | 0x80));
            zigzag >>>= 7;
        }
        params[slot++] = Byte.valueOf((byte) zigzag);
        return slot;
    }
}
