package dev.narration.bench;

import dev.narration.layout.NarrationJsonLayout;
import dev.narration.testsupport.DrainingDestination;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of turning one event into bytes, for NarrationJsonLayout and the two plain Log4j baselines, on the same
 * events, through each layout's garbage-free {@code encode} path (what file and socket appenders call).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dlog4j2.enableThreadlocals=true", "-Dlog4j2.enableDirectEncoders=true"})
public class EncodeBenchmark {
    /** info: a short INFO with 3 context entries; parameterized: a message with 3 parameters; error: a 2-deep cause chain. */
    @Param({"info", "parameterized", "error"})
    public String event;

    private LogEvent logEvent;
    private NarrationJsonLayout narration;
    private JsonTemplateLayout jsonTemplateEcs;
    private PatternLayout pattern;
    private final DrainingDestination destination = new DrainingDestination();

    @Setup
    public void setUp() {
        final DefaultConfiguration configuration = new DefaultConfiguration();
        narration = NarrationJsonLayout.newBuilder().setConfiguration(configuration).setServiceName("orchestratord").build();
        jsonTemplateEcs = JsonTemplateLayout.newBuilder().setConfiguration(configuration)
                .setEventTemplateUri("classpath:EcsLayout.json").build();
        pattern = PatternLayout.newBuilder().withConfiguration(configuration)
                .withPattern("%d{ISO8601} %-5level [%t] %c{1.} %X - %msg%n").build();
        logEvent = Events.named(event);
    }

    @Benchmark
    public long narrationJsonLayout() {
        narration.encode(logEvent, destination);
        return destination.reset();
    }

    @Benchmark
    public long jsonTemplateLayoutEcs() {
        jsonTemplateEcs.encode(logEvent, destination);
        return destination.reset();
    }

    @Benchmark
    public long patternLayout() {
        pattern.encode(logEvent, destination);
        return destination.reset();
    }

    /** The benchmark's events, frozen as an asynchronous logger would hand them to the background thread. */
    static final class Events {
        private Events() {}

        static LogEvent named(final String name) {
            final SortedArrayStringMap context = new SortedArrayStringMap();
            context.putValue("correlation_id", "req-7f3a9c2e");
            context.putValue("job_id", "job-123");
            context.putValue("pool_id", "default");
            context.freeze();
            final Log4jLogEvent.Builder builder = Log4jLogEvent.newBuilder().setLoggerName("com.acme.orchestratord.JobAdmission")
                    .setLoggerFqcn("org.apache.logging.log4j.spi.AbstractLogger").setContextData(context)
                    .setThreadName("main").setTimeMillis(1_763_708_809_123L);
            switch (name) {
                case "info":
                    return builder.setLevel(Level.INFO).setMessage(new SimpleMessage("Accepted request; queued at position 3 on pool 'default'")).build();
                case "parameterized":
                    final ParameterizedMessage message = new ParameterizedMessage(
                            "Job {} completed in {} ms ({} tokens)", "job-123", 2500, 150);
                    message.getFormattedMessage();
                    return builder.setLevel(Level.INFO).setMessage(message).build();
                case "error":
                    final Exception root = new java.io.IOException("connection refused");
                    final Exception middle = new IllegalStateException("worker unreachable", root);
                    final Exception top = new RuntimeException("dispatch of job-123 failed", middle);
                    return builder.setLevel(Level.ERROR).setMessage(new SimpleMessage("Dispatch failed for job-123")).setThrown(top).build();
                default:
                    return EventShapes.named(name);
            }
        }
    }
}
