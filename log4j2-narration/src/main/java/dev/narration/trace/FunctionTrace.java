package dev.narration.trace;

import dev.narration.internal.trace.NumberKind;
import dev.narration.internal.trace.TraceMessage;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.util.Constants;

/**
 * The timer {@link Trace#fn} returns: closing it logs the function's exit with {@code elapsed_ms} (and the result,
 * if one was given). Use it only in a try-with-resources statement:
 *
 * <pre>{@code
 * try (FunctionTrace fn = Trace.fn(log, "dispatch_job", "job_id", jobId)) {
 *     String worker = pickWorker();
 *     fn.result(worker);
 *     return worker;
 * }
 * }</pre>
 *
 * <p>Allocation-free: each thread has one timer holding a stack of open functions, so nested timers work as long
 * as they close in reverse order, which try-with-resources guarantees. Calls on a timer returned while TRACE was
 * off do nothing.
 */
public final class FunctionTrace implements AutoCloseable {
    static final FunctionTrace OFF = new FunctionTrace();
    private static final ThreadLocal<FunctionTrace> CURRENT = ThreadLocal.withInitial(FunctionTrace::new);

    private Logger[] loggers = new Logger[8];
    private String[] functions = new String[8];
    private long[] starts = new long[8];
    private String[] textResults = new String[8];
    private long[] numberResults = new long[8];
    private boolean[] hasNumberResult = new boolean[8];
    private int depth;

    private FunctionTrace() {}

    static FunctionTrace start(final Logger logger, final String function) {
        final FunctionTrace timer = Constants.ENABLE_THREADLOCALS ? CURRENT.get() : new FunctionTrace();
        timer.push(logger, function);
        return timer;
    }

    private void push(final Logger logger, final String function) {
        if (depth == loggers.length) {
            grow();
        }
        loggers[depth] = logger;
        functions[depth] = function;
        textResults[depth] = null;
        hasNumberResult[depth] = false;
        starts[depth] = System.nanoTime();
        depth++;
    }

    /** The result the exit event reports as {@code result}. */
    public FunctionTrace result(final String result) {
        if (depth > 0) {
            textResults[depth - 1] = result;
            hasNumberResult[depth - 1] = false;
        }
        return this;
    }

    /** A numeric result, reported as a JSON number. */
    public FunctionTrace result(final long result) {
        if (depth > 0) {
            numberResults[depth - 1] = result;
            hasNumberResult[depth - 1] = true;
        }
        return this;
    }

    /** Logs the exit of the innermost open function. Never throws. */
    @Override
    public void close() {
        if (depth == 0) {
            return;
        }
        final int top = --depth;
        final long elapsed = System.nanoTime() - starts[top];
        final Logger logger = loggers[top];
        final String function = functions[top];
        final String text = textResults[top];
        loggers[top] = null;
        functions[top] = null;
        textResults[top] = null;
        if (!logger.isTraceEnabled()) {
            return;
        }
        final TraceMessage message = Trace.exitMessage(function);
        if (hasNumberResult[top]) {
            message.field(Trace.RESULT, NumberKind.LONG, numberResults[top]);
        } else if (text != null) {
            message.field(Trace.RESULT, text);
        }
        Trace.log(logger, message.field(Trace.ELAPSED_MS, NumberKind.MILLIS, elapsed));
    }

    private void grow() {
        final int capacity = loggers.length * 2;
        loggers = java.util.Arrays.copyOf(loggers, capacity);
        functions = java.util.Arrays.copyOf(functions, capacity);
        starts = java.util.Arrays.copyOf(starts, capacity);
        textResults = java.util.Arrays.copyOf(textResults, capacity);
        numberResults = java.util.Arrays.copyOf(numberResults, capacity);
        hasNumberResult = java.util.Arrays.copyOf(hasNumberResult, capacity);
    }
}
