package dev.narration.trace;

import dev.narration.Narration.FieldKind;
import org.apache.logging.log4j.core.impl.MementoMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterConsumer;
import org.apache.logging.log4j.message.ParameterVisitable;
import org.apache.logging.log4j.message.ReusableMessage;
import org.apache.logging.log4j.util.StringBuilderFormattable;

/**
 * Reads what a TRACE helper put into an event — its explicit action, target, correlation id and typed fields —
 * whichever form the message reached the layout in: the helper's own message (synchronous loggers), Log4j's
 * ring-buffer or mutable event that copied it (asynchronous and garbage-free loggers), or a memento.
 *
 * <p>An instance is reusable and not thread-safe; {@link #of(Message)} lends the calling thread's. Reading copies
 * references and parses the numbers out of the sentence; it allocates nothing in steady state.
 */
public final class TraceFields {
    private static final ThreadLocal<TraceFields> CURRENT = ThreadLocal.withInitial(TraceFields::new);
    private static final ParameterConsumer<TraceFields> COPY = (parameter, index, reader) -> {
        if (index < TraceText.CAPACITY) {
            reader.params[index] = parameter;
        }
    };

    private final Object[] params = new Object[TraceText.CAPACITY];
    private final long[] numbers = new long[TraceText.MAX_FIELDS];
    private final StringBuilder scratch = new StringBuilder(128);
    private final Parser parser = new Parser();
    private TraceKind kind;
    private Message message;
    private int count;
    private boolean copied;
    private boolean parsed;
    private boolean numbersValid;

    /** Whether a message carries a TRACE helper event; cheap, so callers test it before anything else. */
    public static boolean isTrace(final Message message) {
        return kindOf(message) != null;
    }

    /** The calling thread's reader loaded with the message, or {@code null} when it is not a trace event. */
    public static TraceFields of(final Message message) {
        final TraceKind kind = kindOf(message);
        if (kind == null) {
            return null;
        }
        final TraceFields reader = CURRENT.get();
        reader.load(message, kind);
        return reader;
    }

    private static TraceKind kindOf(final Message message) {
        if (message instanceof TraceMessage) {
            return ((TraceMessage) message).kind();
        }
        // Only message types whose getFormat() is a plain field read; an ObjectMessage would format itself.
        if (message instanceof ReusableMessage || message instanceof MementoMessage) {
            return TraceKind.ofFormat(message.getFormat());
        }
        return null;
    }

    /** Loads the message if it is a trace event; returns whether it is. */
    public boolean read(final Message candidate) {
        final TraceKind traceKind = kindOf(candidate);
        if (traceKind == null) {
            clear();
            return false;
        }
        load(candidate, traceKind);
        return true;
    }

    private void load(final Message candidate, final TraceKind traceKind) {
        clear();
        kind = traceKind;
        message = candidate;
    }

    /**
     * Copies the parameter references on first use: the layout asks for the action, target and correlation id
     * separately, and only {@code Trace.event}/{@code Trace.correlated} carry an action or an id, so most look-ups
     * need no copy at all.
     */
    private void copyParameters() {
        if (copied) {
            return;
        }
        copied = true;
        final Message candidate = message;
        if (candidate instanceof TraceMessage) {
            final TraceMessage trace = (TraceMessage) candidate;
            count = Math.min(trace.getParameterCount(), TraceText.CAPACITY);
            for (int i = 0; i < count; i++) {
                params[i] = trace.parameter(i);
            }
            for (int i = 0; i < TraceText.fieldCount(count); i++) {
                numbers[i] = trace.number(i);
            }
            parsed = true;
            numbersValid = true;
        } else if (candidate instanceof ReusableMessage && candidate instanceof ParameterVisitable) {
            // RingBufferLogEvent, MutableLogEvent: visiting copies references; getParameters() would copy the array.
            count = Math.min(((ReusableMessage) candidate).getParameterCount(), TraceText.CAPACITY);
            ((ParameterVisitable) candidate).forEachParameter(COPY, this);
        } else {
            final Object[] copiedParameters = candidate.getParameters();
            count = copiedParameters == null ? 0 : Math.min(copiedParameters.length, TraceText.CAPACITY);
            if (count > 0) {
                System.arraycopy(copiedParameters, 0, params, 0, count);
            }
        }
        while (count < TraceText.FIRST_FIELD) {
            params[count++] = null; // a malformed copy: no stale header from an earlier event
        }
    }

    /**
     * Forgets the loaded event. The copied parameter references stay until the next trace event overwrites them:
     * they are the caller's strings, and nulling them per event was measurable on the background thread.
     */
    public void clear() {
        message = null;
        kind = null;
        count = 0;
        copied = false;
        parsed = false;
        numbersValid = false;
    }

    /** The action the helper names: {@code Trace.event}'s own, otherwise {@code null}. */
    public String action() {
        return kind == TraceKind.EVENT ? string(TraceText.ACTION) : null;
    }

    /** The helper kind's action ({@code enter}, {@code exit}, {@code loop}, {@code state}), or {@code null}. */
    public String kindAction() {
        return kind == null ? null : kind.action;
    }

