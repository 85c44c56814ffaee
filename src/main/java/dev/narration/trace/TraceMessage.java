package dev.narration.trace;

import java.util.Arrays;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterConsumer;
import org.apache.logging.log4j.message.ParameterVisitable;
import org.apache.logging.log4j.message.ReusableMessage;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.Constants;

/**
 * The message every TRACE helper logs: one instance per thread, refilled per call, so a helper allocates nothing.
 *
 * <p>Why this works with every Log4j logger without garbage: a synchronous logger hands this very instance to the
 * appenders and is done with it when the call returns; an asynchronous logger (or Log4j's garbage-free
 * {@code MutableLogEvent}) calls {@link #formatTo} to copy the sentence into its own buffer, keeps
 * {@link #getFormat()} (the kind's marker) and <em>swaps</em> parameter arrays with {@link #swapParameters}, so the
 * array the slot receives belongs to the slot until the slot hands it on. Only strings and {@link NumberKind}
 * constants go into the array; numbers are in the sentence ({@link TraceText}).
 */
final class TraceMessage implements ReusableMessage, ParameterVisitable {
    private static final long serialVersionUID = 1L;
    private static final ThreadLocal<TraceMessage> CURRENT = ThreadLocal.withInitial(TraceMessage::new);

    private TraceKind kind = TraceKind.EVENT;
    private transient Object[] params = new Object[TraceText.CAPACITY];
    private short count = TraceText.FIRST_FIELD;
    private final long[] numbers = new long[TraceText.MAX_FIELDS];
    private transient boolean inUse;

    private final transient Renderer renderer = new Renderer();

    /** Writes the sentence; one per message, so rendering allocates nothing. */
    private final class Renderer extends TraceText {
        private StringBuilder out;

        @Override
        void literal(final String text) {
            out.append(text);
        }

        @Override
        void text(final String value) {
            if (value != null) {
                out.append(value);
            }
        }

        @Override
        void number(final int field, final NumberKind numberKind) {
            if (numberKind == NumberKind.MILLIS) {
                appendMillis(out, numbers[field]);
            } else {
                out.append(numbers[field]);
            }
        }

        void render(final StringBuilder target) {
            out = target;
            try {
                walk(kind, params, count);
            } finally {
                out = null;
            }
        }
    }

    /**
     * The calling thread's message, or a new one when that is busy (a helper called while logging, from a filter
     * or an argument's {@code toString}) or when Log4j's thread locals are disabled (web applications).
     */
    static TraceMessage acquire() {
        if (!Constants.ENABLE_THREADLOCALS) {
            return new TraceMessage();
        }
        final TraceMessage message = CURRENT.get();
        if (message.inUse) {
            return new TraceMessage();
        }
        message.inUse = true;
        return message;
    }

    void release() {
        inUse = false;
    }

    TraceMessage start(
            final TraceKind traceKind, final String action, final String target, final String correlationId, final String human) {
        kind = traceKind;
        params[TraceText.ACTION] = action;
        params[TraceText.TARGET] = target;
        params[TraceText.CORRELATION_ID] = correlationId;
        params[TraceText.HUMAN] = human;
        count = TraceText.FIRST_FIELD;
        return this;
    }

    TraceMessage field(final String name, final String value) {
        params[count++] = name;
        params[count++] = value;
        return this;
    }

    TraceMessage field(final String name, final NumberKind numberKind, final long value) {
        numbers[TraceText.fieldCount(count)] = value;
        params[count++] = name;
        params[count++] = numberKind;
        return this;
    }

    TraceKind kind() {
        return kind;
    }

    /** The number of a field, for readers that hold this very instance (synchronous loggers). */
    long number(final int field) {
        return numbers[field];
    }

    Object parameter(final int index) {
        return params[index];
    }

    /** Milliseconds with three decimals, from nanoseconds: {@code 15204311} is {@code 15.204}. */
    static void appendMillis(final StringBuilder out, final long nanos) {
        final long micros = Math.max(0L, nanos) / 1_000L;
        out.append(micros / 1_000L).append('.');
        final long fraction = micros % 1_000L;
        if (fraction < 100L) {
            out.append(fraction < 10L ? "00" : "0");
        }
        out.append(fraction);
    }

    @Override
    public void formatTo(final StringBuilder buffer) {
        renderer.render(buffer);
    }

    @Override
    public String getFormattedMessage() {
        final StringBuilder text = new StringBuilder(64);
        formatTo(text);
        return text.toString();
    }

    @Override
    public String getFormat() {
        return kind.format;
    }

    @Override
    public Object[] getParameters() {
        return Arrays.copyOf(params, count);
    }

    @Override
    public Throwable getThrowable() {
        return null;
    }

    @Override
    public Object[] swapParameters(final Object[] emptyReplacement) {
        final Object[] result = params;
        params = emptyReplacement != null && emptyReplacement.length >= TraceText.CAPACITY
                ? emptyReplacement
                : new Object[TraceText.CAPACITY];
        return result;
    }

    @Override
    public short getParameterCount() {
        return count;
    }

    @Override
    public <S> void forEachParameter(final ParameterConsumer<S> action, final S state) {
        for (short i = 0; i < count; i++) {
            action.accept(params[i], i, state);
        }
    }

    /** An immutable copy, for appenders that keep events beyond the call (an {@code AsyncAppender}). */
    @Override
    public Message memento() {
        final TraceMessage copy = new TraceMessage();
        copy.kind = kind;
        System.arraycopy(params, 0, copy.params, 0, count);
        System.arraycopy(numbers, 0, copy.numbers, 0, numbers.length);
        copy.count = count;
        return copy;
    }

    /** Serialized as plain text: the parameter array and the renderer are per-process state. */
    private Object writeReplace() {
        return new SimpleMessage(getFormattedMessage());
    }

    @Override
    public String toString() {
        return getFormattedMessage();
    }
}
