package dev.narration.bench;

import dev.narration.Narration;
import dev.narration.editorial.EditorialFilter;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.Filter.Result;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.filter.ThresholdFilter;
import org.apache.logging.log4j.core.impl.ContextDataFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.StringMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of {@code EditorialFilter} per event, beside Log4j's {@code ThresholdFilter} (a level comparison, the
 * cheapest useful filter) in the same run:
 * <ul>
 *   <li>{@code event*}: the {@code LogEvent} path (a filter on a logger, an AppenderRef or an appender);</li>
 *   <li>{@code call*}: the logger-level path of a configuration-wide filter, a parameterized call
 *       {@code log.info("… {} … {}", a, b)} with the correlation id in the {@code ThreadContext}.</li>
 * </ul>
 * Conforming events are the common case; violating events add counting and the rate-limited report check.
 *
 * <pre>benchmarks/run.sh EditorialFilterBenchmark -prof gc -f 1 -wi 3 -w 1s -i 5 -r 1s</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EditorialFilterBenchmark {
    private static final String ACCEPTED = "Accepted request; queued at position 3 (ETA 420 ms) on pool 'default'";

    private LoggerContext context;
    private Logger logger;
    private Filter threshold;
    private EditorialFilter editorial;
    private LogEvent conforming;
    private LogEvent conformingNarration;
    private LogEvent violating;
    private final Object position = "3";
    private final Object pool = "default";

    @Setup(org.openjdk.jmh.annotations.Level.Trial)
    public void setUp() {
        context = new LoggerContext("editorial-bench");
        context.start();
        // The filter leaves calls below the logger's level to the level check: measure calls that are enabled.
        context.getConfiguration().getRootLogger().setLevel(Level.INFO);
        context.updateLoggers();
        logger = context.getLogger("com.acme.orchestratord.Admission");
        threshold = ThresholdFilter.createFilter(Level.INFO, Result.NEUTRAL, Result.DENY);
        editorial = EditorialFilter.newBuilder().setOnMismatch(Result.DENY).build();
        conforming = event(new SimpleMessage(ACCEPTED));
        conformingNarration = event(Narration.action("accept").target("job-123")
                .human("Accepted request; queued at position {} (ETA {} ms) on pool '{}'", 3, 420, "default")
                .field("queue_position", 3));
        violating = event(new SimpleMessage("Accepted inference request for model 'llama-7b' with max_tokens=150, "
                + "temperature=0.7, top_p=0.9, frequency_penalty=0.5, presence_penalty=0.3, and queued at position 3"));
        ThreadContext.put("correlation_id", "req-1");
    }

    @TearDown(org.openjdk.jmh.annotations.Level.Trial)
    public void tearDown() {
        ThreadContext.clearMap();
        context.stop();
    }

    private LogEvent event(final Message message) {
        final StringMap data = ContextDataFactory.createContextData();
        data.putValue("correlation_id", "req-1");
        data.putValue("job_id", "job-123");
        return Log4jLogEvent.newBuilder().setLoggerName(logger.getName()).setLevel(Level.INFO).setMessage(message)
                .setContextData(data).build();
    }

    @Benchmark
    public Result eventThresholdFilter() {
        return threshold.filter(conforming);
    }

    @Benchmark
    public Result eventConforming() {
        return editorial.filter(conforming);
    }

    @Benchmark
    public Result eventConformingNarration() {
        return editorial.filter(conformingNarration);
    }

    @Benchmark
    public Result eventViolating() {
        return editorial.filter(violating);
    }

    @Benchmark
    public Result callThresholdFilter() {
        return threshold.filter(logger, Level.INFO, null, "Accepted request; queued at position {} on pool '{}'", position, pool);
    }

    @Benchmark
    public Result callConforming() {
        return editorial.filter(logger, Level.INFO, null, "Accepted request; queued at position {} on pool '{}'", position, pool);
    }

    @Benchmark
    public Result callViolating() {
        return editorial.filter(logger, Level.INFO, null,
                "Accepted inference request for model '{}' with max_tokens=150, temperature=0.7, top_p=0.9, "
                        + "frequency_penalty=0.5, presence_penalty=0.3, and queued at position {}", pool, position);
    }
}
