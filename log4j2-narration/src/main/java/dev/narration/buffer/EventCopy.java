package dev.narration.buffer;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.ReadOnlyStringMap;

/**
 * The copy of an event that a {@link RequestBuffer} holds, and what it is estimated to keep in memory. The
 * caller's event may be a reusable one (a ring-buffer slot, a thread's {@code MutableLogEvent}) that Log4j refills
 * as soon as the appender returns, and its message may have mutable parameters: the copy is Log4j's own immutable
 * one ({@link LogEvent#toImmutable()}), with its text formatted now, as Log4j does before an asynchronous hand-off.
 */
final class EventCopy {
    /**
     * The copied event object, its instant, message object, context map and this buffer's slot for it
     * (docs/buffering.md, "Memory").
     */
    static final int FIXED_BYTES = 512;
    /** Per character of formatted message text: two, the most a Java string takes. */
    static final int BYTES_PER_CHAR = 2;
    /** Per context entry: the copied map's two references and their share of its arrays. */
    static final int BYTES_PER_CONTEXT_ENTRY = 32;
    /** A throwable held with the event, with its stack trace. */
    static final int THROWN_BYTES = 4_096;

    private EventCopy() {}

    /**
     * The copy to hold: Log4j's immutable copy, whose message {@link #freeze} then formats. The copy takes the
     * event's location as it is, never computes one: a location a downstream layout needs was taken before the
     * event reached the buffer (Log4j asks every appender on the way, {@link RequestBuffer#requiresLocation()}),
     * and walking the stack here would cost far more than the copy.
     */
    static LogEvent of(final LogEvent event) {
        if (!event.isIncludeLocation()) {
            return event.toImmutable();
        }
        event.setIncludeLocation(false);
        try {
            return event.toImmutable();
        } finally {
            event.setIncludeLocation(true);
        }
    }

    /**
     * Formats the copy's message, so that later changes to its parameters do not show, and returns what holding
     * the copy costs, estimated from the text's length, the context's size and the throwable.
     */
    static int freeze(final LogEvent copy) {
        long bytes = FIXED_BYTES;
        final Message message = copy.getMessage();
        if (message != null) {
            final String text = message.getFormattedMessage();
            if (text != null) {
                bytes += (long) BYTES_PER_CHAR * text.length();
            }
        }
        final ReadOnlyStringMap context = copy.getContextData();
        if (context != null) {
            bytes += (long) BYTES_PER_CONTEXT_ENTRY * context.size();
        }
        if (copy.getThrown() != null) {
            bytes += THROWN_BYTES;
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }
}
