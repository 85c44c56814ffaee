package dev.narration.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.Narration;
import dev.narration.redact.Redactor;
import dev.narration.testsupport.Allocations;
import dev.narration.testsupport.DrainingDestination;
import dev.narration.testsupport.SchemaLines;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every backend schema, like the narration line ({@link EncodeAllocationTest}), encodes an event without an exception
 * into a byte destination without allocating: with a span's ids and flags (the decimal ids, the trace resource, the
 * hex ids), a marker, typed fields, with and without redaction.
 */
class SchemaAllocationTest {
    private final DrainingDestination destination = new DrainingDestination();

    private static LogEvent event(final Message message) {
        final SortedArrayStringMap context = new SortedArrayStringMap();
        context.putValue("correlation_id", "req-7f3a9c");
        context.putValue("job_id", "job-123");
        context.putValue("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
        context.putValue("span_id", "e0f067aa0ba902b7");
        context.putValue("trace_flags", "01");
        context.freeze();
        message.getFormattedMessage();
        return Log4jLogEvent.newBuilder().setLoggerName("com.acme.orchestratord.JobAdmission").setLevel(Level.INFO)
                .setMessage(message).setContextData(context).setThreadName("main").setTimeMillis(1_763_708_809_123L)
                .setMarker(MarkerManager.getMarker("AUDIT")).build();
    }

    private static NarrationJsonLayout layout(final String schema, final boolean redaction) {
        final NarrationJsonLayout.Builder builder = NarrationJsonLayout.newBuilder().setConfiguration(new DefaultConfiguration())
                .setSchema(schema).setServiceName("orchestratord").setServiceVersion("1.4.2")
                .setDeploymentEnvironment("production").setGcpProjectId("acme-prod").setEnvironment(Map.of());
        if (redaction) {
            builder.setRedaction(Redactor.newBuilder().setName("schema-allocation-" + schema).build());
        }
        return builder.build();
    }

    @ParameterizedTest
    @FieldSource("dev.narration.testsupport.SchemaLines#BACKENDS")
    void anEventWithoutAnExceptionEncodesWithoutAllocating(final String schema) {
        final LogEvent[] events = {
            event(new ParameterizedMessage("Accepted request; queued at position {} on pool {}", 3, "default")),
            event(Narration.action("accept").target("job-123").human("Accepted request; queued at position {}", 3)
                    .cute("Welcome to the queue! 🎫").field("queue_position", 3).field("load", 0.25).field("gpu", true)),
        };
        for (final boolean redaction : new boolean[] {false, true}) {
            final NarrationJsonLayout layout = layout(schema, redaction);
            for (final LogEvent event : events) {
                final double perCall = Allocations.steadyPerCall(50_000, 20_000, 3, () -> layout.encode(event, destination));
                assertThat(perCall).as("bytes allocated per %s event by %s", schema, layout).isLessThan(1.0);
            }
        }
        assertThat(destination.bytes()).isPositive();
        assertThat(SchemaLines.BACKENDS).contains(schema);
    }
}
