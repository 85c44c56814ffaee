package dev.narration.internal.correlation;

import dev.narration.internal.runtime.ClassPresence;

/**
 * Which OpenTelemetry pieces are on the class path, checked once. Every use of an OpenTelemetry type sits in
 * {@link OpenTelemetrySpans}, which is only touched when {@link #API} is true, or in the emitter of
 * {@code <NarrationOpenTelemetry>}, which is only built when {@link #LOGS_API} is true, so without OpenTelemetry not
 * one of its classes is loaded.
 */
public final class OpenTelemetryPresence {
    /** The OpenTelemetry API (trace and context). */
    public static final boolean API = isPresent("io.opentelemetry.api.trace.Span") && isPresent("io.opentelemetry.context.Context");

    /**
     * The Logs Bridge API ({@code io.opentelemetry:opentelemetry-api} 1.27 or later), which {@code <NarrationOpenTelemetry>}
     * emits through; its classes are named only in {@code dev.narration.internal.opentelemetry.LogRecordEmitter}.
     */
    public static final boolean LOGS_API = API && isPresent("io.opentelemetry.api.logs.LoggerProvider")
            && isPresent("io.opentelemetry.api.logs.LogRecordBuilder");

    /**
     * OpenTelemetry's own Log4j context-data provider ({@code opentelemetry-log4j-context-data-2.17-autoconfigure}),
     * which writes the same keys; when it is installed it is their only writer.
     */
    public static final boolean OWN_LOG4J_PROVIDER =
            isPresent("io.opentelemetry.instrumentation.log4j.contextdata.v2_17.OpenTelemetryContextDataProvider");

    private OpenTelemetryPresence() {}

    private static boolean isPresent(final String className) {
        return ClassPresence.isPresent(className, OpenTelemetryPresence.class.getClassLoader());
    }
}
