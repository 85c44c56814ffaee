package dev.narration.internal.json;

/**
 * How much of an exception chain a stack trace may hold: frames in all, and bytes of its text as written into the
 * line (escaped UTF-8). {@link StackTraceWriter} keeps to both, root cause included; the walk itself holds at most
 * {@code ThrowableChain.MAX_THROWABLES} throwables (docs/layout.md#stack-traces).
 */
public final class StackTraceLimits {
    /**
     * Frames of the whole chain. The JVM records at most 1,024 frames per throwable by default
     * ({@code -XX:MaxJavaStackTraceDepth}); a chain gets as many in all, which a trace of a few causes with the frames
     * they share left out ({@code ... n more}) seldom reaches.
     */
    public static final int DEFAULT_MAX_FRAMES = 1024;
    /**
     * Bytes of the text: 64 KiB, a quarter of Google Cloud Logging's 256 KB per entry and far below Datadog's 1 MB per
     * log, so that a line with a whole trace still fits with its other values; about 500 frames of a typical Java
     * trace.
     */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;
    public static final StackTraceLimits DEFAULTS = new StackTraceLimits(DEFAULT_MAX_FRAMES, DEFAULT_MAX_BYTES);

    /** The fewest bytes a stack trace is given: its first lines, the root cause's included. */
    public static final int MIN_BYTES = 1024;

    private final int maxFrames;
    private final int maxBytes;

    /** Limits of {@code maxFrames} frames (at least 1) and {@code maxBytes} bytes (at least 1,024). */
    public StackTraceLimits(final int maxFrames, final int maxBytes) {
        this.maxFrames = Math.max(1, maxFrames);
        this.maxBytes = Math.max(MIN_BYTES, maxBytes);
    }

    public int maxFrames() {
        return maxFrames;
    }

    public int maxBytes() {
        return maxBytes;
    }
}
