package dev.narration.trace;

/**
 * Stands in a trace message's parameter array where a field's value is a number. The number itself travels only in
 * the message text, which Log4j copies into its own buffer on the calling thread: putting it in the array would
 * need a box per call, or a mutable holder that Log4j's ring-buffer slot drops ({@code clear()} nulls the array)
 * and the next call would have to allocate again.
 */
enum NumberKind {
    /** A {@code long}, written in decimal. */
    LONG,
    /** A duration given in nanoseconds, written as milliseconds with three decimals and read back as a double. */
    MILLIS
}
