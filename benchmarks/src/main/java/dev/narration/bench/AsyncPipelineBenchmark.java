package dev.narration.bench;

import dev.narration.Correlation;
import dev.narration.CorrelationScope;
import dev.narration.trace.Trace;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.util.Unbox;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end throughput through real all-async loggers (Disruptor 3.4.4, the recommended settings of
 * {@code examples/log4j2.component.properties}) into a {@code RandomAccessFile} appender, on the same events, for
 * each layout. Producers outrun the single background thread, so the ring buffer stays full and the score is what
 * the pipeline sustains. Run with {@code -t 1} and {@code -t 2} for one and two producer threads (docs/performance.md).
 *
 * <p>Two settings differ from the recommended ones, so that the score is the rate of the slower side rather than
 * of how the two threads happen to wait for each other (docs/performance.md shows both):
 * <ul>
 *   <li>the {@code Yield} wait strategy instead of {@code Timeout}: with {@code Timeout}, when producer and
 *       background thread run at similar rates, the background thread keeps falling asleep on a lock that every
 *       publish must then signal, and iterations of the same setup scattered between 800 and 3 000 events/ms;</li>
 *   <li>16 384 ring-buffer slots instead of 262 144: between iterations the background thread drains the buffer
 *       and the producers then refill it at their own speed, which with 262 144 slots added up to 130 events/ms to
 *       a 2-second iteration. The sustained rate does not need the larger buffer, which only absorbs bursts.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dlog4j2.asyncLoggerRingBufferSize=16384", "-Dlog4j2.asyncLoggerWaitStrategy=Yield"})
public class AsyncPipelineBenchmark {
    static {
        RecommendedSettings.applyUnlessSet();
    }

    /** A setup of {@link AsyncContexts#setup}: a layout alone, or the full narration pipeline. */
    @Param({"pattern", "ecs", "narration", "redacted", "full", "full-rewrite"})
    public String layout;

    private LoggerContext context;
    private Logger logger;

    /** Per producer thread: a request's correlation scope, two more context entries, and a counter. */
    @State(Scope.Thread)
    public static class Producer {
        long i;
        private CorrelationScope request;

        @Setup
        public void enterRequest() {
            request = Correlation.open("req-7f3a9c2e");
            ThreadContext.put("job_id", "job-123");
            ThreadContext.put("pool_id", "default");
        }

        @TearDown
        public void leaveRequest() {
            request.close();
            ThreadContext.clearMap();
        }
    }

    @Setup(Level.Trial)
    public void start() {
        context = AsyncContexts.start(layout);
        logger = context.getLogger("com.acme.orchestratord.JobAdmission");
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.stop();
    }

    /** An INFO event with two parameters and three context entries, identical for every layout. */
    @Benchmark
    public void info(final Producer producer) {
        logger.info("Accepted request; queued at position {} on pool {}", Unbox.box(producer.i++ & 7), "default");
    }

    /**
     * A clean 120-character INFO sentence with the three context entries: the event by which redaction's cost is
     * judged (docs/performance.md, "Redaction").
     */
    @Benchmark
    public void clean120(final Producer producer) {
        logger.info(RedactionBenchmark.CLEAN_120);
    }

    /**
     * The same sentence from a format and two arguments: formatted anew for every event, so that redaction scans it,
     * where the constant message of {@link #clean120} is scanned once.
     */
    @Benchmark
    public void clean120Param(final Producer producer) {
        logger.info(RedactionBenchmark.CLEAN_120_FORMAT, Unbox.box(123), Unbox.box(3));
    }

    /** A TRACE helper (loop iteration: action, target, typed iteration and total). */
    @Benchmark
    public void traceHelper(final Producer producer) {
        Trace.loop(logger, "select_worker", producer.i++ & 7, 8);
    }

    /** The plain call writing the same sentence. */
    @Benchmark
    public void tracePlain(final Producer producer) {
        logger.trace("select_worker iteration {} of {}", Unbox.box(producer.i++ & 7), Unbox.box(8));
    }
}
