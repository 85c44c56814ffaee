package dev.narration.internal.event;

import dev.narration.Narration;
import dev.narration.NarrationFields;
import dev.narration.internal.trace.TraceFields;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.StringBuilderFormattable;

/**
 * Reads the narration of any Log4j event, taking each field from the first source that has it
 * (NARRATION.md §4): the {@link Narration} message (or a TRACE helper's message), then the context, then
 * inference. The JSON layout, the
 * template resolvers, the capture API and the editorial filter all read events through this class, so they
 * always agree on what an event says.
 *
 * <p>Look-ups return existing strings and allocate nothing, except for a context value that is not a
 * {@code String} (it is converted with {@code String.valueOf}).
 */
public final class EventNarration {
    /** The key under which a {@link MapMessage} carries its sentence; the other entries are fields. */
    public static final String MAP_MESSAGE_HUMAN_KEY = "message";

    private EventNarration() {}

    /** The event's {@link Narration} message, or {@code null} for any other message type. */
    public static Narration narration(final LogEvent event) {
        final Message message = event.getMessage();
        return message instanceof Narration ? (Narration) message : null;
    }

    public static String actor(final LogEvent event, final ActorInference inference) {
        final Narration narration = narration(event);
        if (narration != null && narration.getActor() != null) {
            return narration.getActor();
        }
        final String fromContext = context(event, NarrationFields.ACTOR);
        return fromContext != null ? fromContext : inference.actorOf(event.getLoggerName());
    }

    public static String action(final LogEvent event) {
        return action(event, TraceFields.of(event.getMessage()));
    }

    /**
     * As {@link #action(LogEvent)}, with the event's trace fields already read ({@code null} when the event is
     * not a TRACE helper's): a writer that reads several fields of one event reads the helper's parameters once.
     */
    public static String action(final LogEvent event, final TraceFields trace) {
        final Narration narration = narration(event);
        if (narration != null && narration.getAction() != null) {
            return narration.getAction();
        }
        if (trace != null && trace.action() != null) {
            return trace.action();
        }
        final String fromContext = context(event, NarrationFields.ACTION);
        return fromContext != null || trace == null ? fromContext : trace.kindAction();
    }

    public static String target(final LogEvent event) {
        return target(event, TraceFields.of(event.getMessage()));
    }

    /** As {@link #target(LogEvent)}, with the event's trace fields already read (see {@link #action(LogEvent, TraceFields)}). */
    public static String target(final LogEvent event, final TraceFields trace) {
        final Narration narration = narration(event);
        if (narration != null && narration.getTarget() != null) {
            return narration.getTarget();
        }
        if (trace != null && trace.target() != null) {
            return trace.target();
        }
        return context(event, NarrationFields.TARGET);
    }

    public static String correlationId(final LogEvent event) {
        return correlationId(event, NarrationFields.CORRELATION_ID);
    }

    /** The correlation id, read from the given context key when the message has none of its own. */
    public static String correlationId(final LogEvent event, final String contextKey) {
        return correlationId(event.getMessage(), event.getContextData(), contextKey);
    }

    /**
     * The correlation id of a message that is about to be logged with the given context: what
     * {@link #correlationId(LogEvent, String)} will read from the event. Filters that run before the event exists
     * (configuration-wide filters) need this.
     */
    public static String correlationId(final Message message, final ReadOnlyStringMap context, final String contextKey) {
        return correlationId(message, TraceFields.of(message), context, contextKey);
    }

    /** As {@link #correlationId(LogEvent)}, with the event's trace fields already read (see {@link #action(LogEvent, TraceFields)}). */
    public static String correlationId(final LogEvent event, final TraceFields trace) {
        return correlationId(event.getMessage(), trace, event.getContextData(), NarrationFields.CORRELATION_ID);
    }

    private static String correlationId(
            final Message message, final TraceFields trace, final ReadOnlyStringMap context, final String contextKey) {
        if (message instanceof Narration) {
            final String own = ((Narration) message).getCorrelationId();
            if (own != null) {
                return own;
            }
        }
        if (trace != null && trace.correlationId() != null) {
            return trace.correlationId();
        }
        return context(context, contextKey);
    }

    public static String cute(final LogEvent event) {
        final Narration narration = narration(event);
        return narration == null ? null : narration.getCute();
    }

    public static String story(final LogEvent event) {
        final Narration narration = narration(event);
        return narration == null ? null : narration.getStory();
    }

    public static String traceId(final LogEvent event) {
        return context(event, NarrationFields.TRACE_ID);
    }

    public static String spanId(final LogEvent event) {
        return context(event, NarrationFields.SPAN_ID);
    }

    /**
     * Whether the message itself supplies the reserved field that the given context key would otherwise feed;
     * the context value then keeps its place as a renamed entry (see {@link FieldKeys}).
     */
    static boolean messageSupplies(final Narration narration, final String sourceKey) {
        if (narration == null) {
            return false;
        }
        switch (sourceKey) {
            case NarrationFields.ACTOR:
                return narration.getActor() != null;
            case NarrationFields.ACTION:
                return narration.getAction() != null;
            case NarrationFields.TARGET:
                return narration.getTarget() != null;
            case NarrationFields.CORRELATION_ID:
                return narration.getCorrelationId() != null;
            default:
                return false;
        }
    }

    /**
     * Appends the {@code human} sentence: a {@link Narration}'s own, a {@link MapMessage}'s {@code message}
     * entry, otherwise the formatted message. Formats into the buffer without an intermediate string where the
     * message supports it.
     */
    public static void formatHuman(final LogEvent event, final StringBuilder buffer) {
        formatHuman(event.getMessage(), buffer);
    }

    /** Appends the {@code human} sentence of a message, by the rules of {@link #formatHuman(LogEvent, StringBuilder)}. */
    public static void formatHuman(final Message message, final StringBuilder buffer) {
        if (message == null) {
            return;
        }
        if (message instanceof MapMessage) {
            final Object text = ((MapMessage<?, ?>) message).getIndexedReadOnlyStringMap().getValue(MAP_MESSAGE_HUMAN_KEY);
            if (text != null) {
                buffer.append(text);
                return;
            }
        }
        if (message instanceof StringBuilderFormattable) {
            ((StringBuilderFormattable) message).formatTo(buffer);
        } else {
            buffer.append(message.getFormattedMessage());
        }
    }

    /** The {@code human} sentence as a string, for tests and tools. */
    public static String human(final LogEvent event) {
        final StringBuilder buffer = new StringBuilder();
        formatHuman(event, buffer);
        return buffer.toString();
    }

    /** A context value as text, or {@code null}. */
    public static String context(final LogEvent event, final String key) {
        return context(event.getContextData(), key);
    }

    private static String context(final ReadOnlyStringMap context, final String key) {
        final Object value = context == null ? null : context.getValue(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        return String.valueOf(value);
    }
}
