package dev.narration.bench;

import dev.narration.layout.NarrationJsonLayout;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
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
 * How the cost of encoding one event grows with the message length (16, 256, 4096 characters, 3 context entries)
 * and with the number of context entries (0, 8, 32, a 64-character message), for NarrationJsonLayout beside the
 * two plain Log4j layouts, through each layout's garbage-free {@code encode} path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NarrationScalingBenchmark {
    /** {@code m<length>} with 3 context entries, or {@code c<entries>} with a 64-character message. */
    @Param({"m16", "m256", "m4096", "c0", "c8", "c32"})
    public String shape;

    private LogEvent event;
    private NarrationJsonLayout narration;
    private JsonTemplateLayout jsonTemplateEcs;
    private PatternLayout pattern;
    private final EncodeBenchmark.Destination destination = new EncodeBenchmark.Destination();

    @Setup
    public void setUp() {
        final DefaultConfiguration configuration = new DefaultConfiguration();
        narration = NarrationJsonLayout.newBuilder().setConfiguration(configuration).setServiceName("orchestratord").build();
        jsonTemplateEcs = JsonTemplateLayout.newBuilder().setConfiguration(configuration)
                .setEventTemplateUri("classpath:EcsLayout.json").build();
        pattern = PatternLayout.newBuilder().setConfiguration(configuration)
                .withPattern(AsyncContexts.PATTERN_TEXT).build();
        final boolean byLength = shape.charAt(0) == 'm';
        final int size = Integer.parseInt(shape.substring(1));
        final int messageLength = byLength ? size : 64;
        final int entries = byLength ? 3 : size;
        final StringBuilder message = new StringBuilder(messageLength);
        while (message.length() < messageLength) {
            message.append("Accepted request for job-123 on pool default; ");
        }
        message.setLength(messageLength);
        final SortedArrayStringMap context = new SortedArrayStringMap();
        for (int i = 0; i < entries; i++) {
            context.putValue(i == 0 ? "correlation_id" : "field_" + i, "value-" + i);
        }
        context.freeze();
        event = Log4jLogEvent.newBuilder().setLoggerName("com.acme.orchestratord.JobAdmission")
                .setLoggerFqcn("org.apache.logging.log4j.spi.AbstractLogger").setContextData(context)
                .setThreadName("main").setTimeMillis(1_763_708_809_123L).setLevel(Level.INFO)
                .setMessage(new SimpleMessage(message.toString())).build();
    }

    @Benchmark
    public long narrationJsonLayout() {
        narration.encode(event, destination);
        return destination.reset();
    }

    @Benchmark
    public long jsonTemplateLayoutEcs() {
        jsonTemplateEcs.encode(event, destination);
        return destination.reset();
    }

    @Benchmark
    public long patternLayout() {
        pattern.encode(event, destination);
        return destination.reset();
    }
}
