package dev.narration.bench;

import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A benchmark's own all-async context with the recommended settings, writing through {@code NarrationJsonLayout}
 * to the null device, and one logger of it; started and stopped once per trial.
 */
public abstract class AsyncLoggerState {
    static {
        RecommendedSettings.applyUnlessSet();
    }

    protected LoggerContext context;
    protected Logger logger;
    /** A counter the benchmark methods feed to their calls, so no call is a constant the JIT could fold. */
    protected long i;

    /** The logger the benchmark logs to. */
    protected abstract String loggerName();

    @Setup
    public void start() {
        context = AsyncContexts.start("narration");
        logger = context.getLogger(loggerName());
    }

    @TearDown
    public void stop() {
        context.stop();
    }
}
