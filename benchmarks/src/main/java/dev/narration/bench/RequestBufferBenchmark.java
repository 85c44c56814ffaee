package dev.narration.bench;

import dev.narration.Correlation;
import dev.narration.CorrelationScope;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Logger;
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
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Requests per millisecond through real all-async loggers into {@code NarrationJsonLayout} on a
 * {@code RandomAccessFile} appender ({@link AsyncContexts}), with and without a {@code RequestBuffer}, in one run.
 * A request opens its {@code Correlation} scope, logs three DEBUG lines and an INFO, and closes the scope; one in
 * {@value #FAILING_ONE_IN} fails instead, with an ERROR in place of the INFO. Three pipelines:
 * <ul>
 *   <li>{@code info-only}: no buffer, DEBUG off (the logger is under {@code com.acme.quiet}, at INFO): what a service
 *       runs today, without the DEBUG lines of its failures;</li>
 *   <li>{@code debug-all}: no buffer, DEBUG on: every DEBUG line written;</li>
 *   <li>{@code buffered}: a {@code RequestBuffer} at its defaults in front of the file: DEBUG lines held and written
 *       for the failing requests only, dropped at the close of the others' scopes.</li>
 * </ul>
 * With all-async loggers the buffer runs on the background thread; the calling thread pays only for the end of each
 * request, one more ring-buffer event. The fork settings are those of {@link AsyncPipelineBenchmark}, for its
 * reasons (docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dlog4j2.asyncLoggerRingBufferSize=16384", "-Dlog4j2.asyncLoggerWaitStrategy=Yield"})
public class RequestBufferBenchmark {
    static final int FAILING_ONE_IN = 64;
    private static final int IDS = 1024;

    static {
        RecommendedSettings.applyUnlessSet();
    }

    @Param({"info-only", "debug-all", "buffered"})
    public String pipeline;

    private LoggerContext context;
    private Logger logger;

    /** Per producer thread: a ring of request ids, made up front so that the benchmark does not measure making them. */
    @State(Scope.Thread)
    public static class Requests {
        private final String[] ids = new String[IDS];
        private int next;

        @Setup
        public void makeIds(final ThreadParams thread) {
            for (int i = 0; i < IDS; i++) {
                ids[i] = "req-" + thread.getThreadIndex() + "-" + i;
            }
        }

        String nextId() {
            return ids[next++ & (IDS - 1)];
        }

        boolean fails() {
            return next % FAILING_ONE_IN == 0;
        }
    }

    @Setup(Level.Trial)
    public void start() {
        context = AsyncContexts.start(pipeline.equals("buffered") ? "buffered" : "narration");
        logger = context.getLogger(pipeline.equals("info-only") ? "com.acme.quiet.JobAdmission" : "com.acme.orchestratord.JobAdmission");
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.stop();
    }

    @Benchmark
    public void request(final Requests requests) {
        try (CorrelationScope scope = Correlation.open(requests.nextId())) {
            logger.debug("Selected worker {} of pool {}", "gpu-0", "default");
            logger.debug("Reserved {} MB of VRAM on {}", Unbox.box(4096), "gpu-0");
            logger.debug("Loaded model {} in {} ms", "llama-7b", Unbox.box(420));
            if (requests.fails()) {
                logger.error("Failed to start the job on {}: out of VRAM", "gpu-0");
            } else {
                logger.info("Accepted request; queued on pool {}", "default");
            }
        }
    }
}
