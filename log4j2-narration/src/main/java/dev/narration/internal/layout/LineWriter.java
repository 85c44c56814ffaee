package dev.narration.internal.layout;

import dev.narration.internal.event.ActorInference;
import dev.narration.internal.event.EventNarration;
import dev.narration.internal.event.FieldKeys;
import dev.narration.internal.event.MessagePieces;
import dev.narration.internal.event.Renderings;
import dev.narration.internal.event.StructuredFieldVisitor;
import dev.narration.internal.json.IsoTimestampWriter;
import dev.narration.internal.json.JsonLine;
import dev.narration.internal.json.StackTraceWriter;
import dev.narration.internal.redact.RedactionEngine;
import dev.narration.internal.redact.ScanBuffer;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.time.Instant;
import org.apache.logging.log4j.message.Message;

/**
 * Writes one narration line for {@code NarrationJsonLayout}. One instance per thread holds the reusable scratch
 * buffer and the per-event state that the allocation-free context iteration needs.
 */
public final class LineWriter {
    public static final String TRUNCATION_SUFFIX = "…[truncated]";
    /**
     * Lines up to this many bytes keep their buffer between events. Log4j's shared layout buffer is trimmed at
     * 2 KiB, which made every event with a stack trace regrow it; 16 KiB per logging thread covers them.
     */
    private static final int RETAINED_LINE_CAPACITY = 16 * 1024;
    /**
     * Without redaction, shorter messages are escaped whole: finding a format's pieces in a text (a look-up and a
     * comparison) costs about what writing 60 characters as prepared bytes saves. {@code EncodeBenchmark}'s
     * 30-character {@code plain-loop} took 13 ns more with the pieces; a 120-character message took 26 ns less. With
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
            if (!maskedKey(prefix, name)) {
                quoted(value);
            }
        }

        @Override
        protected void visitLong(final String prefix, final String name, final long value) {
            if (!maskedKey(prefix, name)) {
                out.append(value);
            }
        }

        @Override
        protected void visitDouble(final String prefix, final String name, final double value) {
            if (!maskedKey(prefix, name)) {
                number(value);
            }
        }

        @Override
        protected void visitBoolean(final String prefix, final String name, final boolean value) {
            if (!maskedKey(prefix, name)) {
                out.append(value);
            }
        }

        @Override
        protected void visitObject(final String prefix, final String name, final Object value) {
            if (!maskedKey(prefix, name)) {
                recurring = true;
                value(value);
                recurring = false;
            }
        }
    };
    /** Holds a value's redacted copy, when it had anything to mask. */
    private final StringBuilder redacted = new StringBuilder(256);
    private final ScanBuffer scanBuffer = new ScanBuffer();
    private RedactionEngine redactor;
    /** Whether the value being written is a context value, usually the same object on many events (see ScanBuffer). */
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

    public void write(
            final LogEvent event,
            final JsonLine target,
            final byte[] serviceMembers,
            final ActorInference actors,
            final int maxLength,
            final RedactionEngine redaction) {
        this.out = target;
        this.redactor = redaction;
        this.maxStringLength = maxLength;
        fields.load(event);
        try {
            final Instant instant = event.getInstant();
            out.append(TIMESTAMP);
            timestamps.write(out, instant.getEpochSecond(), instant.getNanoOfSecond());
            out.append('"');
            identifier(LEVEL, event.getLevel().name());
            out.append(serviceMembers);
            identifier(ACTOR, EventNarration.actor(event, actors));
            identifier(ACTION, EventNarration.action(event, fields.trace()));
            string(TARGET, EventNarration.target(event, fields.trace()));
            human(event);
            string(CUTE, EventNarration.cute(event));
            string(STORY, EventNarration.story(event));
            identifier(CORRELATION_ID, EventNarration.correlationId(event, fields.trace()));
            identifier(TRACE_ID, EventNarration.traceId(event));
            identifier(SPAN_ID, EventNarration.spanId(event));
            fields.visitLoaded(event);
            identifier(LOGGER, event.getLoggerName());
            identifier(THREAD, event.getThreadName());
            exception(event.getThrown());
            out.append(END);
        } finally {
            fields.clear();
            this.out = null;
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
            if (redactor != null) {
                final CharSequence safe = redactor.redactMessage(message, scratch, redacted, scanBuffer);
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

    private void exception(final Throwable thrown) {
        if (thrown == null) {
            return;
        }
        identifier(EXCEPTION_TYPE, Renderings.classNameOf(thrown));
        string(EXCEPTION_MESSAGE, Renderings.messageOf(thrown));
        out.append(EXCEPTION_STACKTRACE);
        StackTraceWriter.write(out, thrown, redactor, redacted, scanBuffer);
        out.append('"');
    }

    /**
     * A value that names something (level, actor, logger, ids): chosen by code, not data, so never cut by
     * {@code maxStringLength} and not scanned for secrets (the rewrite policy leaves them alone too).
     */
    private void identifier(final byte[] key, final String value) {
        if (value != null) {
            out.append(key).escapedRecurring(value).append('"');
        }
    }

    /** A text value, cut by {@code maxStringLength} when one is set. */
    private void string(final byte[] key, final String value) {
        if (value != null) {
            out.append(key);
            text(value);
        }
    }

    /**
     * Writes the key of a structured field and, when redaction marks the name as sensitive, its mask as the value
     * instead of the value; whether it did.
     */
    private boolean maskedKey(final String prefix, final String name) {
        fieldKey(prefix, name);
        final String mask = redactor == null ? null : redactor.maskForKey(name, scanBuffer);
        if (mask == null) {
            return false;
        }
        quoted(mask);
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

    /** Writes the rest of an opened string value, redacted when redaction is on, and closes it. */
    private void text(final CharSequence value) {
        closed(redactor == null ? value
                : recurring ? redactor.redactRecurring(value, redacted, scanBuffer) : redactor.redact(value, redacted, scanBuffer));
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
