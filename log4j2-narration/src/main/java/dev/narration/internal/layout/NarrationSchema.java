package dev.narration.internal.layout;

import dev.narration.internal.event.FieldKeys;
import dev.narration.internal.json.JsonLine;
import org.apache.logging.log4j.core.LogEvent;

/** The default line, in the order of docs/layout.md#the-line: the narration standard's own names. */
final class NarrationSchema extends LineSchema {
    private static final byte[] TIMESTAMP = JsonLine.fixed("{\"" + FieldKeys.TIMESTAMP + "\":\"");
    private static final byte[] LEVEL = key(FieldKeys.LEVEL);
    private static final byte[] ACTOR = key(FieldKeys.ACTOR);
    private static final byte[] ACTION = key(FieldKeys.ACTION);
    private static final byte[] TARGET = key(FieldKeys.TARGET);
    private static final byte[] HUMAN = key(FieldKeys.HUMAN);
    private static final byte[] CUTE = key(FieldKeys.CUTE);
    private static final byte[] STORY = key(FieldKeys.STORY);
    private static final byte[] CORRELATION_ID = key(FieldKeys.CORRELATION_ID);
    private static final byte[] TRACE_ID = key(FieldKeys.TRACE_ID);
    private static final byte[] SPAN_ID = key(FieldKeys.SPAN_ID);
    private static final byte[] TAGS = arrayKey(FieldKeys.TAGS);
    private static final byte[] LOGGER = key(FieldKeys.LOGGER);
    private static final byte[] THREAD = key(FieldKeys.THREAD);
    private static final byte[] EXCEPTION_TYPE = key(FieldKeys.EXCEPTION_TYPE);
    private static final byte[] EXCEPTION_MESSAGE = key(FieldKeys.EXCEPTION_MESSAGE);
    private static final byte[] EXCEPTION_STACKTRACE = key(FieldKeys.EXCEPTION_STACKTRACE);
    private static final byte[] EXCEPTION_HASH = key(FieldKeys.EXCEPTION_HASH);
    private static final byte[] TRUNCATED = JsonLine.fixed(",\"truncated\":true");

    private final byte[] serviceMembers;

    NarrationSchema(final ServiceIdentity service) {
        this.serviceMembers = JsonLine.fixed(service.toJsonMembers());
    }

    @Override
    public String name() {
        return "narration";
    }

    @Override
    void write(final LineWriter w, final LogEvent event) {
        final JsonLine out = w.out();
        out.append(TIMESTAMP);
        w.timestamp();
        out.append('"');
        w.identifier(LEVEL, event.getLevel().name());
        out.append(serviceMembers);
        w.actor(ACTOR);
        w.action(ACTION);
        w.target(TARGET);
        w.human(HUMAN);
        w.cute(CUTE);
        w.story(STORY);
        w.correlationId(CORRELATION_ID);
        w.traceId(TRACE_ID);
        w.spanId(SPAN_ID);
        w.tags(TAGS, QUOTE, QUOTE, CLOSE_ARRAY);
        w.fields();
        w.logger(LOGGER);
        w.thread(THREAD);
        w.exceptionType(EXCEPTION_TYPE);
        w.exceptionMessage(EXCEPTION_MESSAGE);
        w.stackTrace(EXCEPTION_STACKTRACE);
        w.stackTraceHash(EXCEPTION_HASH);
        w.truncated(TRUNCATED);
        out.append(END);
    }

    @Override
    void writeFailure(final LineWriter w, final LogEvent event, final String error) {
        final JsonLine out = w.out();
        out.append("{\"level\":\"").escaped(event.getLevel().name()).append('"').append(serviceMembers);
        failureEnd(out, LOGGER, event, error);
    }

    /** The narration line's reserved keys are {@link FieldKeys}'s, which every schema applies already. */
    @Override
    boolean reserves(final String key) {
        return false;
    }

    @Override
    boolean reservesKeys() {
        return false;
    }
}
