package dev.narration.layout;

import dev.narration.Narration;
import dev.narration.event.ActorInference;
import dev.narration.event.EventNarration;
import dev.narration.event.FieldKeys;
import dev.narration.redact.RedactedThrowable;
import dev.narration.redact.Redactor;
import dev.narration.redact.ScanBuffer;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.time.Instant;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.IndexedReadOnlyStringMap;
import org.apache.logging.log4j.util.StringBuilderFormattable;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * Writes one narration line for {@link NarrationJsonLayout}. One instance per thread holds the reusable scratch
 * buffer and the per-event state that the allocation-free context iteration needs.
 */
final class LineWriter {
    static final String TRUNCATION_SUFFIX = "…[truncated]";

    private static final TriConsumer<String, Object, LineWriter> CONTEXT_ENTRY =
            (key, value, writer) -> writer.contextEntry(key, value);

    private final StringBuilder scratch = new StringBuilder(256);
    /** Holds a value's redacted copy, when it had anything to mask. */
    private final StringBuilder redacted = new StringBuilder(256);
    private final ScanBuffer scanBuffer = new ScanBuffer();
    private Redactor redactor;
    /** Whether the value being written is a context value, the same object on many events (see ScanBuffer). */
    private boolean recurring;
    private StringBuilder out;
    private Narration narration;
    private IndexedReadOnlyStringMap mapFields;
    private int maxStringLength;

    void write(
            final LogEvent event,
            final StringBuilder target,
            final String serviceMembers,
            final ActorInference actors,
            final int maxLength,
            final Redactor redaction) {
        this.out = target;
        this.redactor = redaction;
        this.maxStringLength = maxLength;
        final Message message = event.getMessage();
        this.narration = message instanceof Narration ? (Narration) message : null;
        this.mapFields = message instanceof MapMessage ? ((MapMessage<?, ?>) message).getIndexedReadOnlyStringMap() : null;
        try {
            final Instant instant = event.getInstant();
            out.append("{\"@timestamp\":\"");
            IsoTimestampWriter.write(out, instant.getEpochSecond(), instant.getNanoOfSecond());
            out.append('"');
            name("level", event.getLevel().name());
            out.append(serviceMembers);
            string("actor", EventNarration.actor(event, actors));
            string("action", EventNarration.action(event));
            string("target", EventNarration.target(event));
            human(event);
            string("cute", EventNarration.cute(event));
            string("story", EventNarration.story(event));
            string("correlation_id", EventNarration.correlationId(event));
            string("trace_id", EventNarration.traceId(event));
            string("span_id", EventNarration.spanId(event));
            messageFields();
            event.getContextData().forEach(CONTEXT_ENTRY, this);
            name("logger", event.getLoggerName());
            name("thread", event.getThreadName());
            exception(event.getThrown());
            out.append("}\n");
        } finally {
            this.out = null;
            this.narration = null;
            this.mapFields = null;
            this.redactor = null;
            this.recurring = false;
            if (scratch.capacity() > 4096) {
                scratch.setLength(0);
                scratch.trimToSize();
            }
            if (redacted.capacity() > 4096) {
                redacted.setLength(0);
                redacted.trimToSize();
            }
        }
    }

    private void human(final LogEvent event) {
        scratch.setLength(0);
        try {
            EventNarration.formatHuman(event, scratch);
        } catch (RuntimeException e) {
            scratch.append("<message formatting failed: ").append(e.getClass().getName()).append('>');
        }
        if (scratch.length() > 0) {
            key("human");
            text(scratch);
        }
    }

    private void messageFields() {
        if (narration != null) {
            for (int i = 0, n = narration.getFieldCount(); i < n; i++) {
                messageFieldKey(narration.getFieldName(i));
                if (masked(narration.getFieldName(i))) {
                    continue;
                }
                switch (narration.getFieldKind(i)) {
                    case STRING:
                        text((CharSequence) narration.getFieldValue(i));
                        break;
                    case LONG:
                        out.append(narration.getFieldLong(i));
                        break;
                    case DOUBLE:
                        number(narration.getFieldDouble(i));
                        break;
                    case BOOLEAN:
                        out.append(narration.getFieldBoolean(i));
                        break;
                    default:
                        value(narration.getFieldValue(i));
                }
            }
        } else if (mapFields != null) {
            for (int i = 0, n = mapFields.size(); i < n; i++) {
                final String key = mapFields.getKeyAt(i);
                if (!EventNarration.MAP_MESSAGE_HUMAN_KEY.equals(key)) {
                    messageFieldKey(key);
                    if (!masked(key)) {
                        value(mapFields.getValueAt(i));
                    }
                }
            }
        }
    }

