package dev.narration.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.Correlation;
import dev.narration.CorrelationScope;
import dev.narration.testsupport.Allocations;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.RecommendedSettings;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the buffer costs the calling thread with synchronous loggers and the documented garbage-free settings
 * (docs/performance.md, "RequestBuffer"): an event that passes through allocates nothing, as without the buffer;
 * a held event allocates its copy, and a request its scope and end. Counted per thread by the JVM.
 */
class RequestBufferAllocationTest {
    static {
        RecommendedSettings.apply();
    }

    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 50_000;
    private static final int ROUNDS = 4;
    private static final String FILE = "<RandomAccessFile name='json' fileName='${dir}/out.jsonl' immediateFlush='false'>"
            + "<NarrationJsonLayout serviceName='orchestratord'/></RandomAccessFile>";

    private static Log4jFixture buffered;
    private static Log4jFixture plain;

    @BeforeAll
    static void start() {
        buffered = Log4jFixture.sync("<Configuration status='WARN'><Appenders>" + FILE
                + "<RequestBuffer name='requests' maxEvents='64'><AppenderRef ref='json'/></RequestBuffer></Appenders>"
                + "<Loggers><Root level='TRACE'><AppenderRef ref='requests'/></Root></Loggers></Configuration>");
        plain = Log4jFixture.sync("<Configuration status='WARN'><Appenders>" + FILE + "</Appenders>"
                + "<Loggers><Root level='TRACE'><AppenderRef ref='json'/></Root></Loggers></Configuration>");
        ThreadContext.put("pool_id", "default");
    }

    @AfterAll
    static void stop() {
        buffered.close();
        plain.close();
        ThreadContext.clearMap();
    }

    /**
     * Bytes per call in steady state; on a busy machine compilation can outlast one warm-up, so the best of a few
     * rounds counts, and a round under one byte ends the search.
     */
    private static double bytesPerCall(final Runnable call) {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS && best >= 1.0; round++) {
            best = Math.min(best, Allocations.perCall(WARM_UP, MEASURED, call));
        }
        return best;
    }

    @Test
    void eventsThatPassThroughAllocateNothing() {
        final Logger withBuffer = buffered.logger("com.acme.orchestratord.Admission");
        final Logger without = plain.logger("com.acme.orchestratord.Admission");
        ThreadContext.put("correlation_id", "req-7f3a9c2e");
        try {
            final double info = bytesPerCall(() -> withBuffer.info("Accepted request; queued on pool {}", "default"));
            final double infoPlain = bytesPerCall(() -> without.info("Accepted request; queued on pool {}", "default"));
            System.out.printf("INFO with an id: %.2f B/event with the buffer, %.2f B/event without%n", info, infoPlain);
            assertThat(info).as("INFO of a request, through the buffer").isLessThan(1.0);
            assertThat(infoPlain).as("the same without it").isLessThan(1.0);
        } finally {
            ThreadContext.remove("correlation_id");
        }
        final double debug = bytesPerCall(() -> withBuffer.debug("Selected worker {} of pool {}", "gpu-0", "default"));
        System.out.printf("DEBUG without an id: %.2f B/event%n", debug);
        assertThat(debug).as("DEBUG without an id, through the buffer").isLessThan(1.0);
    }

    @Test
    void aHeldEventAllocatesItsCopyAndARequestItsScopeAndEnd() {
        final Logger log = buffered.logger("com.acme.orchestratord.Admission");
        final RequestBuffer buffer = BufferedLines.buffer(buffered);
        ThreadContext.put("correlation_id", "req-held");
        final double held;
        try {
            // maxEvents=64: past the 64th, each hold drops the oldest, so the buffer's arrays no longer grow.
            held = bytesPerCall(() -> log.debug("Selected worker {} of pool {}", "gpu-0", "default"));
        } finally {
            ThreadContext.remove("correlation_id");
        }
        final double request = bytesPerCall(() -> {
            try (CorrelationScope scope = Correlation.open("req-7f3a9c2e")) {
                log.debug("Selected worker {} of pool {}", "gpu-0", "default");
                log.debug("Reserved {} MB on {}", "4096", "gpu-0");
                log.debug("Loaded model {}", "llama-7b");
                log.info("Accepted request; queued on pool {}", "default");
            }
        });
        System.out.printf("DEBUG held: %.0f B/event; request of 3 DEBUG + 1 INFO: %.0f B/request%n", held, request);
        assertThat(held).as("a held DEBUG event: its copy").isGreaterThan(100).isLessThan(EventCopy.FIXED_BYTES + 200);
        assertThat(request).as("a request: three copies, its scope, its entry and its end")
                .isLessThan(3 * held + 1_500);
        assertThat(buffer.counters().dropped(DropCause.REQUEST_END)).isPositive();
        BufferedLines.assertBalanced(buffer);
    }
}
