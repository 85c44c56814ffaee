package dev.narration.buffer;

import java.util.Map;

/**
 * What a {@link RequestBuffer} shows over JMX, under {@code dev.narration:type=RequestBuffer,name="<name>"}.
 * Every event the buffer took to hold is, at any moment, still held, written by a flush, or dropped:
 * {@code Held == Flushed + TotalDropped + HeldEventsNow}.
 */
public interface RequestBufferMXBean {
    /** Events taken to be held since the buffer started. */
    long getHeld();

    /** Held events written by flushes since the buffer started. */
    long getFlushed();

    /** Flushes that wrote at least one held event. */
    long getFlushes();

    /**
     * Held events dropped, never written, per cause: {@code maxEvents}, {@code maxRequests}, {@code maxTotal},
     * {@code requestEnd}, {@code maxAge}, {@code stop}; zeros included, so the keys are stable.
     */
    Map<String, Long> getDropped();

    /** Held events dropped for any cause. */
    long getTotalDropped();

    /** Events held now. */
    long getHeldEventsNow();

    /** Requests holding events now. */
    long getHeldRequestsNow();

    /** Estimated bytes held now (docs/buffering.md, "Memory"). */
    long getHeldBytesNow();

    /** The levels and limits in force. */
    String getLimits();
}
