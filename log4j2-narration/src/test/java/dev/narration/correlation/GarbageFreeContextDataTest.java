package dev.narration.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.NarrationFields;
import dev.narration.testsupport.Allocations;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.ContextDataInjector;
import org.apache.logging.log4j.core.impl.ContextDataFactory;
import org.apache.logging.log4j.core.impl.ContextDataInjectorFactory;
import org.apache.logging.log4j.core.impl.ThreadContextDataInjector;
import org.apache.logging.log4j.util.StringMap;
import org.junit.jupiter.api.Test;

/**
 * With Log4j's garbage-free thread context map (each test class runs in its own JVM, so the property is set before
 * Log4j starts), the OpenTelemetry provider this jar installs keeps event creation allocation-free while no span is
 * current, and still adds the ids when one is.
 */
class GarbageFreeContextDataTest {
    static {
        System.setProperty("log4j2.threadContextMap", "GarbageFree");
    }

    @Test
    void injectingContextDataAllocatesNothingWithoutASpan() {
        ThreadContext.put(NarrationFields.CORRELATION_ID, "req-gf");
        final ContextDataInjector injector = ContextDataInjectorFactory.createInjector();
        assertThat(injector).isInstanceOf(ThreadContextDataInjector.ForGarbageFreeThreadContextMap.class);
        final StringMap reusable = ContextDataFactory.createContextData();

        final double perCall = Allocations.perCall(200_000, 100_000, () -> {
            reusable.clear();
            injector.injectContextData(null, reusable);
        });
        assertThat(perCall).isLessThan(1.0);
        assertThat(reusable.<String>getValue(NarrationFields.CORRELATION_ID)).isEqualTo("req-gf");
        assertThat(reusable.containsKey(NarrationFields.TRACE_ID)).isFalse();

        try (SdkTracerProvider tracing = SdkTracerProvider.builder().build()) {
            final var span = tracing.get("test").spanBuilder("gf").startSpan();
            try (Scope current = span.makeCurrent()) {
                reusable.clear();
                injector.injectContextData(null, reusable);
            } finally {
                span.end();
            }
            assertThat(reusable.<String>getValue(NarrationFields.TRACE_ID)).isEqualTo(span.getSpanContext().getTraceId());
            assertThat(reusable.<String>getValue(NarrationFields.CORRELATION_ID)).isEqualTo("req-gf");
        }
    }
}
