package dev.narration.internal.correlation;

import dev.narration.NarrationFields;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.HashMap;
import java.util.Map;

/**
 * The only class that names OpenTelemetry types; callers check {@link OpenTelemetryPresence#API} first, so the
 * JVM never resolves these types when OpenTelemetry is absent.
 */
public final class OpenTelemetrySpans {
    private OpenTelemetrySpans() {}

    /** {@code trace_id}, {@code span_id} and {@code trace_flags} of the current span, or {@code null} without one. */
    public static Map<String, String> currentIds() {
        final SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        final Map<String, String> ids = new HashMap<>(4);
        ids.put(NarrationFields.TRACE_ID, span.getTraceId());
        ids.put(NarrationFields.SPAN_ID, span.getSpanId());
        ids.put(NarrationFields.TRACE_FLAGS, span.getTraceFlags().asHex());
        return ids;
    }

    /** One id of the current span by its context key, or {@code null}. */
    public static String currentId(final String key) {
        final SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        switch (key) {
            case NarrationFields.TRACE_ID:
                return span.getTraceId();
            case NarrationFields.SPAN_ID:
                return span.getSpanId();
            case NarrationFields.TRACE_FLAGS:
                return span.getTraceFlags().asHex();
            default:
                return null;
        }
    }

    /** The current OpenTelemetry context, to be carried to another thread. */
    public static Object currentContext() {
        return Context.current();
    }

    /** Makes a carried context current; returns what {@link #detach} needs. */
    public static Object attach(final Object context) {
        return ((Context) context).makeCurrent();
    }

    public static void detach(final Object scope) {
        ((Scope) scope).close();
    }
}
