package dev.narration.internal.trace;

/**
 * Stands in a trace message's parameter array where a field's value is a number; the number itself follows the
 * pairs as cached {@code Byte} groups ({@link TraceText}), so that the array holds no box and no mutable holder,
 * which Log4j's ring-buffer slot would drop ({@code clear()} nulls the array) and the next call would allocate again.
 */
public enum NumberKind {
    /** A {@code long}, written in decimal. */
    LONG,
    /** A duration given in nanoseconds, carried in microseconds, written and read as milliseconds with three decimals. */
    MILLIS
}
