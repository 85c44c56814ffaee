package dev.narration.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.Narration;
import dev.narration.redact.Redactor;
import dev.narration.testsupport.Allocations;
import dev.narration.testsupport.DrainingDestination;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.api.Test;

/** Encoding into a byte destination, the path every file and socket appender takes, allocates nothing. */
class EncodeAllocationTest {
    private final NarrationJsonLayout layout = NarrationJsonLayout.newBuilder().setConfiguration(new DefaultConfiguration())
            .setServiceName("orchestratord").setServiceVersion("1.4.2").setEnvironment(Map.of()).build();
    private final DrainingDestination destination = new DrainingDestination();

    private static LogEvent event(final org.apache.logging.log4j.message.Message message) {
        final SortedArrayStringMap context = new SortedArrayStringMap();
        context.putValue("correlation_id", "req-7f3a9c");
        context.putValue("job_id", "job-123");
        context.putValue("pool_id", "default");
        context.freeze();
        return Log4jLogEvent.newBuilder().setLoggerName("com.acme.orchestratord.JobAdmission").setLevel(Level.INFO)
                .setMessage(message).setContextData(context).setThreadName("main").setTimeMillis(1_763_708_809_123L)
                .build();
    }

    @Test
    void plainInfoEventEncodesWithoutAllocating() {
        final LogEvent event = event(new ParameterizedMessage("Accepted request; queued at position {} on pool {}", 3, "default"));
        event.getMessage().getFormattedMessage();
        final double perCall = Allocations.steadyPerCall(50_000, 20_000, 3, () -> layout.encode(event, destination));
        assertThat(perCall).as("bytes allocated per encoded event").isLessThan(1.0);
        assertThat(destination.bytes()).isPositive();
    }

    /** A long parameterized message is written from its format's pieces, with and without redaction. */
    @Test
    void aLongParameterizedMessageWrittenFromItsFormatsPiecesEncodesWithoutAllocating() {
        final LogEvent event = event(new ParameterizedMessage("Accepted request for job-{} from pool-a; queued at "
                + "position {} of 17, predicted start in 420 ms, engine llama-3.1 v0.4.2", 123, 3));
        event.getMessage().getFormattedMessage();
        final NarrationJsonLayout redacting = NarrationJsonLayout.newBuilder().setConfiguration(new DefaultConfiguration())
                .setServiceName("orchestratord").setEnvironment(Map.of())
                .setRedaction(Redactor.newBuilder().setName("pieces-allocation").build()).build();
        for (final NarrationJsonLayout encoder : new NarrationJsonLayout[] {layout, redacting}) {
            final double perCall = Allocations.steadyPerCall(50_000, 20_000, 3, () -> encoder.encode(event, destination));
            assertThat(perCall).as("bytes allocated per encoded event by %s", encoder).isLessThan(1.0);
        }
    }

    @Test
    void narrationEventWithTypedFieldsEncodesWithoutAllocating() {
        final LogEvent event = event(Narration.action("accept").target("job-123").human("Accepted request; queued at position {}", 3)
                .cute("Welcome to the queue! 🎫").field("queue_position", 3).field("load", 0.25).field("gpu", true));
        event.getMessage().getFormattedMessage();
        final double perCall = Allocations.steadyPerCall(50_000, 20_000, 3, () -> layout.encode(event, destination));
        assertThat(perCall).as("bytes allocated per encoded event").isLessThan(1.0);
    }

    /** The stack trace options cost nothing on an event without an exception. */
    @Test
    void stackTraceOptionsWithoutAnExceptionEncodeWithoutAllocating() {
        final LogEvent event = event(new ParameterizedMessage("Accepted request; queued at position {} on pool {}", 3, "default"));
        event.getMessage().getFormattedMessage();
        for (final String schema : new String[] {"narration", "ecs", "gcp", "datadog", "otel"}) {
            final NarrationJsonLayout shaped = NarrationJsonLayout.newBuilder().setConfiguration(new DefaultConfiguration())
                    .setServiceName("orchestratord").setEnvironment(Map.of()).setSchema(schema).setStackTraceFrames(8)
                    .setStackTraceFilter("jdk.internal.reflect.").setRootCauseFirst(true).setStackTraceHash(true).build();
            final double perCall = Allocations.steadyPerCall(50_000, 20_000, 3, () -> shaped.encode(event, destination));
            assertThat(perCall).as("bytes allocated per encoded event by %s", shaped).isLessThan(1.0);
        }
    }

    /**
     * Context selection, renames, typed context values and the line cap, all set, cost nothing per event in every
     * schema; nor does a line over the cap, written again to fit, when it has no exception.
     */
    @Test
    void contextOptionsAndTheLineCapEncodeWithoutAllocating() {
        final SortedArrayStringMap context = new SortedArrayStringMap();
        context.putValue("correlation_id", "req-7f3a9c");
        context.putValue("job_id", "job-123");
        context.putValue("user_id", "42");
        context.putValue("ok", "true");
        context.putValue("ratio", "0.25");
        context.putValue("gpus", "2");
        context.putValue("session_id", "s-91");
        context.putValue("http.method", "POST");
        context.freeze();
        final LogEvent fits = Log4jLogEvent.newBuilder().setLoggerName("com.acme.orchestratord.JobAdmission")
                .setLevel(Level.INFO).setMessage(Narration.action("accept").target("job-123").human("Accepted job-123")
                        .field("userId", 7)).setContextData(context).setThreadName("main").setTimeMillis(1_763_708_809_123L).build();
        final LogEvent over = Log4jLogEvent.newBuilder().setLoggerName("com.acme.orchestratord.JobAdmission")
                .setLevel(Level.INFO).setMessage(Narration.action("reply").human("Replied to job-123")
                        .field("reply", "The pool is healthy. ".repeat(240))).setContextData(context).setThreadName("main")
                .setTimeMillis(1_763_708_809_123L).build();
        for (final String schema : new String[] {"narration", "ecs", "gcp", "datadog", "otel"}) {
            final NarrationJsonLayout shaped = NarrationJsonLayout.newBuilder().setConfiguration(new DefaultConfiguration())
                    .setServiceName("orchestratord").setEnvironment(Map.of()).setSchema(schema)
                    .setContextInclude("*_id, ok, ratio, gpus, http.*").setContextExclude("session_*")
                    .setRenames(Rename.newBuilder().setFrom("userId").setTo("user.id").build(),
                            Rename.newBuilder().setFrom("job_id").setTo("job.id").build())
                    .setTypeContext("infer").setFieldTypes(FieldType.newBuilder().setKey("gpus").setType("double").build())
                    .setMaxLineBytes(1024).build();
            for (final LogEvent event : new LogEvent[] {fits, over}) {
                final double perCall = Allocations.steadyPerCall(50_000, 20_000, 3, () -> shaped.encode(event, destination));
                assertThat(perCall).as("bytes allocated per encoded event by %s", shaped).isLessThan(1.0);
            }
        }
    }
}
