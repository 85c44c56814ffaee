package dev.narration.template;

import dev.narration.internal.event.ActorInference;
import dev.narration.internal.event.ActorNames;
import dev.narration.internal.event.ActorRule;
import dev.narration.internal.event.EventNarration;
import dev.narration.internal.event.StructuredFieldVisitor;
import dev.narration.internal.logfmt.LogfmtWriter;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.util.Constants;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolver;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverConfig;
import org.apache.logging.log4j.layout.template.json.util.JsonWriter;
import org.apache.logging.log4j.message.Message;

/**
 * The {@code narration} resolver of {@code JsonTemplateLayout}. Configuration:
 *
 * <pre>
 * config   = field , [ actorRule ] , [ actors ] , [ flatten ]
 * field    = "field" -> ( "actor" | "action" | "target" | "human" | "cute" | "story"
 *                       | "correlation_id" | "trace_id" | "span_id" | "fields" )
 * actorRule = "actorRule" -> ( "package" | "class" | "logger" )     (for "actor"; default "package")
 * actors   = "actors" -> { prefix -> name , … }                      (for "actor": as the layout's {@code <Actor>} elements)
 * flatten  = "flatten" -> boolean                                    (for "fields"; default false)
 * </pre>
 *
 * Each field is read exactly as {@code NarrationJsonLayout} reads it (through {@link EventNarration}); an absent
 * value omits the key. {@code fields} writes the structured fields (message fields, then context entries, with
 * the same collision rule) as an object, or, flattened, as members of the enclosing object.
 *
 * <p>{@code JsonTemplateLayout} asks a resolver whether it has a value before it writes the key, then for the
 * value: a field is read once per event, and the value found handed from the one call to the other on the same
 * thread. With Log4j's thread locals disabled (web applications) nothing is kept per thread: the field is then read
 * again.
 */
final class NarrationResolver implements EventResolver {
    static final String NAME = "narration";

    private static final BiConsumer<StringBuilder, LogEvent> HUMAN = (buffer, event) -> EventNarration.formatHuman(event, buffer);

    private final Function<LogEvent, String> text;
    private final boolean human;
    private final boolean fields;
    private final boolean flatten;
    /** The value found for an event, from the check to the write; {@code null} without thread locals. */
    private final ThreadLocal<Found> found;

    private NarrationResolver(final Function<LogEvent, String> text, final boolean human, final boolean fields, final boolean flatten) {
        this.text = text;
        this.human = human;
        this.fields = fields;
        this.flatten = flatten;
        this.found = text != null && Constants.ENABLE_THREADLOCALS ? ThreadLocal.withInitial(Found::new) : null;
    }

    /**
     * The value found for the event asked about last on this thread. Log4j reuses its mutable events, so the event is
     * known by its identity, its message and its instant, and the value is taken by the write that follows the check.
     */
    private static final class Found {
        private LogEvent event;
        private Message message;
        private long epochSecond;
        private int nanoOfSecond;
        private String value;

        boolean holds(final LogEvent candidate) {
            return event == candidate && message == candidate.getMessage()
                    && epochSecond == candidate.getInstant().getEpochSecond()
                    && nanoOfSecond == candidate.getInstant().getNanoOfSecond();
        }

        void keep(final LogEvent source, final String found) {
            event = source;
            message = source.getMessage();
            epochSecond = source.getInstant().getEpochSecond();
            nanoOfSecond = source.getInstant().getNanoOfSecond();
            value = found;
        }

        void forget() {
            event = null;
            message = null;
            value = null;
        }
    }

    static NarrationResolver create(final TemplateResolverConfig config) {
        final String field = config.getString("field");
        if (field == null) {
            throw new IllegalArgumentException("the narration resolver needs a \"field\": " + config);
        }
        final boolean flatten = config.getBoolean("flatten", false);
        if (flatten && !"fields".equals(field)) {
            throw new IllegalArgumentException("\"flatten\" applies only to \"field\": \"fields\": " + config);
        }
        switch (field) {
            case "actor":
                final ActorRule rule = ActorRule.parse(config.getString("actorRule") == null ? "package" : config.getString("actorRule"));
                if (rule == null) {
                    throw new IllegalArgumentException("unknown \"actorRule\" (expected one of " + ActorRule.names() + "): " + config);
                }
                final ActorInference actors = ActorInference.of(rule, actorNames(config));
                return new NarrationResolver(event -> EventNarration.actor(event, actors), false, false, false);
            case "action":
                return new NarrationResolver(EventNarration::action, false, false, false);
            case "target":
                return new NarrationResolver(EventNarration::target, false, false, false);
            case "cute":
                return new NarrationResolver(EventNarration::cute, false, false, false);
            case "story":
                return new NarrationResolver(EventNarration::story, false, false, false);
            case "correlation_id":
                return new NarrationResolver(EventNarration::correlationId, false, false, false);
            case "trace_id":
                return new NarrationResolver(EventNarration::traceId, false, false, false);
            case "span_id":
                return new NarrationResolver(EventNarration::spanId, false, false, false);
            case "human":
                return new NarrationResolver(null, true, false, false);
            case "fields":
                return new NarrationResolver(null, false, true, flatten);
            default:
                throw new IllegalArgumentException("unknown narration \"field\" \"" + field.toLowerCase(Locale.ROOT)
                        + "\" (expected actor, action, target, human, cute, story, correlation_id, trace_id, span_id or fields): " + config);
        }
    }

