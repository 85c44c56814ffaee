package dev.narration.internal.trace;

import dev.narration.Narration.FieldKind;
import java.util.Arrays;
import org.apache.logging.log4j.core.impl.MementoMessage;
import org.apache.logging.log4j.core.util.Constants;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterConsumer;
import org.apache.logging.log4j.message.ParameterVisitable;
import org.apache.logging.log4j.message.ReusableMessage;

/**
 * Reads what a TRACE helper put into an event — its explicit action, target, correlation id and typed fields —
 * whichever form the message reached the layout in: the helper's own message (synchronous loggers), Log4j's
 * ring-buffer or mutable event that copied it (asynchronous and garbage-free loggers), or a memento.
 *
 * <p>An instance is reusable and not thread-safe; {@link #of(Message)} lends the calling thread's. Loading an
 * event visits its parameters once, keeping the strings and decoding the numbers ({@link TraceText}); it allocates
 * nothing.
 */
public final class TraceFields {
    private static final ThreadLocal<TraceFields> CURRENT = ThreadLocal.withInitial(TraceFields::new);
    private static final ParameterConsumer<TraceFields> READ = (parameter, index, reader) -> reader.accept(parameter, index);
    private static final byte NO_VALUE = 0;
    private static final byte STRING = 1;
    private static final byte LONG = 2;
    private static final byte MILLIS = 3;

    /*
     * Only strings are kept as references, and a value's kind as a byte: on the background thread every reference
     * stored into this long-lived reader costs a G1 write barrier with a memory fence, and copying the whole
     * parameter array, number slots included, cost more than writing the fields did (EncodeBenchmark's helper
     * lines, under ParallelGC against G1).
     */
    private final String[] header = new String[TraceText.FIRST_FIELD];
    private final String[] names = new String[TraceText.MAX_FIELDS];
    private final String[] strings = new String[TraceText.MAX_FIELDS];
    private final byte[] kinds = new byte[TraceText.MAX_FIELDS];
    private final long[] numbers = new long[TraceText.MAX_FIELDS];
    private TraceKind kind;
    private int fields;
    private boolean numbersValid;
    /**
     * While reading: -1 before the first chunk, then the field whose number the next chunk belongs to, or
     * {@code fields} once every number is read.
     */
    private int numberField;
    private int shift;
    private long zigzag;

    /** Whether a message carries a TRACE helper event; cheap, so callers test it before anything else. */
    public static boolean isTrace(final Message message) {
        return kindOf(message) != null;
    }

    /**
     * The calling thread's reader loaded with the message, or {@code null} when it is not a trace event; a new
     * reader when Log4j's thread locals are disabled (web applications).
     */
    public static TraceFields of(final Message message) {
        final TraceKind kind = kindOf(message);
        if (kind == null) {
            return null;
        }
        final TraceFields reader = Constants.ENABLE_THREADLOCALS ? CURRENT.get() : new TraceFields();
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
        numbersValid = true;
        if (candidate instanceof ParameterVisitable) {
            // TraceMessage, RingBufferLogEvent, MutableLogEvent: visiting hands over references without a copy of
            // the array, which getParameters() would make.
            ((ParameterVisitable) candidate).forEachParameter(READ, this);
        } else {
            final Object[] parameters = candidate.getParameters();
            for (int i = 0, n = parameters == null ? 0 : parameters.length; i < n; i++) {
                accept(parameters[i], i);
            }
        }
        if (numberField < 0) {
            numberField = nextNumberField(0); // no chunk at all: valid only if no field is a number
        }
        if (numberField != fields || shift != 0) {
            numbersValid = false; // a copy cut short: a number, or a number's last chunk, is missing
        }
    }

    /** Takes one parameter of the layout described in {@link TraceText}. */
    private void accept(final Object parameter, final int index) {
        if (parameter instanceof Byte) {
            chunk((Byte) parameter);
        } else if (numberField >= 0) {
            numbersValid = false; // anything but a chunk after the first chunk: not a shape this version writes
        } else if (index < TraceText.FIRST_FIELD) {
            header[index] = parameter instanceof String ? (String) parameter : null;
        } else if (index < TraceText.PAIRS_CAPACITY) {
            final int field = (index - TraceText.FIRST_FIELD) >> 1;
            fields = field + 1;
            if ((index & 1) == 0) {
                names[field] = parameter instanceof String ? (String) parameter : null;
                kinds[field] = NO_VALUE;
            } else if (parameter instanceof String) {
                strings[field] = (String) parameter;
                kinds[field] = STRING;
            } else {
                kinds[field] = parameter == NumberKind.MILLIS ? MILLIS : parameter == NumberKind.LONG ? LONG : NO_VALUE;
            }
        }
    }

    /** One seven-bit group of a number ({@link TraceText#writeNumber}); the numbers follow the pairs in field order. */
    private void chunk(final byte group) {
        if (numberField < 0) {
            numberField = nextNumberField(0);
        }
        if (numberField >= fields || shift >= 64) {
            numbersValid = false;
            return;
        }
        zigzag |= (long) (group & 0x7F) << shift;
        if (group < 0) {
            shift += 7;
            return;
        }
        numbers[numberField] = zigzag >>> 1 ^ -(zigzag & 1);
        zigzag = 0;
        shift = 0;
        numberField = nextNumberField(numberField + 1);
    }

    private int nextNumberField(final int from) {
        int field = from;
        while (field < fields && kinds[field] != LONG && kinds[field] != MILLIS) {
            field++;
        }
        return field;
    }

    /**
     * Forgets the loaded event and lets go of its strings: a thread's reader must not keep a huge value, maybe a
     * secret, reachable until its next trace event. Only the slots the event used are cleared; a copy cut short
     * leaves no stale header from an earlier event either.
     */
    public void clear() {
        if (kind != null) {
            // Only a loaded trace event leaves references here, and each store costs a G1 barrier: every event
            // clears this reader, most are no trace event.
            Arrays.fill(header, null);
            Arrays.fill(strings, 0, fields, null);
        }
        kind = null;
        fields = 0;
        numbersValid = false;
        numberField = -1;
        shift = 0;
        zigzag = 0;
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

    public int fieldCount() {
        return kind == null ? 0 : fields;
    }

    public String fieldName(final int field) {
        final String name = names[field];
        return name == null ? "null" : name;
    }

    /** The index of the named field with a value (one the line writes), or -1. */
    public int indexOf(final String name) {
        for (int i = 0, n = fieldCount(); i < n; i++) {
            if (name.equals(fieldName(i)) && fieldKind(i) != null) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@link FieldKind#STRING}, {@link FieldKind#LONG} or {@link FieldKind#DOUBLE} (durations in milliseconds);
     * {@code null} for a field with no value — a {@code null} string, or a number whose slots a copy of the
     * parameters cut short.
     */
    public FieldKind fieldKind(final int field) {
        switch (kinds[field]) {
            case STRING:
                return FieldKind.STRING;
            case LONG:
                return numbersValid ? FieldKind.LONG : null;
            case MILLIS:
                return numbersValid ? FieldKind.DOUBLE : null;
            default:
                return null;
        }
    }

    public String fieldString(final int field) {
        return kinds[field] == STRING ? strings[field] : null;
    }

    public long fieldLong(final int field) {
        return numbersValid ? numbers[field] : 0L;
    }

    /** A duration field in milliseconds (microsecond resolution). */
    public double fieldDouble(final int field) {
        if (!numbersValid) {
            return 0.0;
        }
        return kinds[field] == MILLIS ? numbers[field] / 1_000.0 : numbers[field];
    }

    private String string(final int index) {
        return kind == null ? null : header[index];
    }
}
