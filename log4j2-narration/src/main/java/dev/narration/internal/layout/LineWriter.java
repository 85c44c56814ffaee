package dev.narration.internal.layout;

import dev.narration.NarrationFields;
import dev.narration.internal.event.ActorInference;
import dev.narration.internal.event.ContextKeyPlans;
import dev.narration.internal.event.ContextRoots;
import dev.narration.internal.event.ContextTypes;
import dev.narration.internal.event.EventNarration;
import dev.narration.internal.event.FieldKeys;
import dev.narration.internal.event.KeyRenames;
import dev.narration.internal.event.MarkerNames;
import dev.narration.internal.event.MessagePieces;
import dev.narration.internal.event.Renderings;
import dev.narration.internal.event.StructuredFieldVisitor;
import dev.narration.internal.event.ThrowableChain;
import dev.narration.internal.json.EpochNanosWriter;
import dev.narration.internal.json.IsoTimestampWriter;
import dev.narration.internal.json.JsonLine;
import dev.narration.internal.json.RememberedPieces;
import dev.narration.internal.json.StackTraceHash;
import dev.narration.internal.json.StackTraceLimits;
import dev.narration.internal.json.StackTraceShape;
import dev.narration.internal.json.StackTraceWriter;
import dev.narration.internal.redact.EventRedaction;
import dev.narration.internal.redact.RedactionEngine;
import dev.narration.internal.redact.ScanBuffer;
import dev.narration.internal.trace.TraceFields;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.time.Instant;
import org.apache.logging.log4j.message.Message;