    /** The {@code "actors"} object: prefix to actor, each checked as the layout checks an {@code <Actor>}. */
    private static ActorNames actorNames(final TemplateResolverConfig config) {
        final Object actors = config.getObject("actors");
        if (actors == null) {
            return ActorNames.NONE;
        }
        if (!(actors instanceof Map)) {
            throw new IllegalArgumentException("\"actors\" must be an object of prefix to actor, such as"
                    + " {\"org.springframework\": \"spring\"}: " + config);
        }
        final ActorNames.Builder names = new ActorNames.Builder();
        for (final Map.Entry<?, ?> entry : ((Map<?, ?>) actors).entrySet()) {
            final Object name = entry.getValue();
            final String problem = names.add(String.valueOf(entry.getKey()), name instanceof String ? (String) name : null);
            if (problem != null) {
                throw new IllegalArgumentException("\"actors\" entry \"" + entry.getKey() + "\": " + problem + ": " + config);
            }
        }
        return names.build();
    }

    @Override
    public boolean isFlattening() {
        return flatten;
    }

    @Override
    public boolean isResolvable(final LogEvent event) {
        if (text != null) {
            return value(event, false) != null;
        }
        return !human || EventNarration.hasHuman(event.getMessage());
    }

    /** The field's value for the event: found by the check before, or read now; {@code taken} by the write. */
    private String value(final LogEvent event, final boolean taken) {
        final Found last = found == null ? null : found.get();
        if (last != null && last.holds(event)) {
            final String value = last.value;
            if (taken) {
                last.forget();
            }
            return value;
        }
        final String value = text.apply(event);
        if (last != null) {
            if (value == null || taken) {
                last.forget();
            } else {
                last.keep(event, value);
            }
        }
        return value;
    }

    @Override
    public void resolve(final LogEvent event, final JsonWriter jsonWriter) {
        resolve(event, jsonWriter, false);
    }

    /**
     * Writes the value with {@code JsonTemplateLayout}'s own writer (its escaping, its {@code maxStringLength}), then
     * escapes what that writer leaves raw, DEL and the C1 controls (U+007F–U+009F), U+2028 and U+2029, in what it
     * wrote: as in every output of the bundle, no value can break or disguise a line (docs/layout.md).
     */
    @Override
    public void resolve(final LogEvent event, final JsonWriter jsonWriter, final boolean succeedingEntry) {
        final StringBuilder written = jsonWriter.getStringBuilder();
        final int start = written.length();
        if (text != null) {
            jsonWriter.writeString(value(event, true));
        } else if (human) {
            jsonWriter.writeString(HUMAN, event);
        } else if (fields) {
            FieldsWriter.get().write(event, jsonWriter, flatten, succeedingEntry);
        }
        LogfmtWriter.endText(written, start);
    }

    /**
     * Writes structured fields into a {@link JsonWriter}; one per thread, as the visitor keeps per-event state, or a
     * new one per event with Log4j's thread locals disabled.
     */
    static final class FieldsWriter extends StructuredFieldVisitor {
        private static final ThreadLocal<FieldsWriter> WRITERS = ThreadLocal.withInitial(FieldsWriter::new);

        private final StringBuilder key = new StringBuilder();
        private JsonWriter json;
        private boolean separatorNeeded;

        /** Longer keys are not kept between events: a thread's writer must not pin what one huge key grew. */
        private static final int MAX_KEPT_KEY = 1024;

        static FieldsWriter get() {
            return Constants.ENABLE_THREADLOCALS ? WRITERS.get() : new FieldsWriter();
        }

        void write(final LogEvent event, final JsonWriter jsonWriter, final boolean flatten, final boolean succeedingEntry) {
            json = jsonWriter;
            separatorNeeded = flatten && succeedingEntry;
            if (!flatten) {
                json.writeObjectStart();
            }
            try {
                visit(event);
            } finally {
                json = null;
                if (key.capacity() > MAX_KEPT_KEY) {
                    key.setLength(0);
                    key.trimToSize();
                }
            }
            if (!flatten) {
                json = jsonWriter;
                json.writeObjectEnd();
                json = null;
            }
        }

        private void key(final String prefix, final String name) {
            if (separatorNeeded) {
                json.writeSeparator();
            }
            separatorNeeded = true;
            if (prefix == null) {
                json.writeObjectKey(name);
            } else {
                key.setLength(0);
                json.writeObjectKey(key.append(prefix).append(name));
            }
        }

        @Override
        protected void visitString(final String prefix, final String name, final CharSequence value) {
            key(prefix, name);
            json.writeString(value);
        }

        @Override
        protected void visitLong(final String prefix, final String name, final long value) {
            key(prefix, name);
            json.writeNumber(value);
        }

        @Override
        protected void visitDouble(final String prefix, final String name, final double value) {
            key(prefix, name);
            if (Double.isFinite(value)) {
                json.writeNumber(value);
            } else {
                json.writeString(Double.toString(value));
            }
        }

        @Override
        protected void visitBoolean(final String prefix, final String name, final boolean value) {
            key(prefix, name);
            json.writeBoolean(value);
        }

        @Override
        protected void visitObject(final String prefix, final String name, final Object value) {
            key(prefix, name);
            json.writeValue(value);
        }
    }
}
