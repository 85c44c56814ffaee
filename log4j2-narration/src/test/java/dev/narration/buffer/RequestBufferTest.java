package dev.narration.buffer;

import static dev.narration.buffer.BufferedLines.NO_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.Correlation;
import dev.narration.CorrelationScope;
import dev.narration.testsupport.Log4jFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of the "done when" list, through {@code log4j2.xml}, on synchronous and all-async loggers,
 * with several threads logging requests at once: what is written, in which order, and what is counted.
 */
class RequestBufferTest {
    private static final int THREADS = 4;
    private static final int ROUNDS = 50;
    private static final int MAX_EVENTS = 3;
    private static final int OVER = 10;

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    @ParameterizedTest(name = "allAsync={0}")
    @ValueSource(booleans = {false, true})
    void eachRequestWritesWhatTheContractSays(final boolean allAsync) throws InterruptedException {
        final Log4jFixture log4j = BufferedLines.starter(allAsync).apply(BufferedLines.config("maxEvents='" + MAX_EVENTS + "'"));
        assertThat(log4j.context() instanceof AsyncLoggerContext).isEqualTo(allAsync);
        final RequestBuffer buffer = BufferedLines.buffer(log4j);
        final Logger log = log4j.logger("com.acme.orchestratord.Admission");
        final CountDownLatch start = new CountDownLatch(1);
        final List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            final int thread = t;
            threads.add(new Thread(() -> {
                await(start);
                for (int round = 0; round < ROUNDS; round++) {
                    logRequests(log, "req-" + thread + "-" + round);
                }
            }, "worker-" + t));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (final Thread thread : threads) {
            thread.join();
        }
        final List<String> lines = log4j.stopAndReadLines(BufferedLines.FILE);
        final Map<String, List<String>> byId = BufferedLines.humansById(lines);

        for (int t = 0; t < THREADS; t++) {
            for (int round = 0; round < ROUNDS; round++) {
                final String prefix = "req-" + t + "-" + round;
                assertThat(byId.get(prefix + "-ok")).as("DEBUG, DEBUG, INFO: only the INFO").containsExactly("ok: done");
                assertThat(byId.get(prefix + "-fail")).as("DEBUG, WARN, TRACE, ERROR")
                        .containsExactly("fail: warned", "fail: debug", "fail: trace", "fail: failed");
                assertThat(byId).as("DEBUG only: nothing").doesNotContainKey(prefix + "-quiet");
                final List<String> over = new ArrayList<>();
                for (int i = OVER - MAX_EVENTS; i < OVER; i++) {
                    over.add("over: debug " + i);
                }
                over.add("over: failed");
                assertThat(byId.get(prefix + "-over")).as("more than maxEvents: the newest kept").containsExactlyElementsOf(over);
            }
        }
        final List<String> noId = byId.get(NO_ID);
        assertThat(noId).as("events without an id are written").hasSize(THREADS * ROUNDS * 2);
        assertThat(noId).filteredOn("none: debug"::equals).hasSize(THREADS * ROUNDS);
        assertThat(noId).filteredOn("none: info"::equals).hasSize(THREADS * ROUNDS);
        assertThat(lines).hasSize(THREADS * ROUNDS * (1 + 4 + MAX_EVENTS + 1 + 2));

        final long requests = (long) THREADS * ROUNDS;
        final BufferCounters counters = buffer.counters();
        assertThat(counters.held()).isEqualTo(requests * (2 + 2 + 1 + OVER));
        assertThat(counters.flushed()).isEqualTo(requests * (2 + MAX_EVENTS));
        assertThat(counters.flushes()).isEqualTo(requests * 2);
        assertThat(counters.dropped(DropCause.MAX_EVENTS)).isEqualTo(requests * (OVER - MAX_EVENTS));
        assertThat(counters.dropped(DropCause.REQUEST_END)).as("ok and quiet, at their scope's close").isEqualTo(requests * 3);
        assertThat(counters.totalDropped()).isEqualTo(requests * (OVER - MAX_EVENTS + 3));
        assertThat(buffer.heldNow()[0]).isZero();
        BufferedLines.assertBalanced(buffer);
    }

    private static void logRequests(final Logger log, final String prefix) {
        try (CorrelationScope scope = Correlation.open(prefix + "-ok")) {
            log.debug("ok: debug");
            log.debug("ok: debug again");
            log.info("ok: done");
        }
        try (CorrelationScope scope = Correlation.open(prefix + "-fail")) {
            log.debug("fail: debug");
            log.warn("fail: warned");
            log.trace("fail: trace");
            log.error("fail: failed");
        }
        try (CorrelationScope scope = Correlation.open(prefix + "-quiet")) {
            log.debug("quiet: debug");
        }
        log.debug("none: debug");
        log.info("none: info");
        try (CorrelationScope scope = Correlation.open(prefix + "-over")) {
            for (int i = 0; i < OVER; i++) {
                log.debug("over: debug {}", i);
            }
            log.error("over: failed");
        }
    }

    private static void await(final CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
