package dev.narration.correlation;

import dev.narration.NarrationFields;
import dev.narration.internal.correlation.OpenTelemetryPresence;
import dev.narration.internal.correlation.OpenTelemetrySpans;
import java.util.Map;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.impl.ContextDataFactory;
import org.apache.logging.log4j.core.impl.JdkMapAdapterStringMap;
import org.apache.logging.log4j.core.util.ContextDataProvider;
import org.apache.logging.log4j.util.StringMap;

/**
 * Adds the current OpenTelemetry span's {@code trace_id}, {@code span_id} and {@code trace_flags} to the context
 * data of every event logged while a span is current, so they reach narration output and the {@code correlation}
 * lookup without the OpenTelemetry agent. Log4j finds this class through {@code META-INF/services}; it is captured
 * on the logging thread, so it works with all-async loggers.
 *
 * <p>The rules that keep keys unique and consistent:
 * <ul>
 *   <li>Without the OpenTelemetry API on the class path it supplies nothing and loads no OpenTelemetry class.</li>
 *   <li>When OpenTelemetry's own Log4j provider ({@code opentelemetry-log4j-context-data-2.17-autoconfigure}) is
 *       installed, it writes these keys (under the same default names) and this provider steps aside, so there
 *       is exactly one writer.</li>
 *   <li>When the thread context already holds {@code trace_id}, that explicit value wins and the span's ids are
 *       not added (the same rule as OpenTelemetry's provider), so the ids of one event never mix two sources.</li>
 * </ul>
 */
public final class OpenTelemetryContextDataProvider implements ContextDataProvider {
    private static final boolean ACTIVE = OpenTelemetryPresence.API && !OpenTelemetryPresence.OWN_LOG4J_PROVIDER;

    /** Whether this provider adds span ids (the API is present and OpenTelemetry's own provider is not). */
    static boolean isActive() {
        return ACTIVE;
    }

    @Override
    public Map<String, String> supplyContextData() {
        final Map<String, String> ids = currentIds();
        return ids == null ? Map.of() : ids;
    }

    @Override
    public StringMap supplyStringMap() {
        final Map<String, String> ids = currentIds();
        return ids == null ? ContextDataFactory.emptyFrozenContextData() : new JdkMapAdapterStringMap(ids, true);
    }

    @Override
    public Object getValue(final String key) {
        final Map<String, String> ids = currentIds();
        return ids == null ? null : ids.get(key);
    }

    private static Map<String, String> currentIds() {
        if (!ACTIVE || ThreadContext.containsKey(NarrationFields.TRACE_ID)) {
            return null;
        }
        try {
            return OpenTelemetrySpans.currentIds();
        } catch (RuntimeException | LinkageError e) {
            // An incompatible OpenTelemetry version must not fail the logging call.
            return null;
        }
    }
}
