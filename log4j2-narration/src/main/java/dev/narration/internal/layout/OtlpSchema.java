package dev.narration.internal.layout;

import dev.narration.internal.event.FieldKeys;
import dev.narration.internal.json.JsonLine;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;

/**
 * Each line one OTLP/JSON {@code ExportLogsServiceRequest} (docs/schemas.md#otel), the form the OpenTelemetry
 * Collector's file exporter writes and its {@code otlpjsonfile} receiver reads: the service identity as resource
 * attributes, the logger as the instrumentation scope, one log record with its severity, its body, typed attributes
 * (the narration under {@code narration.}, the fields under their own names, the semantic conventions'
 * {@code thread.name}, {@code exception.*} and {@code code.*}), the span's ids in hex and its trace flags.
 */
final class OtlpSchema extends LineSchema {
    private static final String SCOPE = ",\"scopeLogs\":[{\"scope\":{\"name\":\"";
    /** Up to the opening quote of {@code timeUnixNano}'s digits; the severity pieces close it. */
    private static final byte[] RECORD = JsonLine.fixed("},\"logRecords\":[{\"timeUnixNano\":\"");
    /** Each band's standard level, whose number and text are written as one piece ({@link #SEVERITY_WITH_TEXT}). */
    private static final Level[] BAND_LEVELS = {Level.FATAL, Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG, Level.TRACE};
    /** OTLP's {@code SeverityNumber} of each band's standard level. */
    private static final int[] BAND_NUMBERS = {21, 17, 13, 9, 5, 1};
    /** From the closing quote of {@code timeUnixNano} to the severity number, by band. */
    private static final byte[][] SEVERITY = new byte[BAND_NUMBERS.length][];
    /** As {@link #SEVERITY}, with the standard level's name as {@code severityText}. */
    private static final byte[][] SEVERITY_WITH_TEXT = new byte[BAND_NUMBERS.length][];

    private static final byte[] SEVERITY_TEXT = key("severityText");
    private static final String BODY_KEY = ",\"body\":{\"stringValue\":\"";
    private static final byte[] BODY = JsonLine.fixed(BODY_KEY);
    /** {@link #SEVERITY_WITH_TEXT} followed by {@link #BODY}, by band. */
    private static final byte[][] SEVERITY_AND_BODY = new byte[BAND_NUMBERS.length][];
    private static final String ATTRIBUTES_KEY = ",\"attributes\":[";
    private static final byte[] ATTRIBUTES = JsonLine.fixed(ATTRIBUTES_KEY);
    /** The attribute list's opening and the actor's attribute, the first of the list. */
    private static final byte[] ATTRIBUTES_AND_ACTOR = JsonLine.fixed(ATTRIBUTES_KEY + attributeOpening("narration.actor"));

    static {
        for (int band = 0; band < BAND_NUMBERS.length; band++) {
            final String number = "\",\"severityNumber\":" + BAND_NUMBERS[band];
            SEVERITY[band] = JsonLine.fixed(number);
            final String withText = number + ",\"severityText\":\"" + BAND_LEVELS[band].name() + '"';
            SEVERITY_WITH_TEXT[band] = JsonLine.fixed(withText);
            SEVERITY_AND_BODY[band] = JsonLine.fixed(withText + BODY_KEY);
        }
    }

