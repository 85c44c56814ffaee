package dev.narration.internal.layout;

import dev.narration.internal.json.JsonLine;
import org.apache.logging.log4j.core.LogEvent;

/**
 * Google Cloud Logging's structured JSON (docs/schemas.md#gcp): the special fields its agents lift into the log
 * entry ({@code severity}, {@code message}, {@code time}, the {@code logging.googleapis.com/…} trace fields and
 * source location), {@code serviceContext} and {@code stack_trace} where Error Reporting reads them, and the rest
 * of the narration under {@code narration.}; fields under their own names in the payload.
 */
final class GcpSchema extends LineSchema {
    private static final byte[][] SEVERITY = byBand(
            "{\"severity\":\"CRITICAL\"", "{\"severity\":\"ERROR\"", "{\"severity\":\"WARNING\"",
            "{\"severity\":\"INFO\"", "{\"severity\":\"DEBUG\"", "{\"severity\":\"DEBUG\"");
    private static final byte[] MESSAGE = key("message");
    private static final byte[] TIME = key("time");
    private static final byte[] SPAN_ID = key("logging.googleapis.com/spanId");
    private static final byte[] SAMPLED = rawKey("logging.googleapis.com/trace_sampled");
    private static final byte[] SOURCE_FILE = JsonLine.fixed(",\"logging.googleapis.com/sourceLocation\":{\"file\":\"");
    private static final byte[] SOURCE_LINE = JsonLine.fixed(",\"line\":\"");
    private static final byte[] SOURCE_FUNCTION = JsonLine.fixed(",\"function\":\"");
    private static final byte[] TAGS = arrayKey("narration.tags");
    private static final byte[] LOGGER = key("narration.logger");
    private static final byte[] THREAD = key("narration.thread");
    private static final byte[] EXCEPTION_TYPE = key("narration.exception.type");
    private static final byte[] EXCEPTION_MESSAGE = key("narration.exception.message");
    private static final byte[] STACK_TRACE = key("stack_trace");
    private static final byte[] EXCEPTION_HASH = key("narration.exception.hash");
    private static final byte[] TRUNCATED = JsonLine.fixed(",\"narration.truncated\":true");

    private final byte[] trace;
    private final byte[] serviceMembers;
    private final boolean includeLocation;

    GcpSchema(final ServiceIdentity service, final String projectId, final boolean includeLocation) {
        this.includeLocation = includeLocation;
        final JsonLine traceKey = new JsonLine(128).append(key("logging.googleapis.com/trace"));
        if (projectId != null) {
            traceKey.append("projects/").escaped(projectId).append("/traces/");
        }
        this.trace = traceKey.toByteArray();
        final JsonLine members = new JsonLine(256);
        members.append(",\"serviceContext\":{\"service\":\"").escaped(service.name()).append('"');
        if (service.version() != null) {
            members.append(",\"version\":\"").escaped(service.version()).append('"');
        }
        members.append('}');
        EcsSchema.member(members, "narration.service.instance.id", service.instanceId());
        EcsSchema.member(members, "narration.deployment.environment.name", service.environment());
        this.serviceMembers = members.toByteArray();
    }

    @Override
    public String name() {
        return "gcp";
    }

    @Override
    void write(final LineWriter w, final LogEvent event) {
        final JsonLine out = w.out();
        out.append(SEVERITY[band(event.getLevel())]);
        w.human(MESSAGE);
        out.append(TIME);
        w.timestamp();
        out.append('"');
        if (w.traceId(trace)) {
            final int flags = w.traceFlags();
            if (flags >= 0) {
                out.append(SAMPLED).append((flags & TraceIds.SAMPLED) != 0);
            }
        }
        w.spanId(SPAN_ID);
        if (includeLocation) {
            source(w, out);
        }
        out.append(serviceMembers);
        NarrationKeys.NAMESPACED.write(w);
        w.tags(TAGS, QUOTE, QUOTE, CLOSE_ARRAY);
        w.fields();
        w.logger(LOGGER);
        w.thread(THREAD);
        w.exceptionType(EXCEPTION_TYPE);
        w.exceptionMessage(EXCEPTION_MESSAGE);
        w.stackTrace(STACK_TRACE);
        w.stackTraceHash(EXCEPTION_HASH);
        w.truncated(TRUNCATED);
        out.append(END);
    }

    /** {@code sourceLocation}: the file, the line as a decimal string (the field is 64-bit), {@code Class.method}. */
    private static void source(final LineWriter w, final JsonLine out) {
        final StackTraceElement source = w.source();
        if (source == null) {
            return;
        }
        out.append(SOURCE_FILE);
        if (source.getFileName() != null) {
            out.escaped(source.getFileName());
        }
        out.append('"');
        if (source.getLineNumber() >= 0) {
            out.append(SOURCE_LINE).append(source.getLineNumber()).append('"');
        }
        w.function(SOURCE_FUNCTION, source);
        out.append('}');
    }

    @Override
    void writeFailure(final LineWriter w, final LogEvent event, final String error) {
        final JsonLine out = w.out();
        out.append(SEVERITY[band(event.getLevel())]).append(TIME);
        w.timestamp();
        out.append('"').append(serviceMembers);
        failureEnd(out, LOGGER, event, error);
    }

    @Override
    boolean reserves(final String key) {
        switch (key) {
            case "severity":
            case "message":
            case "time":
            case "timestamp":
            case "timestampSeconds":
            case "timestampNanos":
            case "httpRequest":
            case "serviceContext":
            case "stack_trace":
            case "exception":
            case "@type":
            case "narration":
                return true;
            default:
                return key.startsWith("logging.googleapis.com/") || key.startsWith("narration.");
        }
    }
}
