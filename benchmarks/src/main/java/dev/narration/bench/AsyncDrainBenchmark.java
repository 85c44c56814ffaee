package dev.narration.bench;

import java.io.Serializable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.util.Unbox;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The rate at which the background thread of all-async loggers writes events, on its own: the time per event to
 * drain a ring buffer filled with {@value #EVENTS} events, through the same loggers, appender and layouts as
 * {@link AsyncPipelineBenchmark}. When producers outrun it, this is the sustained throughput of the pipeline.
 *
 * <p>Why beside {@link AsyncPipelineBenchmark}: on a 2-vCPU machine, running the producer and the background thread
 * together gives forks that settle at either about 2,500 or about 800 events/ms, for every setup alike, so a ratio
 * of two setups needs many forks and still scatters. Here the background thread runs alone: before each timed
 * invocation a gate event holds it in an appender while the calling thread fills the ring buffer; the invocation
 * opens the gate and ends when the last event has been written, which a marker event after them signals. The
 * producer's own cost, the same for every layout, is left out, and so is its interference.
 *
 * <p>Run with {@code benchmarks/run.sh AsyncDrainBenchmark}; the score is nanoseconds per event, and 10^6 divided by
 * it is events/ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(AsyncDrainBenchmark.EVENTS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Dlog4j2.asyncLoggerRingBufferSize=16384", "-Dlog4j2.asyncLoggerWaitStrategy=Yield"})
public class AsyncDrainBenchmark {
    /** Events per invocation: the ring buffer's 16,384 slots, less room for the gate and the marker. */
    static final int EVENTS = 16_000;

    static {
        RecommendedSettings.applyUnlessSet();
    }

    /** A setup of {@link AsyncContexts#setup}. */
    @Param({"narration", "redacted"})
    public String layout;

    /** The events of {@link AsyncPipelineBenchmark} of the same names. */
    @Param({"clean120", "clean120Param"})
    public String event;

    private LoggerContext context;
    private Logger logger;
    private Logger gate;
    private Logger marker;
    private final Signals signals = new Signals();
    /** The request context of AsyncPipelineBenchmark's producers, entered on this thread. */
    private final AsyncPipelineBenchmark.Producer request = new AsyncPipelineBenchmark.Producer();

    @Setup(Level.Trial)
    public void start() {
        context = AsyncContexts.start(layout);
        logger = context.getLogger("com.acme.orchestratord.JobAdmission");
        gate = signalLogger("bench.gate", new SignalAppender("gate", signals::holdUntilOpened));
        marker = signalLogger("bench.marker", new SignalAppender("marker", signals::drained));
        request.enterRequest();
    }

    /** A logger that writes only to the appender, on the same background thread as every other logger. */
    private Logger signalLogger(final String name, final SignalAppender appender) {
        final Configuration configuration = context.getConfiguration();
        appender.start();
        configuration.addAppender(appender);
        final LoggerConfig config = new LoggerConfig(name, org.apache.logging.log4j.Level.INFO, false);
        config.addAppender(appender, null, null);
        configuration.addLogger(name, config);
        context.updateLoggers();
        return context.getLogger(name);
    }

    @TearDown(Level.Trial)
    public void stop() {
        request.leaveRequest();
        context.stop();
    }

    /** Holds the background thread at the gate, then queues the events and the marker behind it. */
    @Setup(Level.Invocation)
    public void fill() throws InterruptedException {
        signals.reset();
        gate.info("gate");
        signals.awaitHeld();
        if ("clean120".equals(event)) {
            for (int i = 0; i < EVENTS; i++) {
                logger.info(RedactionBenchmark.CLEAN_120);
            }
        } else {
            for (int i = 0; i < EVENTS; i++) {
                logger.info(RedactionBenchmark.CLEAN_120_FORMAT, Unbox.box(123), Unbox.box(3));
            }
        }
        marker.info("drained");
    }

    @Benchmark
    public void drain() throws InterruptedException {
        signals.open();
        signals.awaitDrained();
    }

    /** What the gate and the marker tell the benchmark thread, and the gate's latch. */
    private static final class Signals {
        private volatile CountDownLatch held;
        private volatile CountDownLatch opened;
        private volatile CountDownLatch drained;

        void reset() {
            held = new CountDownLatch(1);
            opened = new CountDownLatch(1);
            drained = new CountDownLatch(1);
        }

        /** On the background thread: the gate event. */
        void holdUntilOpened() {
            held.countDown();
            try {
                opened.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** On the background thread: the marker event, after every event of the invocation. */
        void drained() {
            drained.countDown();
        }

        void awaitHeld() throws InterruptedException {
            held.await();
        }

        void open() {
            opened.countDown();
        }

        void awaitDrained() throws InterruptedException {
            drained.await();
        }
    }

    /** Runs its action for each event it is given. */
    private static final class SignalAppender extends AbstractAppender {
        private final Runnable action;

        SignalAppender(final String name, final Runnable action) {
            super(name, (Filter) null, (Layout<? extends Serializable>) null, true, Property.EMPTY_ARRAY);
            this.action = action;
        }

        @Override
        public void append(final LogEvent event) {
            action.run();
        }
    }
}
