package dev.narration.bench;

import com.lmax.disruptor.EventFactory;
import dev.narration.layout.NarrationJsonLayout;
import dev.narration.redact.RedactionRewritePolicy;
import dev.narration.redact.Redactor;
import dev.narration.testsupport.DrainingDestination;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.rewrite.RewritePolicy;
import org.apache.logging.log4j.core.async.RingBufferLogEvent;
import org.apache.logging.log4j.core.impl.ContextDataFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.util.ClockFactory;
import org.apache.logging.log4j.core.util.SystemNanoClock;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.ReusableParameterizedMessage;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.StringMap;
import org.apache.logging.log4j.util.Unbox;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of redacting one event: {@code RedactionRewritePolicy} beside a naive policy running the equivalent
 * {@code java.util.regex} patterns one after another ({@link NaiveRegexRedactionPolicy}), and beside no redaction;
 * and {@code NarrationJsonLayout} encoding the event with and without {@code <Redaction/>}. Run with {@code benchmarks/run.sh RedactionBenchmark -prof gc -f 1 -wi 3 -w 1s -i 5 -r 1s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RedactionBenchmark {
    static final String CLEAN_120 = "Accepted request for job-123 from pool-a; queued at position 3 of 17, "
            + "predicted start in 420 ms, engine llama-3.1 v0.4.2";
    /**
     * The format that, with the arguments 123 and 3, gives {@link #CLEAN_120}: the same text, but formatted anew for
     * every event, so that redaction scans it (a constant message is scanned once, see Redactor#redactMessage).
     */
    static final String CLEAN_120_FORMAT = "Accepted request for job-{} from pool-a; queued at position {} of 17, "
            + "predicted start in 420 ms, engine llama-3.1 v0.4.2";
    static final String CLEAN_1K = (CLEAN_120 + " trace_id=4bf92f3577b34da6a3ce929d0e0e4736 user=bob; ").repeat(6)
            .substring(0, 1024);

    /**
     * clean120 (a constant message), clean120param (the same text from a format and two arguments),
     * clean120paramAsync (the same as an all-async logger hands it to the layout), clean1k,
     * oneSecret, context10 (ten clean context entries), errorChain (ERROR, 3-deep causes).
     */
    @Param({"clean120", "clean120param", "clean120paramAsync", "clean1k", "oneSecret", "context10", "errorChain"})
    public String input;

    private final RewritePolicy narration = RedactionRewritePolicy.of(Redactor.newBuilder().setName("bench").build());
    private final RewritePolicy naive = new NaiveRegexRedactionPolicy();
    private final NarrationJsonLayout layout = NarrationJsonLayout.newBuilder().setServiceName("bench").build();
    private final NarrationJsonLayout redactingLayout = NarrationJsonLayout.newBuilder().setServiceName("bench")
            .setRedaction(Redactor.newBuilder().setName("bench-layout").build()).build();
    private final DrainingDestination destination = new DrainingDestination();
    private LogEvent event;

    @Setup
    public void setUp() {
        final Log4jLogEvent.Builder builder = Log4jLogEvent.newBuilder().setLoggerName("com.acme.orchestratord.Admission")
                .setLevel(Level.INFO).setMessage(new SimpleMessage(CLEAN_120));
        switch (input) {
            case "clean120param":
                builder.setMessage(new ParameterizedMessage(CLEAN_120_FORMAT, 123, 3));
                break;
            case "clean120paramAsync":
                event = ringBufferEvent(CLEAN_120_FORMAT, Unbox.box(123), Unbox.box(3));
                return;
            case "clean1k":
                builder.setMessage(new SimpleMessage(CLEAN_1K));
                break;
            case "oneSecret":
                builder.setMessage(new SimpleMessage("Pushed build 1.4.2 to origin with token ghp_0123456789abcdefghij"
                        + "ABCDEFGHIJ3mpbCX after 3 retries, took 420 ms"));
                break;
            case "context10":
                final StringMap context = ContextDataFactory.createContextData(10);
                final String[] keys = {"correlation_id", "job_id", "pool_id", "replica_id", "engine", "engine_version",
                    "queue_position", "tokens_in", "worker_id", "model_ref"};
                final String[] values = {"req-42f1c9", "job-123", "pool-a", "r-1", "llama", "0.4.2", "3", "512", "w-7",
                    "hf:meta/llama-3.1-8b"};
                for (int i = 0; i < keys.length; i++) {
                    context.putValue(keys[i], values[i]);
                }
                context.freeze();
                builder.setMessage(new SimpleMessage("Dispatched job-123")).setContextData(context);
                break;
            case "errorChain":
                builder.setLevel(Level.ERROR).setMessage(new SimpleMessage("Dispatch of job-7 failed"))
                        .setThrown(new IllegalStateException("dispatch failed",
                                new RuntimeException("pool-a refused the job",
                                        new IOException("connection refused: 10.0.0.7:8080"))));
                break;
            default:
                break;
        }
        event = builder.build();
    }

    /**
     * An event as an all-async logger hands it to the appenders: the ring buffer's slot, holding the text formatted
     * on the calling thread and the parameters, which is its own message.
     */
    private static LogEvent ringBufferEvent(final String format, final Object first, final Object second) {
        final EventFactory<RingBufferLogEvent> slots = RingBufferLogEvent.FACTORY;
        final RingBufferLogEvent slot = slots.newInstance();
        slot.setValues(null, "com.acme.orchestratord.Admission", null, Logger.class.getName(), Level.INFO,
                new ReusableParameterizedMessage().set(format, first, second), null,
                ContextDataFactory.createContextData(), ThreadContext.EMPTY_STACK, 1L, "main", Thread.NORM_PRIORITY, null,
                ClockFactory.getClock(), new SystemNanoClock());
        return slot;
    }

    @Benchmark
    public LogEvent noRedaction() {
        return event;
    }

    @Benchmark
    public LogEvent redactionPolicy() {
        return narration.rewrite(event);
    }

    @Benchmark
    public LogEvent naiveRegexPolicy() {
        return naive.rewrite(event);
    }

    @Benchmark
    public long layoutEncode() {
        layout.encode(event, destination);
        return destination.reset();
    }

    @Benchmark
    public long layoutEncodeRedacted() {
        redactingLayout.encode(event, destination);
        return destination.reset();
    }
}
