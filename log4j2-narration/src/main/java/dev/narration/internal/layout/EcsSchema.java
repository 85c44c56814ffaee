package dev.narration.internal.layout;

import dev.narration.internal.json.JsonLine;
import org.apache.logging.log4j.core.LogEvent;

/**
 * Elastic Common Schema, as the ecs-logging specification wants a log line (docs/schemas.md#ecs): {@code @timestamp},
 * {@code log.level} and {@code message} first, in that order, {@code ecs.version} and {@code log.level} as top-level
 * dotted keys, as every other key is. The narration's own fields go under {@code narration.} where ECS has none.
 */
final class EcsSchema extends LineSchema {
    /** The ECS release whose fields the line uses ({@code service.environment} is from 8.x). */
    static final String ECS_VERSION = "8.11.0";

    private static final byte[] TIMESTAMP = JsonLine.fixed("{\"@timestamp\":\"");
    private static final byte[] LEVEL = key("log.level");
    private static final byte[] MESSAGE = key("message");
    private static final NarrationKeys NARRATION = new NarrationKeys("event.action");
    private static final byte[] TRACE_ID = key("trace.id");
    private static final byte[] SPAN_ID = key("span.id");
    private static final byte[] TAGS = arrayKey("tags");
    private static final byte[] LOGGER = key("log.logger");
    private static final byte[] THREAD = key("process.thread.name");
    private static final byte[] FILE = key("log.origin.file.name");
    private static final byte[] LINE = rawKey("log.origin.file.line");
    private static final byte[] FUNCTION = key("log.origin.function");
    private static final byte[] ERROR_TYPE = key("error.type");
    private static final byte[] ERROR_MESSAGE = key("error.message");
    private static final byte[] ERROR_STACK_TRACE = key("error.stack_trace");
    private static final byte[] EXCEPTION_HASH = key("narration.exception.hash");
    private static final byte[] TRUNCATED = JsonLine.fixed(",\"narration.truncated\":true");

    private final byte[] fixedMembers;
    private final boolean includeLocation;

    EcsSchema(final ServiceIdentity service, final boolean includeLocation) {
        this.includeLocation = includeLocation;
        final JsonLine members = new JsonLine(256);
        members.append(",\"ecs.version\":\"" + ECS_VERSION + "\"");
        member(members, "service.name", service.name());
        member(members, "service.version", service.version());
        member(members, "service.environment", service.environment());
        member(members, "service.node.name", service.instanceId());
        // The specification asks for event.dataset = service.name when the user names the service.
        if (!ServiceIdentity.DEFAULT_SERVICE_NAME.equals(service.name())) {
            member(members, "event.dataset", service.name());
        }
        this.fixedMembers = members.toByteArray();
    }

    static void member(final JsonLine out, final String key, final String value) {
        if (value != null) {
            out.append(",\"").escaped(key).append("\":\"").escaped(value).append('"');
        }
    }

    @Override
    public String name() {
        return "ecs";
    }

    @Override
    void write(final LineWriter w, final LogEvent event) {
        final JsonLine out = w.out();
        out.append(TIMESTAMP);
        w.timestamp();
        out.append('"');
        w.identifier(LEVEL, event.getLevel().name());
        w.human(MESSAGE);
        out.append(fixedMembers);
        NARRATION.write(w);
        w.traceId(TRACE_ID);
        w.spanId(SPAN_ID);
        w.tags(TAGS, QUOTE, QUOTE, CLOSE_ARRAY);
        w.fields();
        w.logger(LOGGER);
        w.thread(THREAD);
        if (includeLocation) {
            final StackTraceElement source = w.source();
            if (source != null) {
                w.location(FILE, source.getFileName());
                if (source.getLineNumber() >= 0) {
                    w.digits(LINE, source.getLineNumber());
                }
                w.location(FUNCTION, source.getMethodName());
            }
        }
        w.exceptionType(ERROR_TYPE);
        w.exceptionMessage(ERROR_MESSAGE);
        w.stackTrace(ERROR_STACK_TRACE);
        w.stackTraceHash(EXCEPTION_HASH);
        w.truncated(TRUNCATED);
        out.append(END);
    }

    @Override
    void writeFailure(final LineWriter w, final LogEvent event, final String error) {
        final JsonLine out = w.out();
        out.append(TIMESTAMP);
        w.timestamp();
        out.append("\",\"log.level\":\"").escaped(event.getLevel().name()).append('"').append(fixedMembers);
        failureEnd(out, LOGGER, event, error);
    }

    @Override
    boolean reserves(final String key) {
        switch (key) {
            case "@timestamp":
            case "log.level":
            case "message":
            case "ecs.version":
            case "service.name":
            case "service.version":
            case "service.environment":
            case "service.node.name":
            case "event.dataset":
            case "event.action":
            case "trace.id":
            case "span.id":
            case "tags":
            case "log.logger":
            case "process.thread.name":
            case "log.origin.file.name":
            case "log.origin.file.line":
            case "log.origin.function":
            case "error.type":
            case "error.message":
            case "error.stack_trace":
            // Elasticsearch reads a dotted key as objects: a field named like one of those objects would clash
            // with it in the index.
            case "log":
            case "log.origin":
            case "log.origin.file":
            case "ecs":
            case "service":
            case "service.node":
            case "event":
            case "trace":
            case "span":
            case "process":
            case "process.thread":
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
