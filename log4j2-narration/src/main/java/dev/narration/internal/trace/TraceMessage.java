package dev.narration.internal.trace;

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
 * array the slot receives belongs to the slot until the slot hands it on. Only strings, {@link NumberKind}
 * constants and the JDK's cached {@code Byte}s go into the array ({@link TraceText}).
 */
public final class TraceMessage implements ReusableMessage, ParameterVisitable {
    private static final long serialVersionUID = 1L;
    private static final ThreadLocal<TraceMessage> CURRENT = ThreadLocal.withInitial(TraceMessage::new);

    private TraceKind kind = TraceKind.EVENT;
    private transient Object[] params = new Object[TraceText.PAIRS_CAPACITY];
    private int fields;
    /** The slots in use; the number chunks are counted once {@link #encoded}. */
    private short count = TraceText.FIRST_FIELD;
    /** Whether the numbers have been written into the array, which happens when Log4j first reads it. */
    private transient boolean encoded;
    /** The fields' numbers; a duration's in microseconds, the resolution it is written with. */
    private final long[] numbers = new long[TraceText.MAX_FIELDS];
    private transient boolean inUse;

    /**
     * The calling thread's message, or a new one when that is busy (a helper called while logging, from a filter
     * or an argument's {@code toString}) or when Log4j's thread locals are disabled (web applications).
     */
    public static TraceMessage acquire() {
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

    /**
     * Done with the message. Its references are let go of, in case Log4j did not take them (a filter said no before
     * the event was made): the thread's message must not keep the caller's values reachable.
     */
    public void release() {
        Arrays.fill(params, 0, Math.min(count, params.length), null);
        inUse = false;
    }

    public TraceMessage start(
            final TraceKind traceKind, final String action, final String target, final String correlationId, final String human) {
        kind = traceKind;
        params[TraceText.ACTION] = action;
        params[TraceText.TARGET] = target;
        params[TraceText.CORRELATION_ID] = correlationId;
        params[TraceText.HUMAN] = human;
        count = TraceText.FIRST_FIELD;
        fields = 0;
        encoded = false;
        return this;
    }

    public TraceMessage field(final String name, final String value) {
        return pair(name, value);
    }

    /** A number; for {@link NumberKind#MILLIS} a duration in nanoseconds. */
    public TraceMessage field(final String name, final NumberKind numberKind, final long value) {
        numbers[fields] = numberKind == NumberKind.MILLIS ? Math.max(0L, value) / 1_000L : value;
        return pair(name, numberKind);
    }

    private TraceMessage pair(final String name, final Object value) {
        params[count++] = name;
        params[count++] = value;
        fields++;
        return this;
    }

    /**
     * Appends the numbers' chunks after the pairs, before anything reads the array. The array grows only when the
     * one Log4j swapped in last time is too short for this event; grown arrays then circulate between the thread's
     * messages and the ring-buffer slots, so growth stops once they are all long enough.
     */
    private void encode() {
        if (encoded) {
            return;
        }
        encoded = true;
        int needed = count;
        for (int field = 0; field < fields; field++) {
            if (TraceText.value(params, field) instanceof NumberKind) {
                needed += TraceText.chunks(numbers[field]);
            }
        }
        if (needed > params.length) {
            params = Arrays.copyOf(params, Math.min(TraceText.CAPACITY, (needed + 7) & ~7));
        }
        int slot = count;
        for (int field = 0; field < fields; field++) {
            if (TraceText.value(params, field) instanceof NumberKind) {
                slot = TraceText.writeNumber(params, slot, numbers[field]);
            }
        }
        count = (short) slot;
    }

    TraceKind kind() {
        return kind;
    }

    /** Milliseconds with three decimals, from microseconds: {@code 15204} is {@code 15.204}. */
    private static void appendMillis(final StringBuilder out, final long micros) {
        out.append(micros / 1_000L).append('.');
        final long fraction = micros % 1_000L;
        if (fraction < 100L) {
            out.append(fraction < 10L ? "00" : "0");
        }
        out.append(fraction);
    }

    /** Writes the sentence of the event's kind (see {@code Trace} for each). */
    @Override
    public void formatTo(final StringBuilder out) {
        final String human = (String) params[TraceText.HUMAN];
        switch (kind) {
            case ENTER:
                out.append("enter ");
                text(out, (String) params[TraceText.TARGET]);
                out.append('(');
                for (int i = 0; i < fields; i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    text(out, TraceText.name(params, i));
                    out.append('=');
                    value(out, i);
                }
                out.append(')');
                break;
            case EXIT:
                out.append("exit ");
                text(out, (String) params[TraceText.TARGET]);
                for (int i = 0; i < fields - 1; i++) {
                    out.append(TraceText.ARROW);
                    value(out, i);
                }
                out.append(" (");
                value(out, fields - 1);
                out.append(" ms)");
                break;
            case LOOP:
                text(out, (String) params[TraceText.TARGET]);
                out.append(" iteration ");
                value(out, 0);
                out.append(" of ");
                value(out, 1);
                if (human != null) {
                    out.append(": ").append(human);
                }
                break;
            case STATE:
                text(out, (String) params[TraceText.TARGET]);
                out.append(": ");
                value(out, 0);
                out.append(TraceText.ARROW);
                value(out, 1);
                if (human != null) {
                    out.append(" (").append(human).append(')');
                }
                break;
            default:
                text(out, human);
        }
    }

    private static void text(final StringBuilder out, final String value) {
        if (value != null) {
            out.append(value);
        }
    }

    private void value(final StringBuilder out, final int field) {
        final Object value = TraceText.value(params, field);
        if (value == NumberKind.MILLIS) {
            appendMillis(out, numbers[field]);
        } else if (value == NumberKind.LONG) {
            out.append(numbers[field]);
        } else {
            text(out, (String) value);
        }
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
        encode();
        return Arrays.copyOf(params, count);
    }

    @Override
    public Throwable getThrowable() {
        return null;
    }

    @Override
    public Object[] swapParameters(final Object[] emptyReplacement) {
        encode();
        final Object[] result = params;
        params = emptyReplacement != null && emptyReplacement.length >= TraceText.PAIRS_CAPACITY
                ? emptyReplacement
                : new Object[TraceText.PAIRS_CAPACITY];
        return result;
    }

    @Override
    public short getParameterCount() {
        encode();
        return count;
    }

    @Override
    public <S> void forEachParameter(final ParameterConsumer<S> action, final S state) {
        encode();
        for (short i = 0; i < count; i++) {
            action.accept(params[i], i, state);
        }
    }

    /** An immutable copy, for appenders that keep events beyond the call (an {@code AsyncAppender}). */
    @Override
    public Message memento() {
        encode();
        final TraceMessage copy = new TraceMessage();
        copy.kind = kind;
        copy.params = Arrays.copyOf(params, count);
        System.arraycopy(numbers, 0, copy.numbers, 0, numbers.length);
        copy.fields = fields;
        copy.count = count;
        copy.encoded = true;
        return copy;
    }

    /** Serialized as plain text: the parameter array is per-process state. */
    private Object writeReplace() {
        return new SimpleMessage(getFormattedMessage());
    }

    @Override
    public String toString() {
        return getFormattedMessage();
    }
}
