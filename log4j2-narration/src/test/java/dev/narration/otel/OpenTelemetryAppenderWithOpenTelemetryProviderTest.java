package dev.narration.otel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.testsupport.InMemoryOpenTelemetry;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.log4j.appender.v2_17.OpenTelemetryAppender;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.StringMapMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What OpenTelemetry's Log4j appender ({@code opentelemetry-log4j-appender-2.17}) exports of each kind of message,
 * beside a {@code NarrationJsonLayout} appender fed the same events (docs/opentelemetry.md). Runs in the surefire
 * execution that has OpenTelemetry's own context-data provider on the class path: the appender needs it at run
 * time and brings it along, so every user of the appender has it too.
 */
class OpenTelemetryAppenderWithOpenTelemetryProviderTest {
    private static final String CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<File name='json' fileName='${dir}/out.jsonl'><NarrationJsonLayout/></File>"
            + "<OpenTelemetry name='otel' captureContextDataAttributes='*' captureMapMessageAttributes='true'"
            + " captureMarkerAttribute='true'/>"
            + "</Appenders><Loggers><Root level='INFO'><AppenderRef ref='json'/><AppenderRef ref='otel'/></Root>"
            + "</Loggers></Configuration>";

    private final InMemoryOpenTelemetry otlp = new InMemoryOpenTelemetry();
    private Log4jFixture log4j;
    private Logger log;

    @BeforeEach
    void start() {
        log4j = Log4jFixture.sync(CONFIG);
        // What OpenTelemetryAppender.install(sdk) does for the global context, for this test's own context.
        final OpenTelemetryAppender appender = log4j.context().getConfiguration().getAppender("otel");
        appender.setOpenTelemetry(otlp.sdk());
        log = log4j.logger("com.acme.orchestratord.JobAdmission");
    }

    @AfterEach
    void stop() {
        ThreadContext.clearMap();
        log4j.close();
        otlp.close();
    }

    /** The one record exported and the one line written for the same event. */
    private Map.Entry<LogRecordData, JsonNode> only() {
        final List<LogRecordData> records = otlp.records();
        final List<String> lines = log4j.readLines("out.jsonl");
        assertThat(records).hasSize(1);
        assertThat(lines).hasSize(1);
        return Map.entry(records.get(0), JsonLines.parse(lines.get(0)));
    }

    /** Attribute names and their OpenTelemetry types. */
    private static Map<String, AttributeType> types(final LogRecordData record) {
        final Map<String, AttributeType> types = new TreeMap<>();
        record.getAttributes().forEach((key, value) -> types.put(key.getKey(), key.getType()));
        return types;
    }

    @Test
    void aNarrationExportsItsSentenceAsTheBodyButNoneOfItsFields() {
        ThreadContext.put("correlation_id", "req-1");
        ThreadContext.put("tenant", "acme");
        final Span span = otlp.tracing().get("test").spanBuilder("accept").startSpan();
        try (Scope current = span.makeCurrent()) {
            log.info(Narration.action("accept").target("job-1").human("Accepted job {}; queued at position {}", "job-1", 3)
                    .cute("Welcome, job-1! 🎫").field("queue_position", 3).field("gpu_share", 0.5).field("warm", true));
        } finally {
            span.end();
        }
        final Map.Entry<LogRecordData, JsonNode> event = only();
        final LogRecordData record = event.getKey();
        final JsonNode line = event.getValue();

        assertThat(record.getBodyValue().asString()).isEqualTo("Accepted job job-1; queued at position 3")
                .isEqualTo(line.get("human").asText());
        assertThat(record.getSeverity()).isEqualTo(Severity.INFO);
        assertThat(record.getSeverityText()).isEqualTo("INFO");
        assertThat(record.getSpanContext()).isEqualTo(span.getSpanContext());
        assertThat(record.getInstrumentationScopeInfo().getName()).isEqualTo("com.acme.orchestratord.JobAdmission");
        // The context's entries, each as a string: the ThreadContext and OpenTelemetry's ids. The Narration's
        // actor, action, target, renderings and typed fields are not exported (docs/opentelemetry.md).
        assertThat(types(record)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "correlation_id", AttributeType.STRING, "tenant", AttributeType.STRING,
                "trace_id", AttributeType.STRING, "span_id", AttributeType.STRING, "trace_flags", AttributeType.STRING));
        assertThat(record.getAttributes().get(AttributeKey.stringKey("correlation_id"))).isEqualTo("req-1");
        assertThat(record.getAttributes().get(AttributeKey.stringKey("trace_id"))).isEqualTo(span.getSpanContext().getTraceId());

