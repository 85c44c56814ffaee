package dev.narration.internal.layout;

import dev.narration.internal.event.ActorInference;
import dev.narration.internal.event.EventNarration;
import dev.narration.internal.event.FieldKeys;
import dev.narration.internal.event.MessagePieces;
import dev.narration.internal.event.Renderings;
import dev.narration.internal.event.StructuredFieldVisitor;
import dev.narration.internal.event.ThrowableChain;
import dev.narration.internal.json.IsoTimestampWriter;
import dev.narration.internal.json.JsonLine;
import dev.narration.internal.json.StackTraceLimits;
import dev.narration.internal.json.StackTraceWriter;
import dev.narration.internal.redact.EventRedaction;
import dev.narration.internal.redact.RedactionEngine;
import dev.narration.internal.redact.ScanBuffer;
import dev.narration.internal.trace.TraceFields;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.time.Instant;
import org.apache.logging.log4j.message.Message;

/**
 * Writes one narration line for {@code NarrationJsonLayout}, in the order of docs/layout.md#the-line, each value read
 * through the event view ({@link EventNarration}, {@link StructuredFieldVisitor}) and, with {@code <Redaction>},
 * masked by the one redaction of an event's surfaces ({@link EventRedaction}) as it is written. One instance per
 * thread holds the reusable buffers and the per-event state that the allocation-free context iteration needs.
 */
public final class LineWriter {
    public static final String TRUNCATION_SUFFIX = JsonLine.TRUNCATION_SUFFIX;
    /**
     * Lines up to this many bytes keep their buffer between events. Log4j's shared layout buffer is trimmed at
     * 2 KiB, which made every event with a stack trace regrow it; 16 KiB per logging thread covers them.
     */
    private static final int RETAINED_LINE_CAPACITY = 16 * 1024;
    /**
     * Without redaction, shorter messages are escaped whole: finding a format's pieces in a text (a look-up and a
     * comparison) costs about what writing 60 characters as prepared bytes saves (docs/performance.md). With
     * redaction, the pieces come found.
     */
    private static final int PIECES_FROM_LENGTH = 64;

    private static final byte[] TIMESTAMP = JsonLine.fixed("{\"" + FieldKeys.TIMESTAMP + "\":\"");
    private static final byte[] LEVEL = key(FieldKeys.LEVEL);
    private static final byte[] ACTOR = key(FieldKeys.ACTOR);
    private static final byte[] ACTION = key(FieldKeys.ACTION);
    private static final byte[] TARGET = key(FieldKeys.TARGET);
    private static final byte[] HUMAN = key(FieldKeys.HUMAN);
    private static final byte[] CUTE = key(FieldKeys.CUTE);
    private static final byte[] STORY = key(FieldKeys.STORY);
    private static final byte[] CORRELATION_ID = key(FieldKeys.CORRELATION_ID);
    private static final byte[] TRACE_ID = key(FieldKeys.TRACE_ID);
    private static final byte[] SPAN_ID = key(FieldKeys.SPAN_ID);
    private static final byte[] LOGGER = key(FieldKeys.LOGGER);
    private static final byte[] THREAD = key(FieldKeys.THREAD);
    private static final byte[] EXCEPTION_TYPE = key(FieldKeys.EXCEPTION_TYPE);
    private static final byte[] EXCEPTION_MESSAGE = key(FieldKeys.EXCEPTION_MESSAGE);
    private static final byte[] EXCEPTION_STACKTRACE = key(FieldKeys.EXCEPTION_STACKTRACE);
    private static final byte[] END = JsonLine.fixed("}\n");

    private final JsonLine line = new JsonLine(1024);

    private final StringBuilder scratch = new StringBuilder(256);
    private final IsoTimestampWriter timestamps = new IsoTimestampWriter();
    private final StructuredFieldVisitor fields = new StructuredFieldVisitor() {
        @Override
        protected void visitString(final String prefix, final String name, final CharSequence value) {
            fieldKey(prefix, name);
            if (!maskedKey(name, value)) {
                quoted(value);
            }
        }

        @Override
        protected void visitLong(final String prefix, final String name, final long value) {
            fieldKey(prefix, name);
            if (!maskedKey(name)) {
                out.append(value);
            }
        }

        @Override
        protected void visitDouble(final String prefix, final String name, final double value) {
            fieldKey(prefix, name);
            if (!maskedKey(name)) {
                number(value);
            }
        }

        @Override
        protected void visitBoolean(final String prefix, final String name, final boolean value) {
            fieldKey(prefix, name);
            if (!maskedKey(name)) {
                out.append(value);
            }
        }

        @Override
        protected void visitObject(final String prefix, final String name, final Object value) {
            fieldKey(prefix, name);
            if (!maskedKey(name, value)) {
                recurring = true;
                value(value);
                recurring = false;
            }
        }
    };
    /** Finds the pieces of a message's format in its text, and holds the copies redaction scans. */
    private final ScanBuffer scanBuffer = new ScanBuffer();
    private final EventRedaction redaction = new EventRedaction(scanBuffer);
    private final ThrowableChain chain = new ThrowableChain();
    private final StackTraceWriter stackTraces = new StackTraceWriter();
    private final StackTraceWriter.Messages maskedMessages = (throwables, index) -> {
        final String message = Renderings.messageOf(throwables.throwable(index));
        return message == null ? null : redaction.text(message, false);
    };
    /** The redaction of this event, or {@code null} without {@code <Redaction>}. */
    private EventRedaction masking;
    /** Whether the value being written is a field's or the context's, often the same object on many events. */
    private boolean recurring;
    private JsonLine out;
    private int maxStringLength;