    private void messageFieldKey(final String name) {
        key(FieldKeys.renameMessageField(name) ? FieldKeys.FIELD_PREFIX : null, name);
    }

    private void contextEntry(final String key, final Object value) {
        if (value == null) {
            return;
        }
        switch (FieldKeys.placeContext(key, narration, messageHasField(key))) {
            case CONSUMED:
                return;
            case RENAMED:
                key(FieldKeys.CONTEXT_PREFIX, key);
                break;
            default:
                key(null, key);
        }
        if (!masked(key)) {
            recurring = true;
            value(value);
            recurring = false;
        }
    }

    /** Writes the mask instead of the value of a sensitive key; whether it did. */
    private boolean masked(final String key) {
        final String mask = redactor == null ? null : redactor.maskForKey(key, scanBuffer);
        if (mask == null) {
            return false;
        }
        quoted(mask);
        return true;
    }

    private boolean messageHasField(final String key) {
        if (narration != null) {
            return narration.indexOf(key) >= 0;
        }
        return mapFields != null && mapFields.containsKey(key) && !EventNarration.MAP_MESSAGE_HUMAN_KEY.equals(key);
    }

    private void exception(final Throwable thrown) {
        if (thrown == null) {
            return;
        }
        name("exception.type", RedactedThrowable.classNameOf(thrown));
        string("exception.message", StackTraceWriter.messageOf(thrown));
        key("exception.stacktrace");
        StackTraceWriter.write(out, thrown, redactor, redacted, scanBuffer);
        out.append('"');
    }

    /**
     * A name chosen by code, not data (level, logger, thread, exception class): never redacted, as the rewrite
     * policy leaves them alone too, which keeps redaction's cost in the layout to the values that can hold data.
     */
    private void name(final String key, final String value) {
        if (value != null) {
            key(key);
            JsonEscaper.escape(out, value, maxStringLength, TRUNCATION_SUFFIX);
            out.append('"');
        }
    }

    private void string(final String key, final String value) {
        if (value != null) {
            key(key);
            text(value);
        }
    }

    /** Writes {@code ,"key":"} for a fixed key known to need no escaping, leaving the string open. */
    private void key(final String key) {
        out.append(",\"").append(key).append("\":\"");
    }

    /** Writes {@code ,"prefixkey":} for a user-supplied key. */
    private void key(final String prefix, final String key) {
        out.append(",\"");
        if (prefix != null) {
            out.append(prefix);
        }
        JsonEscaper.escape(out, key);
        out.append("\":");
    }

    /** Writes the rest of an opened string value, redacted when redaction is on, and closes it. */
    private void text(final CharSequence value) {
        final CharSequence safe = redactor == null ? value
                : recurring ? redactor.redactRecurring(value, redacted, scanBuffer) : redactor.redact(value, redacted, scanBuffer);
        JsonEscaper.escape(out, safe, maxStringLength, TRUNCATION_SUFFIX);
        out.append('"');
    }

    private void quoted(final CharSequence value) {
        out.append('"');
        text(value);
    }

    private void value(final Object value) {
        if (value instanceof String) {
            quoted((String) value);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            number(((Number) value).doubleValue());
        } else if (value instanceof BigDecimal || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Boolean) {
            out.append(((Boolean) value).booleanValue());
        } else if (value instanceof CharSequence) {
            quoted((CharSequence) value);
        } else {
            quoted(render(value));
        }
    }

    /** Renders an arbitrary value into the scratch buffer; a value whose rendering throws is named instead. */
    private CharSequence render(final Object value) {
        scratch.setLength(0);
        try {
            if (value instanceof StringBuilderFormattable) {
                ((StringBuilderFormattable) value).formatTo(scratch);
            } else {
                scratch.append(value);
            }
        } catch (RuntimeException e) {
            scratch.setLength(0);
            scratch.append('<').append(value.getClass().getName()).append(".toString() threw ")
                    .append(e.getClass().getName()).append('>');
        }
        return scratch;
    }

    private void number(final double value) {
        if (Double.isFinite(value)) {
            out.append(value);
        } else {
            out.append('"').append(value).append('"');
        }
    }
}
