package dev.narration;

import java.util.Arrays;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.util.StringBuilderFormattable;

/**
 * A narration event: who ({@code actor}) did what ({@code action}) to what ({@code target}), told in one
 * operator-readable sentence ({@code human}), optionally also as a {@code cute} or {@code story} rendering, with
 * typed fields.
 *
 * <p>It is a plain Log4j {@link Message}, so it goes through any standard logger method that takes one:
 *
 * <pre>{@code
 * log.info(Narration.action("accept")
 *         .target(jobId)
 *         .human("Accepted request; queued at position {}", 3)
 *         .cute("Welcome to the queue, you're #3! 🎫")
 *         .field("queue_position", 3));
 * }</pre>
 *
 * <p>Values not set here come from the event's context ({@code actor}, {@code action}, {@code target},
 * {@code correlation_id} keys), and the actor finally from the logger name, so most calls need only
 * {@link #action(String)}, {@link #target(String)} and {@link #human(String)}.
 *
 * <p>A {@code Narration} is a builder until it is logged; once handed to a logger it must not be changed.
 * Log4j freezes its text on the calling thread before an asynchronous hand-off (as it does for
 * {@link ParameterizedMessage}), so mutable arguments are rendered as they were at the call. Numbers and booleans
 * given to {@code field} are stored unboxed and stay JSON numbers and booleans in the output.
 *
 * <p>Setters never throw: a {@code null} name or value is ignored, so a logging call can never fail the
 * application.
 */
public final class Narration implements Message, StringBuilderFormattable {
    private static final long serialVersionUID = 1L;
    private static final String[] NO_KEYS = {};

    /** How a field value is stored, so encoders can write it without boxing. */
    public enum FieldKind {
        STRING,
        LONG,
        DOUBLE,
        BOOLEAN,
        /** Any other object, rendered as a number, boolean or string according to its type. */
        OBJECT
    }

    private static final FieldKind[] KINDS = FieldKind.values();

    private String actor;
    private final String action;
    private String target;
    private String correlationId;
    private Message human;
    private String cute;
    private String story;

    private String[] keys = NO_KEYS;
    private byte[] kinds;
    private long[] primitives;
    private transient Object[] objects;
    private int fieldCount;

    private Narration(final String action) {
        this.action = action;
    }

    /** Starts a narration of the given action, a snake_case verb such as {@code accept} or {@code dispatch}. */
    public static Narration action(final String action) {
        return new Narration(action);
    }

    /**
     * Starts a narration without an action of its own: the action then comes from the context key
     * {@code action}, if any.
     */
    public static Narration event() {
        return new Narration(null);
    }

    /** Overrides the actor that would otherwise come from the context or be inferred from the logger name. */
    public Narration actor(final String actor) {
        this.actor = actor;
        return this;
    }

    /** What the action was done to: a job id, a pool, a function name. */
    public Narration target(final String target) {
        this.target = target;
        return this;
    }

    /** The correlation id of this event, overriding the context's {@code correlation_id}. */
    public Narration correlationId(final String correlationId) {
        this.correlationId = correlationId;
        return this;
    }

    /** The operator-readable sentence. */
    public Narration human(final String sentence) {
        this.human = sentence == null ? null : new ParameterizedMessage(sentence, (Object[]) null);
        return this;
    }

    /** The sentence with one {@code {}} placeholder, formatted as Log4j formats parameterized messages. */
    public Narration human(final String pattern, final Object arg) {
        this.human = pattern == null ? null : new ParameterizedMessage(pattern, arg);
        return this;
    }

    /** The sentence with two {@code {}} placeholders. */
    public Narration human(final String pattern, final Object arg0, final Object arg1) {
        this.human = pattern == null ? null : new ParameterizedMessage(pattern, arg0, arg1);
        return this;
    }

    /**
     * The sentence with any number of {@code {}} placeholders. A trailing {@link Throwable} without a placeholder
     * becomes the event's throwable, as with {@code logger.error("…", ex)}.
     */
    public Narration human(final String pattern, final Object... args) {
        this.human = pattern == null ? null : new ParameterizedMessage(pattern, args);
        return this;
    }

    /** A whimsical rendering of the same event (emoji welcome); omit it on hot paths. */
    public Narration cute(final String cute) {
        this.cute = cute;
        return this;
    }

    /** A dialogue rendering of the same event: {@code "Do you have 4GB?" asked orchestratord.} */
    public Narration story(final String story) {
        this.story = story;
        return this;
    }

