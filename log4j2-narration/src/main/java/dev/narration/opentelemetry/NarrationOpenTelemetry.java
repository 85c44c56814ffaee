package dev.narration.opentelemetry;

import dev.narration.internal.opentelemetry.InstalledEmitters;
import dev.narration.internal.opentelemetry.LogRecordEmitter;
import dev.narration.internal.opentelemetry.RecordEmitter;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Objects;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * Gives the {@code <NarrationOpenTelemetry>} appenders their OpenTelemetry instance, once at start-up, as
 * {@code OpenTelemetryAppender.install} does for OpenTelemetry's own appender:
 *
 * <pre>{@code
 * OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
 * NarrationOpenTelemetry.install(sdk);
 * }</pre>
 *
 * <p>The appenders then send what they held since they started, and every later event. The instance stays installed
 * for the context: appenders that a reconfiguration builds send through it too. Only code that has the
 * OpenTelemetry API calls this class; the appenders themselves never need it.
 */
public final class NarrationOpenTelemetry {
    private NarrationOpenTelemetry() {}

    /** Installs the instance in every {@code <NarrationOpenTelemetry>} of the current logger context; how many. */
    public static int install(final OpenTelemetry openTelemetry) {
        return install(LoggerContext.getContext(false), openTelemetry);
    }

    /** Installs the instance in every {@code <NarrationOpenTelemetry>} of the given logger context; how many. */
    public static int install(final LoggerContext context, final OpenTelemetry openTelemetry) {
        final RecordEmitter emitter = new LogRecordEmitter(Objects.requireNonNull(openTelemetry, "openTelemetry").getLogsBridge());
        InstalledEmitters.put(context, emitter);
        int installed = 0;
        for (final Appender appender : context.getConfiguration().getAppenders().values()) {
            if (appender instanceof NarrationOpenTelemetryAppender) {
                ((NarrationOpenTelemetryAppender) appender).install(emitter);
                installed++;
            }
        }
        return installed;
    }
}
