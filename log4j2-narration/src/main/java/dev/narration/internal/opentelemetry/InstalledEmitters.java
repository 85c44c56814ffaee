package dev.narration.internal.opentelemetry;

import java.util.Map;
import java.util.WeakHashMap;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * The emitter installed for each logger context, so that a reconfiguration (a changed file, Spring Boot's
 * initialization) builds appenders that send where the previous ones did, without another install. Held weakly: a
 * stopped context is forgotten.
 */
public final class InstalledEmitters {
    private static final Map<LoggerContext, RecordEmitter> INSTALLED = new WeakHashMap<>();

    private InstalledEmitters() {}

    public static synchronized void put(final LoggerContext context, final RecordEmitter emitter) {
        INSTALLED.put(context, emitter);
    }

    /** The emitter installed for the context, or {@code null}. */
    public static synchronized RecordEmitter of(final LoggerContext context) {
        return context == null ? null : INSTALLED.get(context);
    }
}