    public String target() {
        return string(TraceText.TARGET);
    }

    public String correlationId() {
        return kind == TraceKind.EVENT ? string(TraceText.CORRELATION_ID) : null;
    }

    /** Whether the helper supplies the reserved field that this context key would otherwise feed. */
    public boolean supplies(final String contextKey) {
        switch (contextKey) {
            case dev.narration.NarrationFields.ACTION:
                return action() != null;
            case dev.narration.NarrationFields.TARGET:
                return target() != null;
            case dev.narration.NarrationFields.CORRELATION_ID:
                return correlationId() != null;
            default:
                return false;
        }
    }

    public int fieldCount() {
        if (kind == null) {
            return 0;
        }
        copyParameters();
        return TraceText.fieldCount(count);
    }

    public String fieldName(final int field) {
        copyParameters();
        final String name = TraceText.name(params, field);
        return name == null ? "null" : name;
    }

    /** The index of the named field, or -1. */
    public int indexOf(final String name) {
        for (int i = 0, n = fieldCount(); i < n; i++) {
            if (name.equals(TraceText.name(params, i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@link FieldKind#STRING}, {@link FieldKind#LONG} or {@link FieldKind#DOUBLE} (durations in milliseconds);
     * {@code null} for a field with no value — a {@code null} string, or a number the sentence no longer carries
     * because something rewrote the message.
     */
    public FieldKind fieldKind(final int field) {
        copyParameters();
        final Object value = TraceText.value(params, field);
        if (value instanceof String) {
            return FieldKind.STRING;
        }
        if (!(value instanceof NumberKind) || !numbersValid()) {
            return null;
        }
        return value == NumberKind.MILLIS ? FieldKind.DOUBLE : FieldKind.LONG;
    }

    public String fieldString(final int field) {
        copyParameters();
        final Object value = TraceText.value(params, field);
        return value instanceof String ? (String) value : null;
    }

    public long fieldLong(final int field) {
        return numbersValid() ? numbers[field] : 0L;
    }

    /** A duration field in milliseconds (microsecond resolution). */
    public double fieldDouble(final int field) {
        if (!numbersValid()) {
            return 0.0;
        }
        return TraceText.value(params, field) == NumberKind.MILLIS ? numbers[field] / 1_000.0 : numbers[field];
    }

    private String string(final int index) {
        if (kind == null) {
            return null;
        }
        copyParameters();
        final Object value = params[index];
        return value instanceof String ? (String) value : null;
    }

    private boolean numbersValid() {
        copyParameters();
        if (!parsed) {
            parsed = true;
            loadSentence();
            numbersValid = parser.parse();
        }
        return numbersValid;
    }

    /**
     * The sentence, copied into the parser's array: two bulk copies, then plain array reads, instead of a chain of
     * {@code CharSequence.charAt} calls per character (the ring-buffer event delegates each to its text buffer).
     */
    private void loadSentence() {
        scratch.setLength(0);
        if (message instanceof StringBuilderFormattable) {
            ((StringBuilderFormattable) message).formatTo(scratch);
        } else {
            scratch.append(message.getFormattedMessage());
        }
        parser.load(scratch);
    }

    /** Walks the sentence as {@link TraceMessage} wrote it, checking every piece and reading the numbers. */
    private final class Parser extends TraceText {
        private char[] text = new char[128];
        private int length;
        private int position;
        private boolean valid;

        void load(final StringBuilder sentence) {
            length = sentence.length();
            if (text.length < length) {
                text = new char[length];
            }
            sentence.getChars(0, length, text, 0);
        }

        boolean parse() {
            position = 0;
            valid = true;
            try {
                walk(kind, params, count);
                return valid && position == length;
            } catch (RuntimeException e) {
                return false; // a parameter of an unexpected type: not a shape this version wrote
            }
        }

        @Override
        void literal(final String piece) {
            text(piece);
        }

        @Override
        void text(final String value) {
            if (!valid || value == null) {
                return;
            }
            final int end = position + value.length();
            if (end > length) {
                valid = false;
                return;
            }
            for (int i = 0; i < value.length(); i++) {
                if (text[position + i] != value.charAt(i)) {
                    valid = false;
                    return;
                }
            }
            position = end;
        }

        @Override
        void number(final int field, final NumberKind numberKind) {
            if (!valid) {
                return;
            }
            final boolean negative = position < length && text[position] == '-';
            if (negative) {
                position++;
            }
            long value = digits();
            if (numberKind == NumberKind.MILLIS && valid) {
                final int fractionStart = position + 1;
                if (position < length && text[position] == '.') {
                    position++;
                    value = value * 1_000L + digits();
                }
                valid &= position - fractionStart == 3;
            }
            numbers[field] = negative ? -value : value;
        }

        /** Reads one or more decimal digits. Accumulates negatively so that {@code Long.MIN_VALUE} reads back. */
        private long digits() {
            final int start = position;
            long value = 0;
            while (position < length) {
                final char c = text[position];
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 - (c - '0');
                position++;
            }
            valid &= position > start;
            return -value;
        }
    }
}
