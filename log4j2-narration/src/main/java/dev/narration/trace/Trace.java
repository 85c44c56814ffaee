package dev.narration.trace;

import dev.narration.internal.trace.NumberKind;
import dev.narration.internal.trace.TraceKind;
import dev.narration.internal.trace.TraceMessage;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.spi.ExtendedLogger;

/**
 * Garbage-free TRACE helpers for hot paths (docs/standard.md#hot-paths), the Java counterparts of the narration macros:
 *
 * <pre>{@code
 * Trace.event(log, "decode", tokenId, "Decoded token");           // action, target, human
 * Trace.correlated(log, correlationId, "decode", tokenId, "Decoded token");
 * Trace.enter(log, "dispatch_job", "job_id", jobId, "pool_id", poolId);
 * Trace.exit(log, "dispatch_job", workerId, System.nanoTime() - start);
 * Trace.loop(log, "select_worker", i, workers.size());
 * Trace.state(log, "queue_depth", 5, 6, "added job-123");
 * try (FunctionTrace fn = Trace.fn(log, "dispatch_job", "job_id", jobId)) {  // enter now, exit with elapsed_ms
 *     ...
 *     fn.result(workerId);
 * }
 * }</pre>
 *
 * <p>When TRACE is off a helper costs {@code logger.isTraceEnabled()} and a branch: no arguments are boxed, no
 * varargs array is built, nothing is formatted. When TRACE is on, a helper fills the calling thread's reusable
 * message; with Log4j's garbage-free settings ({@code docs/async.md}) the call allocates nothing. In the JSON line
 * the kind is the {@code action} ({@code enter}, {@code exit}, {@code loop}, {@code state}), the function or
 * subject is the {@code target}, the rendered sentence is {@code human}, and the numbers are typed fields:
 * {@code iteration}, {@code total}, {@code elapsed_ms}, {@code from}, {@code to}, {@code result} and the argument
 * names. There is no cute or story rendering on the hot path, and no redaction of the helpers' own (the layout's
 * {@code <Redaction>} and the rewrite policy mask their events as any other): never pass secrets.
 *
 * <p>Numbers are {@code long}; other values are passed as {@code String} (convert explicitly, so that no hidden
 * {@code toString()} runs). A helper never throws; {@code null} strings are left out.
 */
public final class Trace {
    private static final String FQCN = Trace.class.getName();
    static final String ITERATION = "iteration";
    static final String TOTAL = "total";
    static final String FROM = "from";
    static final String TO = "to";
    static final String RESULT = "result";
    static final String ELAPSED_MS = "elapsed_ms";

    private Trace() {}

    /** A minimal event: the actor is inferred from the logger, the rest is given. */
    public static void event(final Logger logger, final String action, final String target, final String human) {
        if (logger.isTraceEnabled()) {
            log(logger, TraceMessage.acquire().start(TraceKind.EVENT, action, target, null, human));
        }
    }

    /** A minimal event with an explicit correlation id, overriding the context's {@code correlation_id}. */
    public static void correlated(
            final Logger logger, final String correlationId, final String action, final String target, final String human) {
        if (logger.isTraceEnabled()) {
            log(logger, TraceMessage.acquire().start(TraceKind.EVENT, action, target, correlationId, human));
        }
    }

    /** Function entry without arguments. */
    public static void enter(final Logger logger, final String function) {
        if (logger.isTraceEnabled()) {
            log(logger, enterMessage(function));
        }
    }

    public static void enter(final Logger logger, final String function, final String name, final String value) {
        if (logger.isTraceEnabled()) {
            log(logger, enterMessage(function).field(name, value));
        }
    }

    public static void enter(final Logger logger, final String function, final String name, final long value) {
        if (logger.isTraceEnabled()) {
            log(logger, enterMessage(function).field(name, NumberKind.LONG, value));
        }
    }

    public static void enter(
            final Logger logger, final String function,
            final String name1, final String value1, final String name2, final String value2) {
        if (logger.isTraceEnabled()) {
            log(logger, enterMessage(function).field(name1, value1).field(name2, value2));
        }
    }

    public static void enter(
            final Logger logger, final String function,
            final String name1, final String value1, final String name2, final long value2) {
        if (logger.isTraceEnabled()) {
            log(logger, enterMessage(function).field(name1, value1).field(name2, NumberKind.LONG, value2));
        }
    }

    public static void enter(
            final Logger logger, final String function,
            final String name1, final long value1, final String name2, final String value2) {
        if (logger.isTraceEnabled()) {
            log(logger, enterMessage(function).field(name1, NumberKind.LONG, value1).field(name2, value2));
        }
    }

    public static void enter(
            final Logger logger, final String function,
            final String name1, final long value1, final String name2, final long value2) {
        if (logger.isTraceEnabled()) {
            log(logger, enterMessage(function).field(name1, NumberKind.LONG, value1).field(name2, NumberKind.LONG, value2));
        }
    }