    private static final byte[] ACTION = attribute("narration.action");
    private static final byte[] TARGET = attribute("narration.target");
    private static final byte[] CUTE = attribute("narration.cute");
    private static final byte[] STORY = attribute("narration.story");
    private static final byte[] CORRELATION_ID = attribute("narration.correlation_id");
    private static final byte[] TRACE_ID_TEXT = attribute("narration.trace_id");
    private static final byte[] SPAN_ID_TEXT = attribute("narration.span_id");
    private static final byte[] TAGS = JsonLine.fixed("{\"key\":\"narration.tags\",\"value\":{\"arrayValue\":{\"values\":[");
    private static final byte[] TAG = JsonLine.fixed("{\"stringValue\":\"");
    private static final byte[] TAG_END = JsonLine.fixed("\"}");
    private static final byte[] TAGS_END = JsonLine.fixed("]}}}");
    private static final byte[] THREAD = attribute("thread.name");
    private static final byte[] FUNCTION = attribute("code.function.name");
    private static final byte[] FILE = attribute("code.file.path");
    private static final byte[] LINE = JsonLine.fixed("{\"key\":\"code.line.number\",\"value\":{\"intValue\":\"");
    private static final byte[] EXCEPTION_TYPE = attribute(FieldKeys.EXCEPTION_TYPE);
    private static final byte[] EXCEPTION_MESSAGE = attribute(FieldKeys.EXCEPTION_MESSAGE);
    private static final byte[] EXCEPTION_STACKTRACE = attribute(FieldKeys.EXCEPTION_STACKTRACE);
    private static final byte[] EXCEPTION_HASH = attribute("narration.exception.hash");
    private static final byte[] TRUNCATED = JsonLine.fixed("{\"key\":\"narration.truncated\",\"value\":{\"boolValue\":true}}");
    private static final byte[] ENCODING_ERROR = attribute("narration.encoding_error");
    /** What closes a string attribute after its value's closing quote. */
    private static final byte[] ATTRIBUTE_END = JsonLine.fixed("}}");
    private static final byte[] TRACE_ID = JsonLine.fixed(",\"traceId\":\"");
    private static final byte[] SPAN_ID = JsonLine.fixed(",\"spanId\":\"");
    private static final byte[] FLAGS = JsonLine.fixed(",\"flags\":");
    /** The scope's name follows the fixed opening directly. */
    private static final byte[] NO_KEY = new byte[0];
    private static final byte[] RECORD_END = JsonLine.fixed("}]}]}]}\n");

    /** The request's opening up to the scope's name: the service identity as resource attributes, fixed per layout. */
    private final byte[] resourceAndScope;
    private final boolean includeLocation;

    OtlpSchema(final ServiceIdentity service, final boolean includeLocation) {
        this.includeLocation = includeLocation;
        final JsonLine attributes = new JsonLine(256);
        resourceAttribute(attributes, FieldKeys.SERVICE_NAME, service.name());
        resourceAttribute(attributes, FieldKeys.SERVICE_VERSION, service.version());
        resourceAttribute(attributes, FieldKeys.SERVICE_INSTANCE_ID, service.instanceId());
        resourceAttribute(attributes, FieldKeys.DEPLOYMENT_ENVIRONMENT, service.environment());
        // Each attribute came with a separator; the list's first needs none.
        this.resourceAndScope = JsonLine.fixed("{\"resourceLogs\":[{\"resource\":{\"attributes\":["
                + attributes.toString().substring(1) + "]}" + SCOPE);
    }

    /**
     * The opening of a string attribute, up to its value's opening quote: its {@code key}, then {@code value} with its
     * {@code stringValue}. It carries no separator: {@link LineWriter} writes one before every attribute but the first.
     */
    private static byte[] attribute(final String name) {
        return JsonLine.fixed(attributeOpening(name));
    }

    private static String attributeOpening(final String name) {
        return "{\"key\":\"" + name + "\",\"value\":{\"stringValue\":\"";
    }

    private static void resourceAttribute(final JsonLine out, final String key, final String value) {
        if (value != null) {
            out.append(",{\"key\":\"").append(key).append("\",\"value\":{\"stringValue\":\"").escaped(value).append("\"}}");
        }
    }

    @Override
    public String name() {
        return "otel";
    }