    /** A text field. Setting a name again replaces its value. */
    public Narration field(final String name, final String value) {
        return value == null ? this : put(name, FieldKind.STRING, 0L, value);
    }

    /** An integral field, written as a JSON number. */
    public Narration field(final String name, final long value) {
        return put(name, FieldKind.LONG, value, null);
    }

    /** A floating-point field, written as a JSON number (non-finite values as strings). */
    public Narration field(final String name, final double value) {
        return put(name, FieldKind.DOUBLE, Double.doubleToRawLongBits(value), null);
    }

    /** A boolean field, written as a JSON boolean. */
    public Narration field(final String name, final boolean value) {
        return put(name, FieldKind.BOOLEAN, value ? 1L : 0L, null);
    }

    /**
     * Any other value: {@link Number}s and {@link Boolean}s keep their JSON type, everything else is written as
     * text (its {@code toString()}, rendered when the event is encoded).
     */
    public Narration field(final String name, final Object value) {
        return value == null ? this : put(name, FieldKind.OBJECT, 0L, value);
    }

    private Narration put(final String name, final FieldKind kind, final long primitive, final Object object) {
        if (name == null) {
            return this;
        }
        int index = indexOf(name);
        if (index < 0) {
            if (fieldCount == keys.length) {
                grow();
            }
            index = fieldCount++;
            keys[index] = name;
        }
        kinds[index] = (byte) kind.ordinal();
        primitives[index] = primitive;
        objects[index] = object;
        return this;
    }

    private void grow() {
        final int capacity = Math.max(4, keys.length * 2);
        keys = Arrays.copyOf(keys, capacity);
        kinds = kinds == null ? new byte[capacity] : Arrays.copyOf(kinds, capacity);
        primitives = primitives == null ? new long[capacity] : Arrays.copyOf(primitives, capacity);
        objects = objects == null ? new Object[capacity] : Arrays.copyOf(objects, capacity);
    }

    /** The index of the named field, or -1. */
    public int indexOf(final String name) {
        for (int i = 0; i < fieldCount; i++) {
            if (keys[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getCorrelationId() {
        return correlationId;
    }

    public String getCute() {
        return cute;
    }

    public String getStory() {
        return story;
    }

    /** Whether a {@code human} sentence was given. */
    public boolean hasHuman() {
        return human != null;
    }

    public int getFieldCount() {
        return fieldCount;
    }

    public String getFieldName(final int index) {
        return keys[checkIndex(index)];
    }

    public FieldKind getFieldKind(final int index) {
        return KINDS[kinds[checkIndex(index)]];
    }

    /** The value of a {@link FieldKind#LONG} field. */
    public long getFieldLong(final int index) {
        return primitives[checkIndex(index)];
    }

    /** The value of a {@link FieldKind#DOUBLE} field. */
    public double getFieldDouble(final int index) {
        return Double.longBitsToDouble(primitives[checkIndex(index)]);
    }

    /** The value of a {@link FieldKind#BOOLEAN} field. */
    public boolean getFieldBoolean(final int index) {
        return primitives[checkIndex(index)] != 0L;
    }

    /** The value of any field as an object (primitives boxed): for tests and tools, not hot paths. */
    public Object getFieldValue(final int index) {
        switch (getFieldKind(index)) {
            case LONG:
                return getFieldLong(index);
            case DOUBLE:
                return getFieldDouble(index);
            case BOOLEAN:
                return getFieldBoolean(index);
            default:
                return objects[index];
        }
    }

    private int checkIndex(final int index) {
        if (index < 0 || index >= fieldCount) {
            throw new IndexOutOfBoundsException("field index " + index + " of " + fieldCount);
        }
        return index;
    }

    /** The {@code human} sentence; empty when none was given. */
    @Override
    public String getFormattedMessage() {
        return human == null ? "" : human.getFormattedMessage();
    }

    @Override
    public void formatTo(final StringBuilder buffer) {
        if (human instanceof StringBuilderFormattable) {
            ((StringBuilderFormattable) human).formatTo(buffer);
        } else if (human != null) {
            buffer.append(human.getFormattedMessage());
        }
    }

    @Override
    public String getFormat() {
        return human == null ? "" : human.getFormat();
    }

    @Override
    public Object[] getParameters() {
        return human == null ? null : human.getParameters();
    }

    @Override
    public Throwable getThrowable() {
        return human == null ? null : human.getThrowable();
    }

    @Override
    public String toString() {
        return getFormattedMessage();
    }
}
