package dev.narration.internal.layout;

import dev.narration.internal.json.JsonLine;
import org.apache.logging.log4j.core.LogEvent;

/**
 * Datadog's JSON logs (docs/schemas.md#datadog): its reserved attributes ({@code timestamp}, {@code status},
 * {@code message}, {@code service}), unified service tagging ({@code dd.service}, {@code dd.env},
 * {@code dd.version}), the trace ids in the decimal form Datadog correlates by, its standard {@code logger.*} and
 * {@code error.*} attributes, and the rest of the narration under {@code narration.}.
 */
final class DatadogSchema extends LineSchema {
    private static final byte[] TIMESTAMP = JsonLine.fixed("{\"timestamp\":\"");
    private static final byte[][] STATUS = byBand(
            ",\"status\":\"critical\"", ",\"status\":\"error\"", ",\"status\":\"warning\"", ",\"status\":\"info\"",
            ",\"status\":\"debug\"", ",\"status\":\"debug\"");
    private static final byte[] MESSAGE = key("message");
    private static final byte[] DD_TRACE_ID = key("dd.trace_id");
    private static final byte[] DD_SPAN_ID = key("dd.span_id");
    private static final byte[] TRACE_ID = key("narration.trace_id");
    private static final byte[] SPAN_ID = key("narration.span_id");
    private static final byte[] TAGS = arrayKey("narration.tags");
    private static final byte[] LOGGER = key("logger.name");
    private static final byte[] THREAD = key("logger.thread_name");
    private static final byte[] METHOD = key("logger.method_name");
    private static final byte[] ERROR_KIND = key("error.kind");
    private static final byte[] ERROR_MESSAGE = key("error.message");
    private static final byte[] ERROR_STACK = key("error.stack");
    /** Error Tracking groups the errors of a log by this attribute when it is set. */
    private static final byte[] ERROR_FINGERPRINT = key("error.fingerprint");
    private static final byte[] TRUNCATED = JsonLine.fixed(",\"narration.truncated\":true");

    private final byte[] serviceMembers;
    private final boolean includeLocation;

    DatadogSchema(final ServiceIdentity service, final boolean includeLocation) {
        this.includeLocation = includeLocation;
        final JsonLine members = new JsonLine(256);
        EcsSchema.member(members, "service", service.name());
        EcsSchema.member(members, "dd.service", service.name());
        EcsSchema.member(members, "dd.env", service.environment());
        EcsSchema.member(members, "dd.version", service.version());
        EcsSchema.member(members, "narration.service.instance.id", service.instanceId());
        this.serviceMembers = members.toByteArray();
    }

    @Override
    public String name() {
        return "datadog";
    }

    @Override
    void write(final LineWriter w, final LogEvent event) {
        final JsonLine out = w.out();
        out.append(TIMESTAMP);
        w.timestamp();
        out.append('"').append(STATUS[band(event.getLevel())]);
        w.human(MESSAGE);
        out.append(serviceMembers);
        decimal(out, DD_TRACE_ID, w.traceIdForms());
        decimal(out, DD_SPAN_ID, w.spanIdForms());
        w.traceId(TRACE_ID);
        w.spanId(SPAN_ID);
        NarrationKeys.NAMESPACED.write(w);
        w.tags(TAGS, QUOTE, QUOTE, CLOSE_ARRAY);
        w.fields();
        w.logger(LOGGER);
        w.thread(THREAD);
        if (includeLocation) {
            final StackTraceElement source = w.source();
            if (source != null) {
                w.location(METHOD, source.getMethodName());
            }
        }
        w.exceptionType(ERROR_KIND);
        w.exceptionMessage(ERROR_MESSAGE);
        w.stackTrace(ERROR_STACK);
        w.stackTraceHash(ERROR_FINGERPRINT);
        w.truncated(TRUNCATED);
        out.append(END);
    }

    /**
     * A hex id as Datadog's unsigned decimal string of its lower 64 bits; nothing for an id that is not 16 or 32 hex
     * digits (one set in the context by hand, or masked).
     */
    private static void decimal(final JsonLine out, final byte[] key, final HexIdForms id) {
        if (id.hasDecimal()) {
            out.append(key);
            id.appendDecimal(out);
            out.append('"');
        }
    }

    @Override
    void writeFailure(final LineWriter w, final LogEvent event, final String error) {
        final JsonLine out = w.out();
        out.append(TIMESTAMP);
        w.timestamp();
        out.append('"').append(STATUS[band(event.getLevel())]).append(serviceMembers);
        failureEnd(out, LOGGER, event, error);
    }

    @Override
    boolean reserves(final String key) {
        switch (key) {
            // Datadog's reserved attributes, and those its intake and remappers read.
            case "host":
            case "hostname":
            case "source":
            case "ddsource":
            case "ddtags":
            case "status":
            case "service":
            case "message":
            case "timestamp":
            case "date":
            // What this schema writes.
            case "dd.service":
            case "dd.env":
            case "dd.version":
            case "dd.trace_id":
            case "dd.span_id":
            case "logger.name":
            case "logger.thread_name":
            case "logger.method_name":
            case "error.kind":
            case "error.message":
            case "error.stack":
            case "error.fingerprint":
            // Datadog reads a dotted key as a path: a field named like one of its objects would clash with it.
            case "dd":
            case "logger":
            case "error":
            case "narration":
            case "field":
            case "context":
                return true;
            default:
                return key.startsWith("narration.");
        }
    }
}
