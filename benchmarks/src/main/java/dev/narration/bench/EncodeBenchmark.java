package dev.narration.bench;

import dev.narration.layout.FieldType;
import dev.narration.layout.NarrationJsonLayout;
import dev.narration.layout.Rename;
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
 * The cost of turning one event into bytes, for NarrationJsonLayout (its default line and each backend schema,
 * docs/schemas.md) and the two plain Log4j baselines, on the same events, through each layout's garbage-free
 * {@code encode} path (what file and socket appenders call).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dlog4j2.enableThreadlocals=true", "-Dlog4j2.enableDirectEncoders=true"})
public class EncodeBenchmark {
    /**
     * info: a short INFO with 3 context entries; parameterized: a message with 3 parameters; error: a 2-deep cause
     * chain; span: info inside a sampled span (its ids and flags in the context, which the schemas convert: Datadog's
     * decimals, Google Cloud's trace resource, OTLP's flags).
     */
    @Param({"info", "parameterized", "error", "span"})
    public String event;

    /**
     * The layout options of docs/layout.md set on every NarrationJsonLayout: none; stack-traces, the four that shape a
     * stack trace (stackTraceFrames, stackTraceFilter, rootCauseFirst, stackTraceHash); context, the context options
     * (contextInclude, contextExclude, a Rename, typeContext="infer" and a FieldType); line-cap, maxLineBytes at 16 KiB,
     * which these events stay under.
     */
    @Param({"none", "stack-traces", "context", "line-cap"})
    public String options;

    private LogEvent logEvent;
    private NarrationJsonLayout narration;
    private NarrationJsonLayout ecs;
    private NarrationJsonLayout gcp;
    private NarrationJsonLayout datadog;
    private NarrationJsonLayout otel;
    private JsonTemplateLayout jsonTemplateEcs;
    private PatternLayout pattern;
    private final DrainingDestination destination = new DrainingDestination();

    @Setup
    public void setUp() {
        final DefaultConfiguration configuration = new DefaultConfiguration();
        narration = withOptions(NarrationJsonLayout.newBuilder().setConfiguration(configuration).setServiceName("orchestratord")).build();
        ecs = schema(configuration, "ecs");
        gcp = schema(configuration, "gcp");
        datadog = schema(configuration, "datadog");
        otel = schema(configuration, "otel");
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

    private NarrationJsonLayout schema(final DefaultConfiguration configuration, final String schema) {
        return withOptions(NarrationJsonLayout.newBuilder().setConfiguration(configuration).setServiceName("orchestratord")
                .setSchema(schema).setGcpProjectId("acme-prod")).build();
    }

    private NarrationJsonLayout.Builder withOptions(final NarrationJsonLayout.Builder builder) {
        switch (options) {
            case "stack-traces":
                return builder.setStackTraceFrames(8).setStackTraceFilter("jdk.internal.reflect., java.lang.reflect.")
                        .setRootCauseFirst(true).setStackTraceHash(true);
            case "context":
                return builder.setContextInclude("*_id, http.*").setContextExclude("session_*")
                        .setRenames(Rename.newBuilder().setFrom("job_id").setTo("job.id").build())
                        .setTypeContext("infer").setFieldTypes(FieldType.newBuilder().setKey("pool_id").setType("string").build());
            case "line-cap":
                return builder.setMaxLineBytes(16 * 1024);
            default:
                return builder;
        }
    }

    @Benchmark
    public long narrationJsonLayoutEcs() {
        ecs.encode(logEvent, destination);
        return destination.reset();
    }

    @Benchmark
    public long narrationJsonLayoutGcp() {
        gcp.encode(logEvent, destination);
        return destination.reset();
    }

    @Benchmark
    public long narrationJsonLayoutDatadog() {
        datadog.encode(logEvent, destination);
        return destination.reset();
    }

    @Benchmark
    public long narrationJsonLayoutOtel() {
        otel.encode(logEvent, destination);
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
            if (name.equals("span")) {
                context.putValue("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
                context.putValue("span_id", "00f067aa0ba902b7");
                context.putValue("trace_flags", "01");
            }
            context.freeze();
            final Log4jLogEvent.Builder builder = Log4jLogEvent.newBuilder().setLoggerName("com.acme.orchestratord.JobAdmission")
                    .setLoggerFqcn("org.apache.logging.log4j.spi.AbstractLogger").setContextData(context)
                    .setThreadName("main").setTimeMillis(1_763_708_809_123L);
            switch (name) {
                case "info":
                case "span":
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