    /** {@code ,"name":"}, pre-encoded. */
    private static byte[] key(final String name) {
        return JsonLine.fixed(",\"" + name + "\":\"");
    }

    /** The thread's line buffer, emptied, for the next event. */
    public JsonLine lineBuffer() {
        line.clear(RETAINED_LINE_CAPACITY);
        return line;
    }

    /** Writes the event's line into {@code target}; {@code engine} masks it, or is {@code null} for no redaction. */
    public void write(
            final LogEvent event,
            final JsonLine target,
            final byte[] serviceMembers,
            final ActorInference actors,
            final int maxLength,
            final RedactionEngine engine) {
        this.out = target;
        this.masking = engine == null ? null : redaction.use(engine);
        this.maxStringLength = maxLength;
        fields.load(event);
        try {
            final Instant instant = event.getInstant();
            out.append(TIMESTAMP);
            timestamps.write(out, instant.getEpochSecond(), instant.getNanoOfSecond());
            out.append('"');
            identifier(LEVEL, event.getLevel().name());
            out.append(serviceMembers);
            final TraceFields trace = fields.trace();
            final String actor = EventNarration.givenActor(event);
            if (actor == null) {
                identifier(ACTOR, actors.actorOf(event.getLoggerName()));
            } else {
                named(ACTOR, FieldKeys.ACTOR, actor);
            }
            final String action = EventNarration.givenAction(event, trace);
            if (action == null) {
                identifier(ACTION, trace == null ? null : trace.kindAction());
            } else {
                named(ACTION, FieldKeys.ACTION, action);
            }
            string(TARGET, FieldKeys.TARGET, EventNarration.target(event, trace));
            human(event);
            string(CUTE, FieldKeys.CUTE, EventNarration.cute(event));
            string(STORY, FieldKeys.STORY, EventNarration.story(event));
            named(CORRELATION_ID, FieldKeys.CORRELATION_ID, EventNarration.correlationId(event, trace));
            named(TRACE_ID, FieldKeys.TRACE_ID, EventNarration.traceId(event));
            named(SPAN_ID, FieldKeys.SPAN_ID, EventNarration.spanId(event));
            fields.visitLoaded(event);
            identifier(LOGGER, event.getLoggerName());
            identifier(THREAD, event.getThreadName());
            exception(event.getThrown());
            out.append(END);
        } finally {
            fields.clear();
            chain.clear();
            this.out = null;
            this.masking = null;
            this.recurring = false;
            if (scratch.capacity() > 4096) {
                scratch.setLength(0);
                scratch.trimToSize();
            }
            redaction.trim();
        }
    }

    private void human(final LogEvent event) {
        scratch.setLength(0);
        Message message = null;
        try {
            final Message formatted = event.getMessage();
            EventNarration.formatHuman(formatted, scratch);
            message = formatted;
        } catch (RuntimeException e) {
            scratch.append("<message formatting failed: ").append(e.getClass().getName()).append('>');
        }
        if (scratch.length() > 0) {
            out.append(HUMAN);
            if (masking != null) {
                final CharSequence safe = masking.human(message, scratch);
                if (safe == scratch) {
                    // Redaction copied the text a moment ago, and found its format's pieces in it if it holds them.
                    cleanMessage(scanBuffer.copyOf(scratch), scanBuffer.foundIn(scratch));
                } else {
                    closed(safe);
                }
            } else if (scratch.length() >= PIECES_FROM_LENGTH
                    && (maxStringLength <= 0 || scratch.length() <= maxStringLength)) {
                final MessagePieces pieces = scanBuffer.piecesIn(message, scratch);
                cleanMessage(scanBuffer.copyOf(scratch), pieces);
            } else {
                closed(scratch);
            }
        }
    }

    /**
     * Writes the message's text, in {@link #scratch}, from {@code copy}, its characters (when not {@code null}): as
     * its format's pieces, escaped once per format, and its arguments, when the text holds the pieces.
     */
    private void cleanMessage(final char[] copy, final MessagePieces pieces) {
        final int n = scratch.length();
        if (pieces != null && (maxStringLength <= 0 || n <= maxStringLength)) {
            out.escaped(copy, n, pieces).append('"');
        } else {
            closed(scratch, copy);
        }
    }

