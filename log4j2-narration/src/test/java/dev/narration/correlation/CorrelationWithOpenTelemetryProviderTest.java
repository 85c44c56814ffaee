package dev.narration.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.internal.correlation.OpenTelemetryPresence;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs in its own surefire execution, the only one whose class path also holds OpenTelemetry's own Log4j
 * context-data provider ({@code opentelemetry-log4j-context-data-2.17-autoconfigure}).
 */
class CorrelationWithOpenTelemetryProviderTest {
    private static final String CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<File name='json' fileName='${dir}/out.jsonl'><NarrationJsonLayout/></File>"
            + "<File name='text' fileName='${dir}/out.log'><PatternLayout pattern='$${correlation:trace_id} %X%n'/></File>"
            + "</Appenders><Loggers><Root level='INFO'><AppenderRef ref='json'/><AppenderRef ref='text'/></Root>"
            + "</Loggers></Configuration>";

    @Test
    void bothProvidersInstalledGiveOneSetOfKeysWithTheSpansValues() {
        assertThat(OpenTelemetryPresence.OWN_LOG4J_PROVIDER).isTrue();
        assertThat(OpenTelemetryContextDataProvider.isActive()).isFalse();
        final List<String> json;
        final List<String> text;
        try (SdkTracerProvider tracing = SdkTracerProvider.builder().build();
                Log4jFixture log4j = Log4jFixture.allAsync(CONFIG)) {
            final Span span = tracing.get("test").spanBuilder("both").startSpan();
            try (Scope current = span.makeCurrent()) {
                log4j.logger("app").info("inside");
            } finally {
                span.end();
            }
            json = log4j.stopAndReadLines("out.jsonl");
            text = log4j.readLines("out.log");
            final JsonNode line = JsonLines.parse(json.get(0)); // strict: a duplicate key fails here
            assertThat(line.get("trace_id").asText()).isEqualTo(span.getSpanContext().getTraceId());
            assertThat(line.get("span_id").asText()).isEqualTo(span.getSpanContext().getSpanId());
            assertThat(line.get("trace_flags").asText()).isEqualTo("01");
            assertThat(JsonLines.keys(line).stream().filter(key -> key.contains("trace") || key.contains("span")))
                    .containsExactly("trace_id", "span_id", "trace_flags");
            assertThat(text).containsExactly(span.getSpanContext().getTraceId() + " {span_id="
                    + span.getSpanContext().getSpanId() + ", trace_flags=01, trace_id="
                    + span.getSpanContext().getTraceId() + "}");
        }
    }
}