    @Override
    void write(final LineWriter w, final LogEvent event) {
        final JsonLine out = w.out();
        scopeAndTime(w, out);
        final Level level = event.getLevel();
        final int band = band(level);
        // Each fixed piece is a copy: the severity, the body's key and the actor's come with what precedes them.
        final boolean body;
        if (level == BAND_LEVELS[band]) {
            body = w.human(SEVERITY_AND_BODY[band]);
            if (!body) {
                out.append(SEVERITY_WITH_TEXT[band]);
            }
        } else {
            out.append(SEVERITY[band]);
            w.identifier(SEVERITY_TEXT, level.name());
            body = w.human(BODY);
        }
        if (body) {
            out.append('}');
        }
        final boolean hexTraceId = w.traceIdForms().isHex(HexIdForms.TRACE_ID_DIGITS);
        final boolean hexSpanId = w.spanIdForms().isHex(HexIdForms.SPAN_ID_DIGITS);
        // The list starts before its opening, which the actor's piece carries: it is the first attribute if any.
        w.startList();
        if (w.actor(ATTRIBUTES_AND_ACTOR)) {
            out.append(ATTRIBUTE_END);
        } else {
            out.append(ATTRIBUTES);
            w.startList();
        }
        close(out, w.action(ACTION));
        close(out, w.target(TARGET));
        close(out, w.cute(CUTE));
        close(out, w.story(STORY));
        close(out, w.correlationId(CORRELATION_ID));
        // OTLP's own id fields take hex only: an id set by hand in another form stays an attribute.
        if (!hexTraceId) {
            close(out, w.traceId(TRACE_ID_TEXT));
        }
        if (!hexSpanId) {
            close(out, w.spanId(SPAN_ID_TEXT));
        }
        w.tags(TAGS, TAG, TAG_END, TAGS_END);
        w.fieldsAsAttributes();
        close(out, w.thread(THREAD));
        if (includeLocation) {
            location(w, out);
        }
        close(out, w.exceptionType(EXCEPTION_TYPE));
        close(out, w.exceptionMessage(EXCEPTION_MESSAGE));
        close(out, w.stackTrace(EXCEPTION_STACKTRACE));
        close(out, w.stackTraceHash(EXCEPTION_HASH));
        w.truncated(TRUNCATED);
        w.endList();
        out.append(']');
        // A masked value is valid until the next one: read each id again when it is written.
        if (hexTraceId) {
            hex(out, TRACE_ID, w.traceIdForms());
            final int flags = w.traceFlags();
            if (flags >= 0) {
                out.append(FLAGS).append(flags);
            }
        }
        if (hexSpanId) {
            hex(out, SPAN_ID, w.spanIdForms());
        }
        out.append(RECORD_END);
    }

    private void scopeAndTime(final LineWriter w, final JsonLine out) {
        out.append(resourceAndScope);
        if (!w.logger(NO_KEY)) {
            out.append('"');
        }
        out.append(RECORD);
        w.epochNanos();
    }

    private static void close(final JsonLine out, final boolean written) {
        if (written) {
            out.append(ATTRIBUTE_END);
        }
    }

    private static void location(final LineWriter w, final JsonLine out) {
        final StackTraceElement source = w.source();
        if (source == null) {
            return;
        }
        close(out, w.function(FUNCTION, source));
        close(out, w.location(FILE, source.getFileName()));
        if (source.getLineNumber() >= 0) {
            w.digits(LINE, source.getLineNumber());
            out.append('"').append(ATTRIBUTE_END);
        }
    }

    /** A hex id in lowercase, as OTLP/JSON writes it. */
    private static void hex(final JsonLine out, final byte[] key, final HexIdForms id) {
        out.append(key);
        id.appendLowercase(out);
        out.append('"');
    }

    @Override
    void writeFailure(final LineWriter w, final LogEvent event, final String error) {
        final JsonLine out = w.out();
        out.append(resourceAndScope);
        escapedOrNothing(out, event.getLoggerName());
        out.append('"').append(RECORD);
        w.epochNanos();
        out.append(SEVERITY[band(event.getLevel())]).append(ATTRIBUTES).append(ENCODING_ERROR).escaped(error)
                .append('"').append(ATTRIBUTE_END).append(']').append(RECORD_END);
    }

    @Override
    boolean reserves(final String key) {
        switch (key) {
            case "thread.name":
            case "code.function.name":
            case "code.file.path":
            case "code.line.number":
            case "narration":
                return true;
            default:
                return key.startsWith("narration.");
        }
    }
}