        // The JSON line of the same event has them all, typed.
        assertThat(line.get("action").asText()).isEqualTo("accept");
        assertThat(line.get("queue_position").isIntegralNumber()).isTrue();
        assertThat(line.get("gpu_share").isDouble()).isTrue();
        assertThat(line.get("warm").isBoolean()).isTrue();
        assertThat(line.get("trace_id").asText()).isEqualTo(span.getSpanContext().getTraceId());
    }

    @Test
    void onAllAsyncLoggersTheRecordStillBelongsToTheSpan() {
        log4j.close();
        log4j = Log4jFixture.allAsync(CONFIG);
        final OpenTelemetryAppender appender = log4j.context().getConfiguration().getAppender("otel");
        appender.setOpenTelemetry(otlp.sdk());
        final Span span = otlp.tracing().get("test").spanBuilder("dispatch").startSpan();
        try (Scope current = span.makeCurrent()) {
            log4j.logger("com.acme.poolmanagerd.Dispatcher").info(Narration.action("dispatch").target("job-1").human("Dispatched job-1"));
        } finally {
            span.end();
        }
        log4j.close(); // drains the ring buffer: the appender ran on Log4j's background thread
        final Map.Entry<LogRecordData, JsonNode> event = only();
        // No OpenTelemetry context on that thread: the appender rebuilds it from the event's trace_id, span_id and
        // trace_flags, which the context-data provider captured on the logging thread.
        assertThat(event.getKey().getSpanContext().getTraceId()).isEqualTo(span.getSpanContext().getTraceId());
        assertThat(event.getKey().getSpanContext().getSpanId()).isEqualTo(span.getSpanContext().getSpanId());
        assertThat(event.getKey().getBodyValue().asString()).isEqualTo("Dispatched job-1");
        assertThat(event.getValue().get("span_id").asText()).isEqualTo(span.getSpanContext().getSpanId());
    }

    @Test
    void aParameterizedMessageExportsItsFormattedText() {
        log.warn("Pool {} is at {}% VRAM", "gpu-a", 95);
        final Map.Entry<LogRecordData, JsonNode> event = only();
        assertThat(event.getKey().getBodyValue().asString()).isEqualTo("Pool gpu-a is at 95% VRAM")
                .isEqualTo(event.getValue().get("human").asText());
        assertThat(event.getKey().getSeverity()).isEqualTo(Severity.WARN);
        assertThat(event.getKey().getAttributes().isEmpty()).isTrue();
        assertThat(event.getKey().getSpanContext().isValid()).as("no span was current").isFalse();
    }

    @Test
    void aMapMessageExportsItsMessageEntryAsTheBodyAndEveryOtherEntryAsAString() {
        log.info(new StringMapMessage().with("message", "Drained pool gpu-a").with("pool_id", "gpu-a").with("workers", 3));
        final Map.Entry<LogRecordData, JsonNode> event = only();
        assertThat(event.getKey().getBodyValue().asString()).isEqualTo("Drained pool gpu-a")
                .isEqualTo(event.getValue().get("human").asText());
        assertThat(types(event.getKey())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "log4j.map_message.pool_id", AttributeType.STRING, "log4j.map_message.workers", AttributeType.STRING));
        assertThat(event.getKey().getAttributes().get(AttributeKey.stringKey("log4j.map_message.workers"))).isEqualTo("3");
    }

    @Test
    void contextEntriesAreTheOnlyWayToAttributesAndTheyAreStrings() {
        // What Log4j's SLF4J binding does with addKeyValue(…): the pairs sit in the ThreadContext for one call.
        try (CloseableThreadContext.Instance pairs = CloseableThreadContext.put("action", "drain").put("workers", "3")) {
            log.info("Drained pool gpu-a");
        }
        final Map.Entry<LogRecordData, JsonNode> event = only();
        assertThat(types(event.getKey())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "action", AttributeType.STRING, "workers", AttributeType.STRING));
        assertThat(event.getValue().get("action").asText()).isEqualTo("drain");
    }

    @Test
    void aThrowableExportsTheExceptionAttributesAndAMarkerItsName() {
        final IllegalStateException cause = new IllegalStateException("out of VRAM");
        log.error(MarkerManager.getMarker("PAGE"), Narration.action("fail").target("job-1").human("Failed to start job-1"), cause);
        final Map.Entry<LogRecordData, JsonNode> event = only();
        final LogRecordData record = event.getKey();
        assertThat(record.getBodyValue().asString()).isEqualTo("Failed to start job-1");
        assertThat(record.getSeverity()).isEqualTo(Severity.ERROR);
        assertThat(record.getAttributes().get(AttributeKey.stringKey("exception.type"))).isEqualTo("java.lang.IllegalStateException")
                .isEqualTo(event.getValue().get("exception.type").asText());
        assertThat(record.getAttributes().get(AttributeKey.stringKey("exception.message"))).isEqualTo("out of VRAM");
        assertThat(record.getAttributes().get(AttributeKey.stringKey("exception.stacktrace")))
                .startsWith("java.lang.IllegalStateException: out of VRAM");
        assertThat(record.getAttributes().get(AttributeKey.stringKey("log4j.marker"))).isEqualTo("PAGE");
        assertThat(types(record)).doesNotContainKeys("action", "target");
    }
}
