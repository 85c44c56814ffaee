package dev.narration.internal.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.NarrationFields;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ids the context-data provider gives each event of a span are the span context's own strings: the same objects
 * on every event, which is what lets the backend schemas keep an id's converted forms between events (HexIdForms).
 */
class OpenTelemetrySpansTest {
    private static final Tracer TRACER = SdkTracerProvider.builder().build().get("dev.narration.test");

    @Test
    void everyEventOfASpanGetsTheSameIdStrings() {
        final Span parent = TRACER.spanBuilder("request").startSpan();
        try (Scope ignored = parent.makeCurrent()) {
            final Map<String, String> first = OpenTelemetrySpans.currentIds();
            final Map<String, String> second = OpenTelemetrySpans.currentIds();
            assertThat(second.get(NarrationFields.TRACE_ID)).isSameAs(first.get(NarrationFields.TRACE_ID))
                    .isEqualTo(parent.getSpanContext().getTraceId());
            assertThat(second.get(NarrationFields.SPAN_ID)).isSameAs(first.get(NarrationFields.SPAN_ID));
            assertThat(OpenTelemetrySpans.currentId(NarrationFields.TRACE_ID)).isSameAs(first.get(NarrationFields.TRACE_ID));
            final Span child = TRACER.spanBuilder("query").startSpan();
            try (Scope inner = child.makeCurrent()) {
                // A child span's context carries its trace's id on.
                assertThat(OpenTelemetrySpans.currentIds().get(NarrationFields.TRACE_ID))
                        .isEqualTo(first.get(NarrationFields.TRACE_ID));
            } finally {
                child.end();
            }
        } finally {
            parent.end();
        }
    }
}
