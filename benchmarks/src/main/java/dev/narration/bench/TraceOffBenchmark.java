package dev.narration.bench;

import dev.narration.trace.FunctionTrace;
import dev.narration.trace.Trace;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.util.Unbox;
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
 * What a TRACE call costs when TRACE is off (the production setting), beside {@code logger.isTraceEnabled()} and the
 * plain Log4j calls: with {@code Unbox.box} (formats the number before the level check) and autoboxed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TraceOffBenchmark extends AsyncLoggerState {

    @Override
    protected String loggerName() {
        return "com.acme.quiet.Dispatcher";
    }

    @Benchmark
    public boolean isTraceEnabled() {
        i++;
        return logger.isTraceEnabled();
    }

    @Benchmark
    public void helperLoop() {
        Trace.loop(logger, "select_worker", i++, 8);
    }

    @Benchmark
    public void helperEnter() {
        Trace.enter(logger, "dispatch_job", "job_id", "job-123", "slot", i++);
    }

    @Benchmark
    public long helperFunctionTimer() {
        try (FunctionTrace fn = Trace.fn(logger, "dispatch_job", "slot", i)) {
            return i++;
        }
    }

    @Benchmark
    public void plainUnbox() {
        logger.trace("select_worker iteration {}", Unbox.box(i++));
    }

    @Benchmark
    public void plainAutobox() {
        logger.trace("select_worker iteration {}", i++);
    }
}
