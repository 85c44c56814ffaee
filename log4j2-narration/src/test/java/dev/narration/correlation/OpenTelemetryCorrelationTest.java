package dev.narration.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Correlation;
import dev.narration.NarrationFields;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With the real OpenTelemetry SDK on the class path and no agent. */
class OpenTelemetryCorrelationTest {
    private static final String CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<File name='json' fileName='${dir}/out.jsonl'><NarrationJsonLayout serviceName='orchestratord'/></File>"
            + "<File name='text' fileName='${dir}/out.log'><PatternLayout pattern='$${correlation:traceparent} %m%n'/></File>"
            + "</Appenders><Loggers><Root level='INFO'><AppenderRef ref='json'/><AppenderRef ref='text'/></Root>"
            + "</Loggers></Configuration>";

    private static final SdkTracerProvider TRACING = SdkTracerProvider.builder().build();
    private static final Tracer TRACER = TRACING.get("dev.narration.test");

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    @AfterAll
    static void stopTracing() {
        TRACING.close();
    }

    @Test
    void spanIdsAppearInTheJsonLineOfAnEventLoggedInsideTheSpanThroughAllAsyncLoggers() {
        assertThat(OpenTelemetryContextDataProvider.isActive()).isTrue();
        final Span span = TRACER.spanBuilder("accept").startSpan();
        final SpanContext ids = span.getSpanContext();
        final List<String> json;
        final List<String> text;
        try (Log4jFixture log4j = Log4jFixture.allAsync(CONFIG)) {
            final Logger logger = log4j.logger("com.acme.orchestratord.Admission");
            try (Scope current = span.makeCurrent(); var scope = Correlation.open("req-otel")) {
                logger.info("inside the span");
            } finally {
                span.end();
            }
            logger.info("after the span");
            json = log4j.stopAndReadLines("out.jsonl");
            text = log4j.readLines("out.log");
        }
        final JsonNode inside = JsonLines.parse(json.get(0));
        assertThat(inside.get("trace_id").asText()).isEqualTo(ids.getTraceId()).matches("[0-9a-f]{32}");
        assertThat(inside.get("span_id").asText()).isEqualTo(ids.getSpanId()).matches("[0-9a-f]{16}");
        assertThat(inside.get("trace_flags").asText()).isEqualTo("01");
        assertThat(inside.get("correlation_id").asText()).isEqualTo("req-otel");
        assertThat(JsonLines.keys(inside)).doesNotContain("context.trace_id", "context.span_id");

        final JsonNode after = JsonLines.parse(json.get(1));
        assertThat(after.has("trace_id")).isFalse();
        assertThat(after.has("span_id")).isFalse();

        assertThat(text).containsExactly(
                "00-" + ids.getTraceId() + "-" + ids.getSpanId() + "-01 inside the span", " after the span");
    }

    @Test
    void lookupWithoutAnEventReadsTheCurrentSpan() {
        final CorrelationLookup lookup = new CorrelationLookup();
        final Span span = TRACER.spanBuilder("configure").startSpan();
        try (Scope current = span.makeCurrent()) {
            assertThat(lookup.lookup(NarrationFields.TRACE_ID)).isEqualTo(span.getSpanContext().getTraceId());
            assertThat(lookup.lookup(NarrationFields.SPAN_ID)).isEqualTo(span.getSpanContext().getSpanId());
            assertThat(lookup.lookup("traceparent")).isEqualTo(
                    "00-" + span.getSpanContext().getTraceId() + "-" + span.getSpanContext().getSpanId() + "-01");
        } finally {
            span.end();
        }
        assertThat(lookup.lookup(NarrationFields.TRACE_ID)).isEmpty();
    }

    @Test
    void traceIdSetExplicitlyInTheThreadContextWins() {
        final Span span = TRACER.spanBuilder("explicit").startSpan();
        final List<String> json;
        try (Log4jFixture log4j = Log4jFixture.sync(CONFIG)) {
            try (Scope current = span.makeCurrent()) {
                ThreadContext.put(NarrationFields.TRACE_ID, "0af7651916cd43dd8448eb211c80319c");
                log4j.logger("app").info("explicit");
            } finally {
                span.end();
            }
            json = log4j.stopAndReadLines("out.jsonl");
        }
        final JsonNode line = JsonLines.parse(json.get(0));
        assertThat(line.get("trace_id").asText()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(line.has("span_id")).isFalse();
    }

    @Test
    void wrappedExecutorCarriesTheSpanToTheWorker() throws Exception {
        final ExecutorService pool = Correlation.wrap(Executors.newSingleThreadExecutor());
        final Span span = TRACER.spanBuilder("fan-out").startSpan();
        final List<String> json;
        try (Log4jFixture log4j = Log4jFixture.allAsync(CONFIG)) {
            final Logger logger = log4j.logger("com.acme.orchestratord.Dispatcher");
            try (Scope current = span.makeCurrent(); var scope = Correlation.open("req-fan")) {
                pool.submit(() -> logger.info("on the worker")).get();
            } finally {
                span.end();
            }
            assertThat(pool.submit(() -> Span.current().getSpanContext().isValid()).get()).isFalse();
            json = log4j.stopAndReadLines("out.jsonl");
        } finally {
            pool.shutdownNow();
        }
        final JsonNode line = JsonLines.parse(json.get(0));
        assertThat(line.get("thread").asText()).startsWith("pool-");
        assertThat(line.get("trace_id").asText()).isEqualTo(span.getSpanContext().getTraceId());
        assertThat(line.get("correlation_id").asText()).isEqualTo("req-fan");
    }
}