/**
 * Writes one line of {@code NarrationJsonLayout} in the shape of a {@link LineSchema}: the schema chooses the keys and
 * their order (the default narration line of docs/layout.md#the-line, or a backend's, docs/schemas.md), this writer
 * the values, each read through the event view ({@link EventNarration}, {@link StructuredFieldVisitor}) and, with
 * {@code <Redaction>}, masked by the one redaction of an event's surfaces ({@link EventRedaction}) as it is written,
 * and cut by {@code maxStringLength}. So every schema writes the same values with the same masks and cuts. One
 * instance per thread holds the reusable buffers and the per-event state that the allocation-free context iteration
 * needs.
 *
 * <p>The schema calls the writing methods in its order; each takes the member's pre-encoded opening (its separator,
 * its key and what comes before the value) and returns whether it wrote the member, so that a schema can close a
 * member that the value does not end (the two closing braces after an OTLP attribute's value).
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
    /** What a cut line gains beside the values: its {@code truncated} member, and room for escapes that cut values end in. */
    private static final int CUT_RESERVE = 64;
    /** The bytes {@link #TRUNCATION_SUFFIX} takes, which each cut value gains. */
    private static final int SUFFIX_BYTES = TRUNCATION_SUFFIX.getBytes(StandardCharsets.UTF_8).length;
    /** Rewrites with the sizes measured in the last pass; a text with many escapes may need another. */
    private static final int FIT_PASSES = 4;

    private static final int FIELD_OPENINGS = 32;
    private static final int FIELD_OPENING_BYTES = 96;
    /** The layouts (schema and options) a thread remembers context keys for at once. */
    private static final int REMEMBERED_OUTPUTS = 4;
    /** Outside an attribute list: keys carry their own separator. */
    private static final int NO_LIST = -1;

    // The JSON types of a field's value, which an OTLP attribute names before the value.
    private static final int STRING = 0;
    private static final int INT = 1;
    private static final int DOUBLE = 2;
    private static final int BOOL = 3;
    private static final byte[][] ATTRIBUTE_VALUES = {
        JsonLine.fixed("\",\"value\":{\"stringValue\":"),
        JsonLine.fixed("\",\"value\":{\"intValue\":"),
        JsonLine.fixed("\",\"value\":{\"doubleValue\":"),
        JsonLine.fixed("\",\"value\":{\"boolValue\":"),
    };
    private static final byte[] ATTRIBUTE_KEY = JsonLine.fixed("{\"key\":\"");
    private static final byte[] NEXT_ATTRIBUTE_KEY = JsonLine.fixed(",{\"key\":\"");
    private static final byte[] ATTRIBUTE_END = JsonLine.fixed("}}");

    private final JsonLine line = new JsonLine(1024);

    private final StringBuilder scratch = new StringBuilder(256);
    /** Fields' openings by key ({@link #fieldKey}), tagged 0 for a member's and 1 + kind for an attribute's. */
    private final RememberedPieces fieldOpenings = new RememberedPieces(FIELD_OPENINGS, FIELD_OPENING_BYTES);
    private final IsoTimestampWriter timestamps = new IsoTimestampWriter();
    private final EpochNanosWriter epochNanos = new EpochNanosWriter();
    private final StructuredFieldVisitor fields = new StructuredFieldVisitor() {
        @Override
        protected void visitString(final String prefix, final String name, final CharSequence value) {
            final String mask = maskOf(name, value);
            fieldKey(prefix, name, STRING);
            if (mask != null) {
                quotedMask(mask);
            } else {
                quoted(value);
            }
            fieldEnd();
        }

        @Override
        protected void visitLong(final String prefix, final String name, final long value) {
            final String mask = maskOf(name);
            fieldKey(prefix, name, mask == null ? INT : STRING);
            if (mask != null) {
                quotedMask(mask);
            } else {
                integer(value);
            }
            fieldEnd();
        }

        @Override
        protected void visitDouble(final String prefix, final String name, final double value) {
            final String mask = maskOf(name);
            fieldKey(prefix, name, mask == null ? DOUBLE : STRING);
            if (mask != null) {
                quotedMask(mask);
            } else {
                number(value);
            }
            fieldEnd();
        }

        @Override
        protected void visitBoolean(final String prefix, final String name, final boolean value) {
            final String mask = maskOf(name);
            fieldKey(prefix, name, mask == null ? BOOL : STRING);
            if (mask != null) {
                quotedMask(mask);
            } else {
                out.append(value);
            }
            fieldEnd();
        }

        @Override
        protected void visitObject(final String prefix, final String name, final Object value) {
            final String mask = maskOf(name, value);
            fieldKey(prefix, name, mask == null ? kindOf(value) : STRING);
            if (mask != null) {
                quotedMask(mask);
            } else {
                recurring = true;
                value(value);
                recurring = false;
            }
            fieldEnd();
        }

        @Override
        protected boolean isOutputKey(final String key) {
            return schema.reservesKeys() && output.reserves(key);
        }

        @Override
        protected ContextKeyPlans plans() {
            return output.plans();
        }

        @Override
        protected boolean keepsContext(final String key) {
            return options.context().keepsAll() || options.context().keeps(key);
        }

        @Override
        protected KeyRenames renames() {
            return options.renames();
        }

        @Override
        protected ContextTypes types() {
            return options.types();
        }

        @Override
        protected boolean typesText(final String name, final String text) {
            return masking == null || masking.text(text, true) == text;
        }

        @Override
        protected void visitNumber(final String prefix, final String name, final String text) {
            fieldKey(prefix, name, DOUBLE);
            out.append(text);
            if (ContextTypes.isIntegral(text)) {
                // Declared a double: written as one, which JSON readers tell from an integer.
                out.append(".0");
            }
            fieldEnd();
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
    private final MarkerNames markers = new MarkerNames();
    /** The context's root values, read once per event: a schema may write an id in more than one form. */
    private final ContextRoots roots = new ContextRoots();
    private final HexIdForms traceIdForms = new HexIdForms();
    private final HexIdForms spanIdForms = new HexIdForms();
    /**
     * What this thread remembers for each of the last few layouts it wrote through (OutputMemory), by their schema
     * and options: a thread that writes through a console and a file layout in turn keeps both.
     */
    private final OutputMemory[] outputs = new OutputMemory[REMEMBERED_OUTPUTS];
    private int nextOutput;
    /** What this thread remembers for the layout of the line being written. */
    private OutputMemory output;
    /** The redaction of this event, or {@code null} without {@code <Redaction>}. */
    private EventRedaction masking;
    /** Whether the value being written is a field's or the context's, often the same object on many events. */
    private boolean recurring;
    private JsonLine out;
    private int maxStringLength;
    private LineOptions options = LineOptions.DEFAULTS;
    private StackTraceShape stackTraceShape = StackTraceShape.JDK;
    private LogEvent event;
    private LineSchema schema;
    private ActorInference actors;
    /** Where the attribute list being written starts, whose first member has no separator; {@link #NO_LIST} outside. */
    private int listStart = NO_LIST;
    /** Whether fields are written as OTLP attributes rather than as members of the line's object. */
    private boolean attributes;
    /** The stack trace's bounds: the defaults, or less for a line cut to {@code maxLineBytes}. */
    private StackTraceLimits stackTraceLimits = StackTraceLimits.DEFAULTS;
    /** Whether this line is cut to {@code maxLineBytes}, so it says so; and which parts it leaves out to fit. */
    private boolean truncatedLine;
    private boolean withoutStackTrace;
    private boolean withoutFields;
    /** With {@code maxLineBytes}, the bytes of each text value written, to choose the cut: the largest first. */
    private int[] valueSizes = new int[32];
    private int valueCount;
    private int stackTraceSize;

    private OutputMemory memoryFor(final LineSchema lineSchema, final LineOptions lineOptions) {
        for (final OutputMemory remembered : outputs) {
            if (remembered != null && remembered.isFor(lineSchema, lineOptions)) {
                return remembered;
            }
        }
        final int i = nextOutput;
        nextOutput = (i + 1) % REMEMBERED_OUTPUTS;
        if (outputs[i] == null) {
            outputs[i] = new OutputMemory();
        }
        outputs[i].reset(lineSchema, lineOptions);
        return outputs[i];
    }

    /** The thread's line buffer, emptied, for the next event. */
    public JsonLine lineBuffer() {
        line.clear(RETAINED_LINE_CAPACITY);
        return line;
    }

    /**
     * Writes the event's line in the schema's shape into {@code target}; {@code engine} masks it, or is {@code null}
     * for no redaction.
     */
    public void write(
            final LogEvent logEvent,
            final JsonLine target,
            final LineSchema lineSchema,
            final ActorInference actorInference,
            final int maxLength,
            final RedactionEngine engine,
            final LineOptions lineOptions) {
        this.out = target;
        this.options = lineOptions;
        this.stackTraceShape = lineOptions.stackTraces();
        this.event = logEvent;
        this.schema = lineSchema;
        this.actors = actorInference;
        this.masking = engine == null ? null : redaction.use(engine);
        this.maxStringLength = maxLength;
        this.output = memoryFor(lineSchema, lineOptions);
        fields.load(logEvent);
        try {
            roots.read(logEvent.getContextData());
            lineSchema.write(this, logEvent);
            final int cap = lineOptions.maxLineBytes();
            if (cap > 0 && target.length() > cap) {
                fit(logEvent, target, lineSchema, cap);
            }
        } finally {
            fields.clear();
            chain.clear();
            markers.clear();
            this.out = null;
            this.event = null;
            roots.clear();
            this.schema = null;
            this.actors = null;
            this.masking = null;
            this.output = null;
            this.recurring = false;
            this.listStart = NO_LIST;
            this.attributes = false;
            this.options = LineOptions.DEFAULTS;
            this.stackTraceShape = StackTraceShape.JDK;
            this.stackTraceLimits = StackTraceLimits.DEFAULTS;
            this.truncatedLine = false;
            this.withoutStackTrace = false;
            this.withoutFields = false;
            this.valueCount = 0;
            this.stackTraceSize = 0;
            if (scratch.capacity() > 4096) {
                scratch.setLength(0);
                scratch.trimToSize();
            }
            redaction.trim();
        }
    }

    /**
     * Writes again a line that came out over {@code cap} bytes, until it fits: the stack trace cut first, down to its
     * smallest bound, then the largest text values (the message among them) to one length, which each pass lowers to
     * what the last pass measured. Then, if still over, without the stack trace and the fields; at last, the failure
     * line. Only lines over the cap take this path; each pass writes the one line again.
     */
    private void fit(final LogEvent logEvent, final JsonLine target, final LineSchema lineSchema, final int cap) {
        final int configured = maxStringLength;
        truncatedLine = true;
        for (int pass = 0; pass <= FIT_PASSES && target.length() > cap; pass++) {
            int over = target.length() - cap + CUT_RESERVE;
            if (pass == FIT_PASSES) {
                withoutStackTrace = true;
                withoutFields = true;
                maxStringLength = 64;
            } else {
                if (stackTraceSize > 0) {
                    final int bytes = Math.max(StackTraceLimits.MIN_BYTES, stackTraceSize - over);
                    over -= stackTraceSize - bytes;
                    stackTraceLimits = new StackTraceLimits(StackTraceLimits.DEFAULT_MAX_FRAMES, bytes);
                }
                if (over > 0) {
                    final int level = waterLevel(over);
                    int limit = level;
                    if (pass > 0 && maxStringLength > 0) {
                        // The level is in bytes, the limit in characters: scale by what the largest cut value took.
                        final int largest = largestValue();
                        limit = (int) Math.min(maxStringLength - 1L, (long) maxStringLength * level / Math.max(1, largest));
                    }
                    maxStringLength = Math.max(1, configured > 0 ? Math.min(configured, limit) : limit);
                }
            }
            target.setLength(0);
            valueCount = 0;
            stackTraceSize = 0;
            listStart = NO_LIST;
            attributes = false;
            recurring = false;
            lineSchema.write(this, logEvent);
        }
        maxStringLength = configured;
        if (target.length() > cap) {
            writeFailure(logEvent, target, lineSchema, "the line is over maxLineBytes=" + cap + " without its values");
        }
    }

    /**
     * The length to cut the text values to so that they lose at least {@code over} bytes: the largest length at which
     * the values longer than it, each cut to it and given the suffix, shed that much.
     */
    private int waterLevel(final int over) {
        int low = 0;
        int high = largestValue();
        while (low < high) {
            final int mid = (low + high + 1) >>> 1;
            long shed = 0;
            for (int i = 0; i < valueCount; i++) {
                shed += Math.max(0, valueSizes[i] - mid - SUFFIX_BYTES);
            }
            if (shed >= over) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return Math.max(1, low);
    }

    private int largestValue() {
        int largest = 0;
        for (int i = 0; i < valueCount; i++) {
            largest = Math.max(largest, valueSizes[i]);
        }
        return largest;
    }

    /** With {@code maxLineBytes}, remembers the bytes of a text value just written. */
    private void measured(final int start) {
        if (options.maxLineBytes() > 0) {
            if (valueCount == valueSizes.length) {
                valueSizes = Arrays.copyOf(valueSizes, valueCount * 2);
            }
            valueSizes[valueCount++] = out.length() - start;
        }
    }

    /** The member that says the line was cut to {@code maxLineBytes} ({@code ,"truncated":true}); nothing otherwise. */
    boolean truncated(final byte[] member) {
        if (!truncatedLine) {
            return false;
        }
        openKey(member);
        return true;
    }

    /**
     * Replaces whatever {@link #write} left in {@code target} with the schema's failure line: what identifies the
     * event and the error, so that an encoding bug never loses the event.
     */
    public void writeFailure(final LogEvent logEvent, final JsonLine target, final LineSchema lineSchema, final String error) {
        target.setLength(0);
        this.out = target;
        this.event = logEvent;
        try {
            lineSchema.writeFailure(this, logEvent, error);
        } finally {
            this.out = null;
            this.event = null;
        }
    }

    /** The line being written, for a schema's fixed pieces. */
    JsonLine out() {
        return out;
    }

    /** The event's instant as ISO-8601 UTC with milliseconds, unquoted. */
    void timestamp() {
        final Instant instant = event.getInstant();
        timestamps.write(out, instant.getEpochSecond(), instant.getNanoOfSecond());
    }

    /**
     * The event's instant in nanoseconds since the epoch, unquoted: OTLP/JSON quotes its 64-bit integers, and the
     * schema's fixed pieces around the digits carry the quotes.
     */
    void epochNanos() {
        final Instant instant = event.getInstant();
        epochNanos.write(out, instant.getEpochSecond(), instant.getNanoOfSecond());
    }

    /** Starts an attribute list at this point of the line: its first member is written without a separator. */
    void startList() {
        listStart = out.length();
    }

    void endList() {
        listStart = NO_LIST;
    }

    /** Writes the fields (message fields, then context entries) as OTLP attributes rather than as members. */
    void fieldsAsAttributes() {
        if (withoutFields) {
            return;
        }
        attributes = true;
        try {
            fields.visitLoaded(event);
        } finally {
            attributes = false;
        }
    }

    /** Writes the fields (message fields, then context entries) as members of the line's object. */
    void fields() {
        if (!withoutFields) {
            fields.visitLoaded(event);
        }
    }

    boolean actor(final byte[] key) {
        final String given = EventNarration.givenActor(event, roots);
        return given == null ? identifier(key, actors.actorOf(event.getLoggerName())) : named(key, FieldKeys.ACTOR, given);
    }

    boolean action(final byte[] key) {
        final TraceFields trace = fields.trace();
        final String given = EventNarration.givenAction(event, trace, roots);
        return given == null ? identifier(key, trace == null ? null : trace.kindAction()) : named(key, FieldKeys.ACTION, given);
    }

    boolean target(final byte[] key) {
        return string(key, FieldKeys.TARGET, EventNarration.target(event, fields.trace(), roots));
    }

    boolean cute(final byte[] key) {
        return string(key, FieldKeys.CUTE, EventNarration.cute(event));
    }

    boolean story(final byte[] key) {
        return string(key, FieldKeys.STORY, EventNarration.story(event));
    }

    boolean correlationId(final byte[] key) {
        return named(key, FieldKeys.CORRELATION_ID, EventNarration.correlationId(event, fields.trace(), roots));
    }

    boolean traceId(final byte[] key) {
        return named(key, FieldKeys.TRACE_ID, roots.traceId());
    }

    boolean spanId(final byte[] key) {
        return named(key, FieldKeys.SPAN_ID, roots.spanId());
    }

    /** The trace id as {@link #traceId} writes it (masked with {@code <Redaction>}), in the forms schemas convert it to. */
    HexIdForms traceIdForms() {
        return traceIdForms.read(safe(FieldKeys.TRACE_ID, roots.traceId()));
    }

    /** The span id as {@link #spanId} writes it, in the forms schemas convert it to. */
    HexIdForms spanIdForms() {
        return spanIdForms.read(safe(FieldKeys.SPAN_ID, roots.spanId()));
    }

    /** The span's W3C trace flags (bit 0: sampled), or -1 when the event carries none that parse. */
    int traceFlags() {
        return TraceIds.flags(safe(NarrationFields.TRACE_FLAGS, roots.traceFlags()));
    }

    private CharSequence safe(final String name, final String value) {
        return value == null || masking == null ? value : masking.keyed(name, value, true);
    }

    /**
     * The names of the event's marker and its parents ({@link MarkerNames}) as a JSON array: {@code open}, each name
     * between {@code itemOpen} and {@code itemClose}, then {@code close}; nothing without a marker.
     */
    boolean tags(final byte[] open, final byte[] itemOpen, final byte[] itemClose, final byte[] close) {
        final MarkerNames names = markers.read(event.getMarker());
        final int n = names.size();
        if (n == 0) {
            return false;
        }
        openKey(open);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(itemOpen).escapedRecurring(names.name(i)).append(itemClose);
        }
        out.append(close);
        return true;
    }

    /** The {@code human} sentence; nothing when the event has none (a {@code MapMessage} without {@code message}). */
    boolean human(final byte[] key) {
        scratch.setLength(0);
        Message message = null;
        try {
            final Message formatted = event.getMessage();
            EventNarration.formatHuman(formatted, scratch);
            message = formatted;
        } catch (RuntimeException e) {
            scratch.append("<message formatting failed: ").append(e.getClass().getName()).append('>');
        }
        if (scratch.length() == 0) {
            return false;
        }
        openKey(key);
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
        return true;
    }

    /**
     * Writes the message's text, in {@link #scratch}, from {@code copy}, its characters (when not {@code null}): as
     * its format's pieces, escaped once per format, and its arguments, when the text holds the pieces.
     */
    private void cleanMessage(final char[] copy, final MessagePieces pieces) {
        final int n = scratch.length();
        if (pieces != null && (maxStringLength <= 0 || n <= maxStringLength)) {
            final int start = out.length();
            out.escaped(copy, n, pieces).append('"');
            measured(start);
        } else {
            closed(scratch, copy);
        }
    }

    /**
     * Where the event was logged, for a schema whose layout includes location ({@code includeLocation="true"}, which
     * makes Log4j capture it); {@code null} when Log4j did not.
     */
    StackTraceElement source() {
        return event.getSource();
    }

    boolean logger(final byte[] key) {
        return identifier(key, event.getLoggerName());
    }

    boolean thread(final byte[] key) {
        return identifier(key, event.getThreadName());
    }

    boolean exceptionType(final byte[] key) {
        final Throwable thrown = event.getThrown();
        return thrown != null && identifier(key, Renderings.classNameOf(thrown));
    }

    boolean exceptionMessage(final byte[] key) {
        final Throwable thrown = event.getThrown();
        final String message = thrown == null ? null : Renderings.messageOf(thrown);
        if (message == null) {
            return false;
        }
        openKey(key);
        closed(masking == null ? message : masking.text(message, false));
        return true;
    }

    /** The throwable's stack trace, walked once for both the text and redaction ({@link ThrowableChain}). */
    boolean stackTrace(final byte[] key) {
        final Throwable thrown = event.getThrown();
        if (thrown == null || withoutStackTrace) {
            return false;
        }
        openKey(key);
        final int start = out.length();
        stackTraces.write(out, walked(thrown), masking == null ? StackTraceWriter.AS_THEY_ARE : maskedMessages,
                stackTraceLimits, stackTraceShape);
        out.append('"');
        stackTraceSize = out.length() - start;
        return true;
    }

    /**
     * With {@code stackTraceHash="true"}, the hash of the throwable's chain ({@link StackTraceHash}) as 8 hex digits,
     * from the walk the stack trace made.
     */
    boolean stackTraceHash(final byte[] key) {
        final Throwable thrown = event.getThrown();
        if (thrown == null || !stackTraceShape.hash()) {
            return false;
        }
        openKey(key);
        StackTraceHash.writeHex(out, StackTraceHash.of(walked(thrown), stackTraceShape, StackTraceLimits.DEFAULTS));
        out.append('"');
        return true;
    }

    /** The chain of the event's throwable, walked once per event whoever asks first. */
    private ThrowableChain walked(final Throwable thrown) {
        return chain.size() > 0 && chain.throwable(0) == thrown ? chain : chain.walk(thrown);
    }

    /**
     * A name chosen by code, not data (the level, an inferred actor, a helper's kind, the logger, the thread, the
     * exception's class): never cut by {@code maxStringLength}, and no surface of redaction.
     */
    boolean identifier(final byte[] key, final String value) {
        if (value == null) {
            return false;
        }
        openKey(key);
        out.escapedRecurring(value).append('"');
        return true;
    }

    /**
     * A part of the event's source location (a file, a method): chosen by code like an identifier, but a fresh
     * string on every event, so not remembered.
     */
    boolean location(final byte[] key, final String value) {
        if (value == null) {
            return false;
        }
        openKey(key);
        out.escaped(value).append('"');
        return true;
    }

    /** The qualified name of the source's method, {@code Class.method}, as {@link #location} writes a part. */
    boolean function(final byte[] key, final StackTraceElement source) {
        openKey(key);
        if (source.getClassName() != null) {
            out.escaped(source.getClassName()).append('.');
        }
        if (source.getMethodName() != null) {
            out.escaped(source.getMethodName());
        }
        out.append('"');
        return true;
    }

    /** A number chosen by code (a source line): {@code key} then its digits. */
    boolean digits(final byte[] key, final long value) {
        openKey(key);
        out.append(value);
        return true;
    }

    /**
     * A root value that is data but names something (a given actor or action, the ids): masked as its key's value
     * with {@code <Redaction>}, never cut by {@code maxStringLength}.
     */
    boolean named(final byte[] key, final String name, final String value) {
        if (value == null) {
            return false;
        }
        final CharSequence safe = masking == null ? value : masking.keyed(name, value, true);
        openKey(key);
        if (safe instanceof String) {
            out.escapedRecurring((String) safe);
        } else {
            out.escaped(safe);
        }
        out.append('"');
        return true;
    }

    /** A root text value, masked as its key's value with {@code <Redaction>} and cut by {@code maxStringLength}. */
    boolean string(final byte[] key, final String name, final String value) {
        if (value == null) {
            return false;
        }
        openKey(key);
        closed(masking == null ? value : masking.keyed(name, value, true));
        return true;
    }

    /**
     * Appends a member's opening. Outside an attribute list a key carries its own separator; inside one (whose keys
     * carry none) a separator comes first, except before the list's first member.
     */
    private void openKey(final byte[] key) {
        if (listStart != NO_LIST && out.length() != listStart) {
            out.append(',');
        }
        out.append(key);
    }

    /**
     * With {@code <Redaction>}, the mask of a sensitive key that replaces its value, when the value is not empty;
     * {@code null} otherwise.
     */
    private String maskOf(final String name, final Object value) {
        return masking == null ? null : masking.maskFor(name, value);
    }

    /** As {@link #maskOf(String, Object)}, for a number or boolean. */
    private String maskOf(final String name) {
        return masking == null ? null : masking.maskFor(name);
    }

    private void quotedMask(final String mask) {
        out.append('"').escapedRecurring(mask).append('"');
    }

    /**
     * Writes the key of a user-supplied field: {@code ,"prefixkey":} as a member, or, as an OTLP attribute, its
     * {@code key} member and the opening of its {@code value} object, which names the value's type
     * ({@code stringValue}, {@code intValue}, …). An unprefixed key's opening, after the first member, is remembered:
     * context keys recur as the same strings, and the opening is then one copy instead of three.
     */
    private void fieldKey(final String prefix, final String key, final int kind) {
        final boolean first = attributes && out.length() == listStart;
        if (prefix != null || first) {
            openField(prefix, key, kind, first);
            return;
        }
        final int tag = attributes ? 1 + kind : 0;
        if (!fieldOpenings.appendTo(out, key, tag)) {
            final int start = out.length();
            openField(null, key, kind, false);
            fieldOpenings.remember(out, start, key, tag);
        }
    }

    private void openField(final String prefix, final String key, final int kind, final boolean first) {
        if (attributes) {
            out.append(first ? ATTRIBUTE_KEY : NEXT_ATTRIBUTE_KEY);
        } else {
            out.append(',').append('"');
        }
        if (prefix != null) {
            out.append(prefix);
        }
        out.escapedRecurring(key);
        if (attributes) {
            out.append(ATTRIBUTE_VALUES[kind]);
        } else {
            out.append('"').append(':');
        }
    }

    private void fieldEnd() {
        if (attributes) {
            out.append(ATTRIBUTE_END);
        }
    }

    /** An integral field value: a JSON number, or a decimal string as OTLP/JSON writes 64-bit integers. */
    private void integer(final long value) {
        if (attributes) {
            out.append('"').append(value).append('"');
        } else {
            out.append(value);
        }
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
        final int start = out.length();
        if (recurring && safe instanceof String && (maxStringLength <= 0 || safe.length() <= maxStringLength)) {
            out.escapedRecurring((String) safe);
        } else {
            out.escaped(safe, copy, maxStringLength, TRUNCATION_SUFFIX);
        }
        out.append('"');
        measured(start);
    }

    private void quoted(final CharSequence value) {
        out.append('"');
        text(value);
    }

    /**
     * The JSON type {@link #value} gives a value: the types {@link Renderings#isJsonScalar} names as numbers or
     * booleans, anything else text. {@code BigDecimal} and {@code BigInteger} are numbers of any size: exact as a
     * member's JSON number, text as an OTLP attribute, whose numbers are 64-bit.
     */
    private int kindOf(final Object value) {
        if (value instanceof String) {
            return STRING;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return INT;
        }
        if (value instanceof Double || value instanceof Float) {
            return DOUBLE;
        }
        if (value instanceof Boolean) {
            return BOOL;
        }
        return STRING;
    }

    /** A value of any type, written as {@link #kindOf} says. */
    private void value(final Object value) {
        if (value instanceof String) {
            quoted((String) value);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            integer(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            number(((Number) value).doubleValue());
        } else if (value instanceof BigDecimal || value instanceof BigInteger) {
            if (attributes) {
                out.append('"').append(value.toString()).append('"');
            } else {
                out.append(value.toString());
            }
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
