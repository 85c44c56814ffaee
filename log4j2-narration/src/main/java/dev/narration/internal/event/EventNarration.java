package dev.narration.internal.event;

import dev.narration.Narration;
import dev.narration.NarrationFields;
import dev.narration.internal.trace.TraceFields;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.StructuredDataMessage;
import org.apache.logging.log4j.util.IndexedReadOnlyStringMap;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.StringBuilderFormattable;

/**
 * What an event says: its narration, taken for each field from the first source that has it (docs/layout.md#the-line):
 * the message's own (a {@link Narration}'s, a TRACE helper's, or a {@link MapMessage}'s entry of the field's name),
 * then the context, then inference. Every output, filter and tool reads events through this class (the JSON
 * layout, the redaction, the editorial filter, the template resolver, the pattern converter, the public
 * {@code NarrationReader}), so they always agree on what an event says; {@link StructuredFieldVisitor} gives its
 * fields the same way.
 *
 * <p>Look-ups return existing strings and allocate nothing, except for a context value or map entry that is not a
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

    /** The entries of a {@link MapMessage}, or {@code null} for any other message type. */
    public static IndexedReadOnlyStringMap mapEntries(final Message message) {
        return message instanceof MapMessage ? ((MapMessage<?, ?>) message).getIndexedReadOnlyStringMap() : null;
    }

    public static String actor(final LogEvent event, final ActorInference inference) {
        final String given = givenActor(event);
        return given != null ? given : inference.actorOf(event.getLoggerName());
    }

    /**
     * The actor the event's data gives (the message, then the context), or {@code null} when it would be inferred
     * from the logger name: an inferred actor is chosen by code, a given one is data.
     */
    public static String givenActor(final LogEvent event) {
        final String own = own(event.getMessage(), null, ACTOR);
        return own != null ? own : context(event, FieldKeys.ACTOR);
    }

    /** As {@link #givenActor(LogEvent)}, with the event's context already read into {@code context}. */
    public static String givenActor(final LogEvent event, final ContextRoots context) {
        final String own = own(event.getMessage(), null, ACTOR);
        return own != null ? own : context.actor();
    }

    public static String action(final LogEvent event) {
        return action(event, TraceFields.of(event.getMessage()));
    }

    /**
     * As {@link #action(LogEvent)}, with the event's trace fields already read ({@code null} when the event is
     * not a TRACE helper's): a writer that reads several fields of one event reads the helper's parameters once.
     */
    public static String action(final LogEvent event, final TraceFields trace) {
        final String given = givenAction(event, trace);
        return given != null || trace == null ? given : trace.kindAction();
    }

    /**
     * The action the event's data gives, or {@code null} when there is none or it is a TRACE helper's kind
     * ({@code enter}, {@code exit}, …), which code chooses.
     */
    public static String givenAction(final LogEvent event, final TraceFields trace) {
        final String own = own(event.getMessage(), trace, ACTION);
        return own != null ? own : context(event, FieldKeys.ACTION);
    }

    /** As {@link #givenAction(LogEvent, TraceFields)}, with the event's context already read into {@code context}. */
    public static String givenAction(final LogEvent event, final TraceFields trace, final ContextRoots context) {
        final String own = own(event.getMessage(), trace, ACTION);
        return own != null ? own : context.action();
    }

    public static String target(final LogEvent event) {
        return target(event, TraceFields.of(event.getMessage()));
    }

    /** As {@link #target(LogEvent)}, with the event's trace fields already read (see {@link #action(LogEvent, TraceFields)}). */
    public static String target(final LogEvent event, final TraceFields trace) {
        final String own = own(event.getMessage(), trace, TARGET);
        return own != null ? own : context(event, FieldKeys.TARGET);
    }

    /** As {@link #target(LogEvent, TraceFields)}, with the event's context already read into {@code context}. */
    public static String target(final LogEvent event, final TraceFields trace, final ContextRoots context) {
        final String own = own(event.getMessage(), trace, TARGET);
        return own != null ? own : context.target();
    }

    public static String correlationId(final LogEvent event) {
        return correlationId(event, FieldKeys.CORRELATION_ID);
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
        final String own = own(message, TraceFields.of(message), CORRELATION_ID);
        return own != null ? own : context(context, contextKey);
    }

    /** As {@link #correlationId(LogEvent)}, with the event's trace fields already read (see {@link #action(LogEvent, TraceFields)}). */
    public static String correlationId(final LogEvent event, final TraceFields trace) {
        final String own = own(event.getMessage(), trace, CORRELATION_ID);
        return own != null ? own : context(event, FieldKeys.CORRELATION_ID);
    }

    /** As {@link #correlationId(LogEvent, TraceFields)}, with the event's context already read into {@code context}. */
    public static String correlationId(final LogEvent event, final TraceFields trace, final ContextRoots context) {
        final String own = own(event.getMessage(), trace, CORRELATION_ID);
        return own != null ? own : context.correlationId();
    }

    // The root fields a message may give itself, for own().
    private static final int ACTOR = 0;
    private static final int ACTION = 1;
    private static final int TARGET = 2;
    private static final int CORRELATION_ID = 3;

    /**
     * The message's own value of a root field, the first source of every one: a {@link Narration}'s, a TRACE
     * helper's ({@code trace}, or {@code null} when the message is not one), or a {@link MapMessage}'s entry of the
     * field's name; {@code null} when the message has none.
     */
    private static String own(final Message message, final TraceFields trace, final int field) {
        if (message instanceof Narration) {
            final Narration narration = (Narration) message;
            switch (field) {
                case ACTOR:
                    return narration.getActor();
                case ACTION:
                    return narration.getAction();
                case TARGET:
                    return narration.getTarget();
                default:
                    return narration.getCorrelationId();
            }
        }
        if (trace != null) {
            switch (field) {
                case ACTION:
                    return trace.action();
                case TARGET:
                    return trace.target();
                case CORRELATION_ID:
                    return trace.correlationId();
                default:
                    return null;
            }
        }
        if (message instanceof MapMessage) {
            switch (field) {
                case ACTOR:
                    return entry(message, FieldKeys.ACTOR);
                case ACTION:
                    return entry(message, FieldKeys.ACTION);
                case TARGET:
                    return entry(message, FieldKeys.TARGET);
                default:
                    return entry(message, FieldKeys.CORRELATION_ID);
            }
        }
        return null;
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
        return context(event, FieldKeys.TRACE_ID);
    }

    public static String spanId(final LogEvent event) {
        return context(event, FieldKeys.SPAN_ID);
    }

    /**
     * The W3C trace flags of the event's span as two hex digits ({@code 01}: sampled), or {@code null}: what the
     * OpenTelemetry context-data provider (or OpenTelemetry's own) captured on the logging thread, so it is the
     * span's real flag with asynchronous loggers too. A context entry like any other, it also stays a field.
     */
    public static String traceFlags(final LogEvent event) {
        return context(event, NarrationFields.TRACE_FLAGS);
    }

    /**
     * Whether the message itself supplies the root field that the given context key would otherwise feed; the
     * context value then keeps its place as a renamed entry (see {@link FieldKeys}). {@code trace} is the message's
     * trace fields, or {@code null}.
     */
    static boolean messageSupplies(final Message message, final TraceFields trace, final String sourceKey) {
        switch (sourceKey) {
            case FieldKeys.ACTOR:
                return own(message, trace, ACTOR) != null;
            case FieldKeys.ACTION:
                return own(message, trace, ACTION) != null;
            case FieldKeys.TARGET:
                return own(message, trace, TARGET) != null;
            case FieldKeys.CORRELATION_ID:
                return own(message, trace, CORRELATION_ID) != null;
            default:
                return false;
        }
    }

    /**
     * Whether the message has a structured field of this name (a {@link Narration} field, a {@link MapMessage} entry,
     * a TRACE helper's field with a value) or the context a value under it: how the editorial standard finds an
     * event's error kind.
     */
    public static boolean carries(final Message message, final ReadOnlyStringMap context, final String key) {
        if (message instanceof Narration) {
            if (((Narration) message).indexOf(key) >= 0) {
                return true;
            }
        } else if (message instanceof MapMessage) {
            if (((MapMessage<?, ?>) message).containsKey(key)) {
                return true;
            }
        } else {
            final TraceFields trace = TraceFields.of(message);
            if (trace != null && trace.indexOf(key) >= 0) {
                return true;
            }
        }
        return context != null && context.getValue(key) != null;
    }

    /**
     * Appends the {@code human} sentence: a {@link Narration}'s own; a {@link MapMessage}'s {@code message} entry,
     * and nothing for a map without one (its entries are fields, not a sentence), a {@link StructuredDataMessage}'s
     * own text then; otherwise the formatted message. Formats into the buffer without an intermediate string where the
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
                Renderings.render(text, buffer);
            } else if (message instanceof StructuredDataMessage && message.getFormat() != null) {
                buffer.append(message.getFormat());
            }
            return;
        }
        if (message instanceof StringBuilderFormattable) {
            ((StringBuilderFormattable) message).formatTo(buffer);
        } else {
            buffer.append(message.getFormattedMessage());
        }
    }

    /**
     * Whether the message may have a sentence, told without formatting it: a map only with its {@code message} entry
     * (or a structured message's text), a {@link Narration} only with its own; any other message may format to one.
     */
    public static boolean hasHuman(final Message message) {
        if (message instanceof Narration) {
            return ((Narration) message).hasHuman();
        }
        if (message instanceof MapMessage) {
            return ((MapMessage<?, ?>) message).getIndexedReadOnlyStringMap().getValue(MAP_MESSAGE_HUMAN_KEY) != null
                    || message instanceof StructuredDataMessage && message.getFormat() != null
                            && !message.getFormat().isEmpty();
        }
        return message != null;
    }

    /** The {@code human} sentence as a string, or {@code null} when the event has none; for tests and tools. */
    public static String human(final LogEvent event) {
        final StringBuilder buffer = new StringBuilder();
        formatHuman(event, buffer);
        return buffer.length() == 0 ? null : buffer.toString();
    }

    /** A context value as text, or {@code null}. */
    public static String context(final LogEvent event, final String key) {
        return context(event.getContextData(), key);
    }

    private static String context(final ReadOnlyStringMap context, final String key) {
        return context == null ? null : text(context.getValue(key));
    }

    /** A {@link MapMessage} entry as text, or {@code null}. */
    private static String entry(final Message message, final String key) {
        return text(((MapMessage<?, ?>) message).getIndexedReadOnlyStringMap().getValue(key));
    }

    private static String text(final Object value) {
        return Renderings.text(value);
    }
}
