package dev.narration.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.Correlation;
import dev.narration.NarrationFields;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CorrelationScopeTest {
    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    @Test
    void validIncomingIdIsKeptAndVisibleInTheThreadContext() {
        try (var scope = Correlation.open("req-42")) {
            assertThat(scope.id()).isEqualTo("req-42");
            assertThat(ThreadContext.get(NarrationFields.CORRELATION_ID)).isEqualTo("req-42");
            assertThat(Correlation.currentId()).isEqualTo("req-42");
        }
        assertThat(ThreadContext.containsKey(NarrationFields.CORRELATION_ID)).isFalse();
        assertThat(Correlation.currentId()).isNull();
    }

    static Stream<String> invalidIds() {
        return Stream.of(null, "", " ", "req-42\r\nINFO forged line", "req-42\n", "\"req-42\"", "req'42",
                "x".repeat(10 * 1024), "x".repeat(65), "réquête", "req-😀", "req\u0000", "req 42", "a,b", "<b>");
    }

    @ParameterizedTest
    @MethodSource("invalidIds")
    void invalidOrMissingIncomingIdIsReplacedByAFreshOne(final String incoming) {
        try (var scope = Correlation.open(incoming)) {
            assertThat(scope.id()).isNotEqualTo(incoming).hasSize(26);
            assertThat(Correlation.isValid(scope.id())).isTrue();
            assertThat(Correlation.currentId()).isEqualTo(scope.id());
        }
    }

    @Test
    void nestedScopesRestoreTheOuterId() {
        try (var outer = Correlation.open("outer")) {
            try (var inner = Correlation.open("inner")) {
                assertThat(Correlation.currentId()).isEqualTo("inner");
            }
            assertThat(Correlation.currentId()).isEqualTo("outer");
        }
        assertThat(Correlation.currentId()).isNull();
    }

    @Test
    void closingLastScopeRestoresTheIdTheThreadHadBefore() {
        ThreadContext.put(NarrationFields.CORRELATION_ID, "set-by-hand");
        ThreadContext.put(NarrationFields.JOB_ID, "job-1");
        try (var scope = Correlation.open("req-1")) {
            assertThat(Correlation.currentId()).isEqualTo("req-1");
        }
        assertThat(Correlation.currentId()).isEqualTo("set-by-hand");
        assertThat(ThreadContext.get(NarrationFields.JOB_ID)).isEqualTo("job-1");
    }

    @Test
    void closingOutOfOrderNeverResurrectsAClosedId() {
        final var outer = Correlation.open("outer");
        final var inner = Correlation.open("inner");
        outer.close();
        assertThat(Correlation.currentId()).isEqualTo("inner");
        inner.close();
        assertThat(Correlation.currentId()).isNull();
    }

    @Test
    void closingTwiceIsHarmless() {
        try (var outer = Correlation.open("outer")) {
            final var inner = Correlation.open("inner");
            inner.close();
            inner.close();
            assertThat(Correlation.currentId()).isEqualTo("outer");
        }
        assertThat(Correlation.currentId()).isNull();
    }

    @Test
    void closingFromAnotherThreadLeavesBothThreadsAlone() throws InterruptedException {
        final var scope = Correlation.open("owner");
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread other = new Thread(() -> {
            try {
                ThreadContext.put(NarrationFields.CORRELATION_ID, "other");
                scope.close();
                assertThat(Correlation.currentId()).isEqualTo("other");
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        other.start();
        other.join();
        assertThat(failure.get()).isNull();
        assertThat(Correlation.currentId()).isEqualTo("owner");
        scope.close();
        assertThat(Correlation.currentId()).isNull();
    }
}
