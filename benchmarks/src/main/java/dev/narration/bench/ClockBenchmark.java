package dev.narration.bench;

import dev.narration.trace.Trace;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.time.MutableInstant;
import org.apache.logging.log4j.core.util.Clock;
import org.apache.logging.log4j.core.util.SystemClock;
import org.apache.logging.log4j.core.util.SystemMillisClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The event clock's price: Log4j's default {@code SystemClock} (reads a {@code java.time.Instant}, nanosecond
 * resolution) against {@code SystemMillisClock} (reads {@code System.currentTimeMillis()}), alone — timestamping a
 * reusable instant as the async translator does — and end to end, a TRACE helper through all-async loggers with
 * each clock selected by {@code log4j2.clock}. Run with {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClockBenchmark extends AsyncLoggerState {
    private final MutableInstant instant = new MutableInstant();
    private final Clock systemClock = new SystemClock();
    private final Clock systemMillisClock = new SystemMillisClock();

    @Override
    protected String loggerName() {
        return "com.acme.orchestratord.Dispatcher";
    }

    @Benchmark
    public long stampSystemClock() {
        instant.initFrom(systemClock);
        return instant.getNanoOfSecond();
    }

    @Benchmark
    public long stampSystemMillisClock() {
        instant.initFrom(systemMillisClock);
        return instant.getNanoOfSecond();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dlog4j2.clock=SystemClock")
    public void traceWithSystemClock() {
        Trace.loop(logger, "select_worker", i++ & 7, 8);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dlog4j2.clock=SystemMillisClock")
    public void traceWithSystemMillisClock() {
        Trace.loop(logger, "select_worker", i++ & 7, 8);
    }
}