    /** Function exit; {@code elapsedNanos} is a {@code System.nanoTime()} difference, written as {@code elapsed_ms}. */
    public static void exit(final Logger logger, final String function, final long elapsedNanos) {
        if (logger.isTraceEnabled()) {
            log(logger, exitMessage(function).field(ELAPSED_MS, NumberKind.MILLIS, elapsedNanos));
        }
    }

    /** Function exit with its result. */
    public static void exit(final Logger logger, final String function, final String result, final long elapsedNanos) {
        if (logger.isTraceEnabled()) {
            final TraceMessage message = exitMessage(function);
            if (result != null) {
                message.field(RESULT, result);
            }
            log(logger, message.field(ELAPSED_MS, NumberKind.MILLIS, elapsedNanos));
        }
    }

    /** Function exit with a numeric result. */
    public static void exit(final Logger logger, final String function, final long result, final long elapsedNanos) {
        if (logger.isTraceEnabled()) {
            log(logger, exitMessage(function)
                    .field(RESULT, NumberKind.LONG, result)
                    .field(ELAPSED_MS, NumberKind.MILLIS, elapsedNanos));
        }
    }

    /** Loop iteration {@code iteration} (as the caller counts, usually from 0) of {@code total}. */
    public static void loop(final Logger logger, final String target, final long iteration, final long total) {
        if (logger.isTraceEnabled()) {
            log(logger, loopMessage(target, iteration, total, null));
        }
    }

    public static void loop(
            final Logger logger, final String target, final long iteration, final long total, final String human) {
        if (logger.isTraceEnabled()) {
            log(logger, loopMessage(target, iteration, total, human));
        }
    }

    /** A state change of {@code target}: {@code from → to}. */
    public static void state(final Logger logger, final String target, final String from, final String to) {
        if (logger.isTraceEnabled()) {
            log(logger, stateMessage(target, null).field(FROM, from).field(TO, to));
        }
    }

    public static void state(
            final Logger logger, final String target, final String from, final String to, final String human) {
        if (logger.isTraceEnabled()) {
            log(logger, stateMessage(target, human).field(FROM, from).field(TO, to));
        }
    }

    public static void state(final Logger logger, final String target, final long from, final long to) {
        if (logger.isTraceEnabled()) {
            log(logger, stateMessage(target, null).field(FROM, NumberKind.LONG, from).field(TO, NumberKind.LONG, to));
        }
    }

    public static void state(
            final Logger logger, final String target, final long from, final long to, final String human) {
        if (logger.isTraceEnabled()) {
            log(logger, stateMessage(target, human).field(FROM, NumberKind.LONG, from).field(TO, NumberKind.LONG, to));
        }
    }

    /**
     * Traces a function: logs its entry now and its exit with {@code elapsed_ms} when the returned timer is closed.
     * Use it only in a try-with-resources statement; when TRACE is off it returns an inert timer.
     */
    public static FunctionTrace fn(final Logger logger, final String function) {
        if (!logger.isTraceEnabled()) {
            return FunctionTrace.OFF;
        }
        log(logger, enterMessage(function));
        return FunctionTrace.start(logger, function);
    }

    public static FunctionTrace fn(final Logger logger, final String function, final String name, final String value) {
        if (!logger.isTraceEnabled()) {
            return FunctionTrace.OFF;
        }
        log(logger, enterMessage(function).field(name, value));
        return FunctionTrace.start(logger, function);
    }

    public static FunctionTrace fn(final Logger logger, final String function, final String name, final long value) {
        if (!logger.isTraceEnabled()) {
            return FunctionTrace.OFF;
        }
        log(logger, enterMessage(function).field(name, NumberKind.LONG, value));
        return FunctionTrace.start(logger, function);
    }

    private static TraceMessage enterMessage(final String function) {
        return TraceMessage.acquire().start(TraceKind.ENTER, null, function, null, null);
    }

    static TraceMessage exitMessage(final String function) {
        return TraceMessage.acquire().start(TraceKind.EXIT, null, function, null, null);
    }

    private static TraceMessage loopMessage(final String target, final long iteration, final long total, final String human) {
        return TraceMessage.acquire().start(TraceKind.LOOP, null, target, null, human)
                .field(ITERATION, NumberKind.LONG, iteration)
                .field(TOTAL, NumberKind.LONG, total);
    }

    private static TraceMessage stateMessage(final String target, final String human) {
        return TraceMessage.acquire().start(TraceKind.STATE, null, target, null, human);
    }

    /** Logs at TRACE through the logger's own filters; never lets a failure reach the application. */
    static void log(final Logger logger, final TraceMessage message) {
        try {
            if (logger instanceof ExtendedLogger) {
                ((ExtendedLogger) logger).logIfEnabled(FQCN, Level.TRACE, null, (Message) message, null);
            } else {
                logger.trace(message);
            }
        } catch (RuntimeException | LinkageError e) {
            org.apache.logging.log4j.status.StatusLogger.getLogger().error(
                    "TRACE helper could not log through logger {}", logger.getName(), e);
        } finally {
            message.release();
        }
    }
}
