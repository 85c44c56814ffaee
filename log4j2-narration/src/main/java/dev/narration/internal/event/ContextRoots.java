package dev.narration.internal.event;

import dev.narration.NarrationFields;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * The context values that feed an event's root fields (actor, action, target, correlation id, trace and span ids,
 * trace flags), read once per event for a writer that reads them all: one pass over a small context instead of a
 * look-up by key for each root field, which costs more than the pass when the context holds a handful of entries.
 * Each value is what {@link EventNarration#context} gives for its key. One per thread, in the line writer; not
 * thread-safe.
 */
public final class ContextRoots {
    /** Larger contexts are looked up by key: a pass would read every entry. */
    private static final int PASS_UP_TO = 8;
    private static final String[] KEYS = {FieldKeys.ACTOR, FieldKeys.ACTION, FieldKeys.TARGET, FieldKeys.CORRELATION_ID,
        FieldKeys.TRACE_ID, FieldKeys.SPAN_ID, NarrationFields.TRACE_FLAGS};
    private static final TriConsumer<String, Object, ContextRoots> TAKE = (key, value, roots) -> roots.take(key, value);

    private String actor;
    private String action;
    private String target;
    private String correlationId;
    private String traceId;
    private String spanId;
    private String traceFlags;

    /** Reads the root values of {@code context}, which may be {@code null}, in place of those read before. */
    public void read(final ReadOnlyStringMap context) {
        clear();
        if (context == null || context.isEmpty()) {
            return;
        }
        if (context.size() <= PASS_UP_TO) {
            context.forEach(TAKE, this);
            return;
        }
        for (final String key : KEYS) {
            take(key, context.getValue(key));
        }
    }

    private void take(final String key, final Object value) {
        switch (key) {
            case FieldKeys.ACTOR:
                actor = Renderings.text(value);
                break;
            case FieldKeys.ACTION:
                action = Renderings.text(value);
                break;
            case FieldKeys.TARGET:
                target = Renderings.text(value);
                break;
            case FieldKeys.CORRELATION_ID:
                correlationId = Renderings.text(value);
                break;
            case FieldKeys.TRACE_ID:
                traceId = Renderings.text(value);
                break;
            case FieldKeys.SPAN_ID:
                spanId = Renderings.text(value);
                break;
            case NarrationFields.TRACE_FLAGS:
                traceFlags = Renderings.text(value);
                break;
            default:
                break;
        }
    }

    /** Forgets the values, so that the thread keeps no reference to the event's context. */
    public void clear() {
        actor = null;
        action = null;
        target = null;
        correlationId = null;
        traceId = null;
        spanId = null;
        traceFlags = null;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public String correlationId() {
        return correlationId;
    }

    public String traceId() {
        return traceId;
    }

    public String spanId() {
        return spanId;
    }

    public String traceFlags() {
        return traceFlags;
    }
}
