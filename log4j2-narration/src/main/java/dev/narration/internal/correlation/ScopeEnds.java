package dev.narration.internal.correlation;

import java.util.function.Consumer;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Where a {@code CorrelationScope} says that its request ended on a thread. The request buffers listen here
 * (docs/buffering.md); with none configured there is no listener and a scope's close costs one volatile read.
 * The listener lives on this side, so the correlation package depends on nothing that buffers events.
 */
public final class ScopeEnds {
    private static volatile Consumer<String> listener;

    private ScopeEnds() {}

    /** Sets the one listener; a second call replaces the first. */
    public static void listen(final Consumer<String> newListener) {
        listener = newListener;
    }

    /** Called when the last scope with this id closes on the thread that opened it; never throws. */
    public static void ended(final String correlationId) {
        final Consumer<String> current = listener;
        if (current == null) {
            return;
        }
        try {
            current.accept(correlationId);
        } catch (RuntimeException | LinkageError e) {
            StatusLogger.getLogger().error("Correlation: could not tell the request buffers that request {} ended",
                    correlationId, e);
        }
    }
}