    /** The throwable's type, message and stack trace, walked once for both ({@link ThrowableChain}). */
    private void exception(final Throwable thrown) {
        if (thrown == null) {
            return;
        }
        identifier(EXCEPTION_TYPE, Renderings.classNameOf(thrown));
        final String message = Renderings.messageOf(thrown);
        if (message != null) {
            out.append(EXCEPTION_MESSAGE);
            closed(masking == null ? message : masking.text(message, false));
        }
        out.append(EXCEPTION_STACKTRACE);
        stackTraces.write(out, chain.walk(thrown), masking == null ? StackTraceWriter.AS_THEY_ARE : maskedMessages,
                StackTraceLimits.DEFAULTS);
        out.append('"');
    }

    /**
     * A name chosen by code, not data (the level, an inferred actor, a helper's kind, the logger, the thread, the
     * exception's class): never cut by {@code maxStringLength}, and no surface of redaction.
     */
    private void identifier(final byte[] key, final String value) {
        if (value != null) {
            out.append(key).escapedRecurring(value).append('"');
        }
    }

    /**
     * A root value that is data but names something (a given actor or action, the ids): masked as its key's value
     * with {@code <Redaction>}, never cut by {@code maxStringLength}.
     */
    private void named(final byte[] key, final String name, final String value) {
        if (value == null) {
            return;
        }
        final CharSequence safe = masking == null ? value : masking.keyed(name, value, true);
        out.append(key);
        if (safe instanceof String) {
            out.escapedRecurring((String) safe);
        } else {
            out.escaped(safe);
        }
        out.append('"');
    }

    /** A root text value, masked as its key's value with {@code <Redaction>} and cut by {@code maxStringLength}. */
    private void string(final byte[] key, final String name, final String value) {
        if (value != null) {
            out.append(key);
            closed(masking == null ? value : masking.keyed(name, value, true));
        }
    }

    /**
     * With {@code <Redaction>}, writes the mask of a sensitive key instead of its value, when the value is not empty;
     * whether it did.
     */
    private boolean maskedKey(final String name, final Object value) {
        return masking != null && quotedMask(masking.maskFor(name, value));
    }

    /** As {@link #maskedKey(String, Object)}, for a number or boolean. */
    private boolean maskedKey(final String name) {
        return masking != null && quotedMask(masking.maskFor(name));
    }

    private boolean quotedMask(final String mask) {
        if (mask == null) {
            return false;
        }
        out.append('"').escapedRecurring(mask).append('"');
        return true;
    }

    /** Writes {@code ,"prefixkey":} for a user-supplied key. */
    private void fieldKey(final String prefix, final String key) {
        out.append(',').append('"');
        if (prefix != null) {
            out.append(prefix);
        }
        out.escapedRecurring(key).append('"').append(':');
    }

    /** Writes the rest of an opened string value, redacted with {@code <Redaction>}, and closes it. */
    private void text(final CharSequence value) {
        closed(masking == null ? value : masking.text(value, recurring));
    }

    /** Writes the rest of an opened string value, already redacted, and closes it. */
    private void closed(final CharSequence safe) {
        closed(safe, null);
    }

    /** As {@link #closed(CharSequence)}, from {@code copy}, the value's characters, when not null. */
    private void closed(final CharSequence safe, final char[] copy) {
        if (recurring && safe instanceof String && (maxStringLength <= 0 || safe.length() <= maxStringLength)) {
            out.escapedRecurring((String) safe);
        } else {
            out.escaped(safe, copy, maxStringLength, TRUNCATION_SUFFIX);
        }
        out.append('"');
    }

    private void quoted(final CharSequence value) {
        out.append('"');
        text(value);
    }

    /** A value of any type: the types {@link Renderings#isJsonScalar} names as numbers or booleans, anything else as text. */
    private void value(final Object value) {
        if (value instanceof String) {
            quoted((String) value);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            number(((Number) value).doubleValue());
        } else if (value instanceof BigDecimal || value instanceof BigInteger) {
            out.append(value.toString());
        } else if (value instanceof Boolean) {
            out.append(((Boolean) value).booleanValue());
        } else if (value instanceof CharSequence) {
            quoted((CharSequence) value);
        } else {
            quoted(render(value));
        }
    }

    /** Renders an arbitrary value into the scratch buffer (see {@link Renderings#render}). */
    private CharSequence render(final Object value) {
        scratch.setLength(0);
        Renderings.render(value, scratch);
        return scratch;
    }

    private void number(final double value) {
        scratch.setLength(0);
        scratch.append(value);
        if (Double.isFinite(value)) {
            out.escaped(scratch);
        } else {
            out.append('"').escaped(scratch).append('"');
        }
    }
}
