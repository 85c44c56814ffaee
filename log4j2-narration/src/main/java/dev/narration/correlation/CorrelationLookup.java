package dev.narration.correlation;

import dev.narration.NarrationFields;
import dev.narration.internal.correlation.OpenTelemetryPresence;
import dev.narration.internal.correlation.OpenTelemetrySpans;
import dev.narration.internal.correlation.TraceParent;
import dev.narration.internal.docs.DocPages;
import dev.narration.internal.event.EventNarration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.lookup.AbstractLookup;
import org.apache.logging.log4j.core.lookup.StrLookup;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * The {@code correlation} lookup: {@code $${correlation:id}}, {@code trace_id}, {@code span_id},
 * {@code trace_flags} and {@code traceparent} (the W3C header value built from the other three).
 *
 * <p>Evaluated for an event (a pattern, a rewrite property, a JSON template) it reads that event's context data,
 * which Log4j captured on the logging thread, so it is right with asynchronous loggers too; {@code id} also
 * honours an id set on a {@link dev.narration.Narration} message, as the JSON layout does. Evaluated without an
 * event (while the configuration is read) it reads the current thread: its {@code ThreadContext}, then the
 * current OpenTelemetry span. A key with no value gives the empty string, never an exception; an unknown key gives
 * no value, so Log4j leaves {@code ${correlation:typo}} in the output where it can be seen, and the status logger
 * reports it once, naming the key and the valid ones.
 */
@Plugin(name = CorrelationLookup.PREFIX, category = StrLookup.CATEGORY)
public final class CorrelationLookup extends AbstractLookup {
    static final String PREFIX = "correlation";

    static final String ID = "id";
    static final String TRACEPARENT = "traceparent";
    static final String KEYS = "id, trace_id, span_id, trace_flags, traceparent";

    /**
     * The unknown keys reported so far: each once per JVM. A key may come from data (a nested lookup), so at most
     * {@link #MAX_REPORTED} are remembered; past them the rest go unreported, which the last report says.
     */
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();
    static final int MAX_REPORTED = 32;

    @Override
    public String lookup(final LogEvent event, final String key) {
        if (key == null) {
            return null;
        }
        try {
            return orEmpty(event == null ? fromThread(key) : fromEvent(event, key), key);
        } catch (RuntimeException | LinkageError e) {
            return isKnown(key) ? "" : null;
        }
    }

    private static String fromEvent(final LogEvent event, final String key) {
        switch (key) {
            case ID:
                return EventNarration.correlationId(event);
            case NarrationFields.TRACE_ID:
            case NarrationFields.SPAN_ID:
            case NarrationFields.TRACE_FLAGS:
                return EventNarration.context(event, key);
            case TRACEPARENT:
                return TraceParent.format(
                        EventNarration.context(event, NarrationFields.TRACE_ID),
                        EventNarration.context(event, NarrationFields.SPAN_ID),
                        EventNarration.context(event, NarrationFields.TRACE_FLAGS));
            default:
                return null;
        }
    }

    private static String fromThread(final String key) {
        switch (key) {
            case ID:
                return ThreadContext.get(NarrationFields.CORRELATION_ID);
            case NarrationFields.TRACE_ID:
            case NarrationFields.SPAN_ID:
            case NarrationFields.TRACE_FLAGS:
                return threadTraceValue(key);
            case TRACEPARENT:
                return TraceParent.format(
                        threadTraceValue(NarrationFields.TRACE_ID),
                        threadTraceValue(NarrationFields.SPAN_ID),
                        threadTraceValue(NarrationFields.TRACE_FLAGS));
            default:
                return null;
        }
    }

    /** The thread context's value, else the current span's: the precedence events get from the context providers. */
    private static String threadTraceValue(final String key) {
        if (ThreadContext.containsKey(NarrationFields.TRACE_ID)) {
            return ThreadContext.get(key);
        }
        return OpenTelemetryPresence.API ? OpenTelemetrySpans.currentId(key) : null;
    }

    private static String orEmpty(final String value, final String key) {
        if (value != null) {
            return value;
        }
        if (isKnown(key)) {
            return "";
        }
        reportUnknown(key);
        return null;
    }

    private static void reportUnknown(final String key) {
        if (REPORTED.size() >= MAX_REPORTED || !REPORTED.add(key)) {
            return;
        }
        StatusLogger.getLogger().error("${{}:{}}: unknown key \"{}\"; expected one of {}. Log4j writes the expression"
                + " as it is{} (" + DocPages.CORRELATION + "#the-correlation-lookup)", PREFIX, key, key, KEYS,
                REPORTED.size() == MAX_REPORTED ? "; further unknown keys are not reported" : "");
    }

    private static boolean isKnown(final String key) {
        switch (key) {
            case ID:
            case NarrationFields.TRACE_ID:
            case NarrationFields.SPAN_ID:
            case NarrationFields.TRACE_FLAGS:
            case TRACEPARENT:
                return true;
            default:
                return false;
        }
    }
}
