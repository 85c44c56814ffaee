package dev.narration.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.Correlation;
import dev.narration.internal.correlation.TraceParent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorrelationHeadersTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    /** Header names match without regard to case, as a servlet request's {@code getHeader} does. */
    private static Function<String, String> headers(final String... namesAndValues) {
        final Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map::get;
    }

    @Test
    void explicitCorrelationIdComesFirst() {
        assertThat(Correlation.incomingId(headers("x-correlation-id", "corr-1", "X-Request-ID", "req-1",
                "traceparent", TRACEPARENT))).isEqualTo("corr-1");
    }

    @Test
    void requestIdIsUsedWhenTheCorrelationIdIsMissingOrInvalid() {
        assertThat(Correlation.incomingId(headers("X-Request-ID", "req-1"))).isEqualTo("req-1");
        assertThat(Correlation.incomingId(headers("X-Correlation-ID", "bad\r\nid", "X-Request-ID", "req-1")))
                .isEqualTo("req-1");
    }

    @Test
    void traceIdOfAValidTraceparentIsTheLastResort() {
        assertThat(Correlation.incomingId(headers("traceparent", TRACEPARENT))).isEqualTo(TRACE_ID);
        assertThat(Correlation.incomingId(headers("X-Request-ID", "\"x\"", "traceparent", " " + TRACEPARENT + "\t")))
                .isEqualTo(TRACE_ID);
    }

    @Test
    void nothingValidGivesNoIdAndTheScopeAFreshOne() {
        final Function<String, String> headers = headers("X-Correlation-ID", "x".repeat(10 * 1024),
                "X-Request-ID", "ünïcödé", "traceparent", "00-" + TRACE_ID.toUpperCase() + "-00f067aa0ba902b7-01");
        assertThat(Correlation.incomingId(headers)).isNull();
        assertThat(Correlation.incomingId(headers())).isNull();
        assertThat(Correlation.incomingId(null)).isNull();
        try (var scope = Correlation.openFromHeaders(headers)) {
            assertThat(scope.id()).hasSize(26);
            assertThat(Correlation.currentId()).isEqualTo(scope.id());
        }
    }

    @Test
    void failingHeaderGetterIsTreatedAsMissing() {
        final Function<String, String> broken = name -> {
            throw new IllegalStateException("request already recycled");
        };
        assertThat(Correlation.incomingId(broken)).isNull();
        try (var scope = Correlation.openFromHeaders(broken)) {
            assertThat(Correlation.isValid(scope.id())).isTrue();
        }
    }

    @Test
    void currentIdIsWrittenToOutgoingHeaders() {
        final Map<String, String> outgoing = new LinkedHashMap<>();
        Correlation.writeHeaders(outgoing::put);
        assertThat(outgoing).isEmpty();
        try (var scope = Correlation.open("req-7")) {
            Correlation.writeHeaders(outgoing::put);
        }
        assertThat(outgoing).containsExactly(Map.entry("X-Correlation-ID", "req-7"));
        try (var scope = Correlation.open("req-8")) {
            Correlation.writeHeaders((name, value) -> {
                throw new UnsupportedOperationException("headers are immutable");
            });
        }
    }

    @Test
    void validTraceparentIsParsed() {
        final TraceParent parsed = TraceParent.parse(TRACEPARENT);
        assertThat(parsed.traceId()).isEqualTo(TRACE_ID);
        assertThat(parsed.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(parsed.flags()).isEqualTo("01");
        assertThat(parsed).hasToString(TRACEPARENT);
        // A later version may append fields after a dash; a receiver keeps the parts it knows.
        assertThat(TraceParent.parse("01-" + TRACE_ID + "-00f067aa0ba902b7-09-future")).isNotNull();
        assertThat(TraceParent.parse("01-" + TRACE_ID + "-00f067aa0ba902b7-09")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
        "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01extra",
        "0-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",
        "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\nX-Injected: 1",
    })
    void invalidTraceparentIsRejected(final String header) {
        assertThat(TraceParent.parse(header)).isNull();
        assertThat(Correlation.incomingId(headers("traceparent", header))).isNull();
    }

    @Test
    void formatRejectsIdsThatAreNotW3c() {
        assertThat(TraceParent.format(TRACE_ID, "00f067aa0ba902b7", null)).isEqualTo("00-" + TRACE_ID + "-00f067aa0ba902b7-00");
        assertThat(TraceParent.format(TRACE_ID, "short", "01")).isNull();
        assertThat(TraceParent.format(null, "00f067aa0ba902b7", "01")).isNull();
    }
}
